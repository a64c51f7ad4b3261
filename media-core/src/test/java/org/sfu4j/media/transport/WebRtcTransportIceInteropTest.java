package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.Ice4jLoopback;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.ice.IceState;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/**
 * ice4j's full ICE {@link Agent}, controlling, connects to our ICE-lite WebRtcTransport over
 * loopback. ice4j's HostCandidateHarvester skips loopback interfaces, so the agent gets a
 * component without harvesting and a HostCandidate on a 127.0.0.1 socket we bind ourselves
 * (registered with its StunStack as the harvester would). ICE restart: the transport's new
 * credentials are given to a fresh ice4j agent (as a browser restarting ICE uses new ones), the
 * old ufrag stops answering, the selected tuple moves to the new agent.
 */
class WebRtcTransportIceInteropTest {

  @BeforeAll
  static void quietIce4j() {
    Logger.getLogger("org.ice4j").setLevel(Level.WARNING);
  }

  /** An ice4j controlling agent with one loopback host candidate, pointed at {@code t}. */
  private static Agent ice4jAgent(WebRtcTransport t, IceParameters serverIce) throws Exception {
    Agent agent = new Agent();
    agent.setControlling(true);
    agent.setTrickling(false);
    IceMediaStream stream = agent.createMediaStream("audio");
    // Not agent.createComponent: that harvests every non-loopback interface of the machine.
    Component component = Ice4jLoopback.bareComponent(stream, KeepAliveStrategy.SELECTED_ONLY);
    IceUdpSocketWrapper socket = new IceUdpSocketWrapper(
        new MultiplexingDatagramSocket(0, InetAddress.getLoopbackAddress()));
    HostCandidate local = new HostCandidate(socket, component, Transport.UDP);
    component.addLocalCandidate(local);
    local.getStunStack().addSocket(local.getStunSocket(null));
    stream.setRemoteUfrag(serverIce.getUsernameFragment());
    stream.setRemotePassword(serverIce.getPassword());
    IceCandidate c = t.iceCandidates().get(0);
    component.addRemoteCandidate(new RemoteCandidate(
        new TransportAddress(c.getAddress(), c.getPort(), Transport.UDP), component,
        CandidateType.HOST_CANDIDATE, c.getFoundation(), c.getPriority(), null));
    return agent;
  }

  private static int localPort(Agent agent) {
    return agent.getStream("audio").getComponents().get(0).getLocalCandidates().get(0)
        .getTransportAddress().getPort();
  }

  @Test
  void ice4jControllingAgentConnectsAndRestartMovesToNewCredentials() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture()) {
      WebRtcTransport t = f.transport();
      DtlsInteropTest.Events events = new DtlsInteropTest.Events();
      t.addStateListener(events);
      f.onLoop(() -> null);

      Agent first = ice4jAgent(t, t.iceParameters());
      Agent second = null;
      try {
        long t0 = System.nanoTime();
        first.startConnectivityEstablishment();
        WebRtcFixture.await("ice4j completed",
            () -> first.getState() == IceProcessingState.COMPLETED
                || first.getState() == IceProcessingState.TERMINATED);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        WebRtcFixture.await("transport completed", () -> t.iceState() == IceState.COMPLETED);
        CandidatePair pair = first.getStream("audio").getComponents().get(0).getSelectedPair();
        assertNotNull(pair, "ice4j selected a pair");
        assertEquals(t.iceCandidates().get(0).getPort(),
            pair.getRemoteCandidate().getTransportAddress().getPort());
        assertEquals(1, first.getStream("audio").getComponents().get(0).getLocalCandidateCount(),
            "only our loopback candidate");
        assertEquals(localPort(first), t.iceSelectedTuple().getRemotePort());
        assertEquals("127.0.0.1", t.iceSelectedTuple().getRemoteIp());
        assertEquals(IceState.COMPLETED, t.iceState());
        System.out.println("[ice4j] controlling agent connected to ICE-lite in " + ms + " ms");

        // ICE restart: new credentials; a fresh ice4j agent (new socket, new tuple) connects.
        String oldUfrag = t.iceParameters().getUsernameFragment();
        IceParameters restarted = WebRtcFixture.get(t.restartIce());
        assertNotEquals(oldUfrag, restarted.getUsernameFragment());
        assertEquals(restarted, t.iceParameters());
        RtcUdpSocket socket = f.socket();
        assertEquals(1, (int) f.onLoop(socket::ufragCount), "old ufrag released");
        second = ice4jAgent(t, restarted);
        Agent next = second;
        second.startConnectivityEstablishment();
        WebRtcFixture.await("second ice4j completed",
            () -> next.getState() == IceProcessingState.COMPLETED
                || next.getState() == IceProcessingState.TERMINATED);
        int secondPort = localPort(second);
        WebRtcFixture.await("selected tuple moved", () -> t.iceSelectedTuple() != null
            && t.iceSelectedTuple().getRemotePort() == secondPort);
        assertTrue(events.list.contains("tuple:" + secondPort), events.list.toString());
        assertEquals(IceState.COMPLETED, t.iceState());
      } finally {
        first.free();
        if (second != null) {
          second.free();
        }
      }
    }
  }

  /**
   * Restart with the Java test peer, which also runs DTLS: after restartIce() the old
   * credentials get no answer, the new ones do, and DTLS/SRTP and forwarding survive.
   */
  @Test
  void restartIceKeepsDtlsProducersAndConsumers() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      Producer p = WebRtcFixture.get(t.produce(WebRtcFixture.opus(0x77L)));
      WebRtcFixture.get(t.consume(new ConsumerOptions(p.id(), WebRtcFixture.deviceCaps())));
      echo(peer, 1);

      IceParameters old = t.iceParameters();
      IceParameters fresh = WebRtcFixture.get(t.restartIce());
      RtcUdpSocket socket = f.socket();
      long unknown0 = f.onLoop(() -> socket.dropCount(RtcDropReason.STUN_UNKNOWN_USERNAME));
      assertEquals(-1, peer.check(true, Duration.ofMillis(300)), "old ufrag gets no answer");
      assertEquals(unknown0 + 1,
          (long) f.onLoop(() -> socket.dropCount(RtcDropReason.STUN_UNKNOWN_USERNAME)));
      peer.updateRemoteIce(fresh);
      assertEquals(0x0101, peer.check(true, Duration.ofSeconds(2)), "new ufrag answered");
      assertNotEquals(old.getUsernameFragment(), fresh.getUsernameFragment());
      echo(peer, 10);
      assertEquals(DtlsState.CONNECTED, t.dtlsState());
      assertEquals(1, WebRtcFixture.get(p.getStats()).size());
    }
  }

  private static void echo(WebRtcTestPeer peer, int seq) throws Exception {
    byte[] payload = ("hello " + seq).getBytes(StandardCharsets.US_ASCII);
    peer.sendRtp(WebRtcForwardingEndToEndTest.rtp(111, seq, seq * 960L, 0x77L, payload));
    byte[] back = peer.receivedRtp().poll(5, TimeUnit.SECONDS);
    assertNotNull(back);
    assertArrayEquals(payload, Arrays.copyOfRange(back, back.length - payload.length,
        back.length));
  }
}
