package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.IceState;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsParameters;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/** Parameters shapes, option validation, consent expiry and what close releases. */
class WebRtcTransportLifecycleTest {

  @Test
  void parametersHaveMediasoupShapes() {
    try (WebRtcFixture f = new WebRtcFixture()) {
      WebRtcTransportOptions o = WebRtcTransportOptions.udp(
          new ListenInfo("udp", "127.0.0.1", "203.0.113.7"));
      WebRtcTransport t = WebRtcFixture.get(f.router.createWebRtcTransport(o));
      assertTrue(t.iceParameters().isIceLite());
      assertEquals(16, t.iceParameters().getUsernameFragment().length());
      assertEquals(32, t.iceParameters().getPassword().length());
      IceCandidate c = t.iceCandidates().get(0);
      assertEquals("203.0.113.7", c.getAddress(), "announced address in the candidate");
      assertEquals("udp", c.getProtocol());
      assertEquals("host", c.getType());
      assertEquals(f.socket().localAddress().getPort(), c.getPort());
      int port = c.getPort();
      assertTrue(port >= 10000 && port <= 59999, "worker rtc port range");
      DtlsParameters d = t.dtlsParameters();
      assertEquals(DtlsRole.AUTO, d.getRole());
      assertEquals(List.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512"),
          d.getFingerprints().stream().map(x -> x.getAlgorithm()).toList());
      assertEquals(IceState.NEW, t.iceState());
      assertEquals(DtlsState.NEW, t.dtlsState());
      assertNull(t.iceSelectedTuple());
      assertEquals("webrtc-transport", WebRtcFixture.get(t.getStats()).get(0).get("type"));
    }
  }

  @Test
  void badOptionsAreRejected() {
    try (WebRtcFixture f = new WebRtcFixture()) {
      WebRtcTransportOptions empty = new WebRtcTransportOptions();
      assertCause(IllegalArgumentException.class, () -> f.router.createWebRtcTransport(empty).get());
      WebRtcTransportOptions tcpOnly = WebRtcTransportOptions.udp(ListenInfo.udp("127.0.0.1"));
      tcpOnly.enableUdp = false;
      tcpOnly.enableTcp = true;
      assertCause(UnsupportedException.class, () -> f.router.createWebRtcTransport(tcpOnly).get());
      WebRtcTransportOptions host = WebRtcTransportOptions.udp(ListenInfo.udp("localhost"));
      assertCause(IllegalArgumentException.class, () -> f.router.createWebRtcTransport(host).get());
      WebRtcTransport t = f.transport();
      assertCause(IllegalArgumentException.class, () -> t.connect(new DtlsParameters()).get());
    }
  }

  @Test
  void connectTwiceIsInvalidState() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      WebRtcFixture.get(t.connect(peer.dtlsParameters(DtlsRole.CLIENT)));
      assertEquals(DtlsRole.SERVER, t.dtlsParameters().getRole());
      assertCause(InvalidStateException.class,
          () -> t.connect(peer.dtlsParameters(DtlsRole.CLIENT)).get());
    }
  }

  @Test
  void consentExpiryDisconnectsThenClosesAndReleasesEverything() throws Exception {
    AtomicLong clock = new AtomicLong(1_000_000);
    try (WebRtcFixture f = new WebRtcFixture(new WorkerSettings().nowMs(clock::get));
        WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      DtlsInteropTest.Events events = new DtlsInteropTest.Events();
      t.addStateListener(events);
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      Producer p = WebRtcFixture.get(t.produce(WebRtcFixture.opus(0x99L)));
      RtcUdpSocket socket = f.socket();
      assertEquals(1, (int) f.onLoop(socket::tupleCount));

      clock.addAndGet(30_000); // RFC 7675: 30 s without a valid check
      // On the loop: the ICE state flips before the same task clears the selected tuple.
      f.awaitOnLoop("disconnected", () -> t.iceState() == IceState.DISCONNECTED);
      assertNull(t.iceSelectedTuple());
      assertEquals(0, (int) f.onLoop(socket::tupleCount), "expired tuple unmapped");
      assertTrue(!t.closed());

      clock.addAndGet(30_000);
      // closed() is loop-confined and set before onClose() moves ICE/DTLS to CLOSED: poll it on
      // the loop so the whole close task has run before the state asserts.
      f.awaitOnLoop("closed", t::closed);
      assertEquals(IceState.CLOSED, t.iceState());
      assertEquals(DtlsState.CLOSED, t.dtlsState());
      assertTrue(p.closed(), "producers closed with the transport");
      assertEquals(0, (int) f.onLoop(socket::ufragCount), "ufrag released");
      assertEquals(0, (int) f.onLoop(() -> WorkerRtcNetwork.of(f.worker).transportCount()));
      assertTrue(events.list.contains("ice:disconnected"), events.list.toString());
      // The released ufrag is now unknown to the socket.
      assertEquals(-1, peer.check(true, java.time.Duration.ofMillis(200)));
    }
  }

  @Test
  void closeReleasesUfragTuplesAndStopsAnswering() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      RtcUdpSocket socket = f.socket();
      WebRtcFixture.get(t.close());
      assertEquals(0, (int) f.onLoop(socket::ufragCount));
      assertEquals(0, (int) f.onLoop(socket::tupleCount));
      assertEquals(DtlsState.CLOSED, t.dtlsState());
      assertEquals(-1, peer.check(true, java.time.Duration.ofMillis(200)));
      assertNotNull(f.onLoop(socket::stats));
    }
  }

  private static void assertCause(Class<? extends Throwable> type,
      org.junit.jupiter.api.function.Executable e) {
    ExecutionException ex = assertThrows(ExecutionException.class, e);
    assertTrue(type.isInstance(ex.getCause()), "cause " + ex.getCause());
  }
}
