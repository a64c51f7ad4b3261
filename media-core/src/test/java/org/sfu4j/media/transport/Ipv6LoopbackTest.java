package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/**
 * The network path over IPv6 loopback (::1): ICE, DTLS and SRTP with a worker socket bound to
 * ::1, and forwarding between an IPv4 publisher and an IPv6 subscriber in one router (the two
 * address families get separate worker sockets but share the engine).
 */
class Ipv6LoopbackTest {
  private static final long A_SSRC = 0x0A0B0C0DL;
  private static InetAddress v6;

  @BeforeAll
  static void ipv6Loopback() throws Exception {
    v6 = InetAddress.getByName("::1");
    boolean usable;
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(v6, 0))) {
      usable = s.getLocalPort() > 0;
    } catch (java.io.IOException e) {
      usable = false;
    }
    // Reported, not silent: a host without ::1 cannot run this class (CI hosts have it).
    assumeTrue(usable, "::1 is not configured on this host");
  }

  @Test
  void publishOnIpv6ConsumeOnIpv6() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        WebRtcTestPeer a = WebRtcTestPeer.create(v6);
        WebRtcTestPeer b = WebRtcTestPeer.create(v6)) {
      WebRtcTransport ta = v6Transport(f);
      WebRtcTransport tb = v6Transport(f);
      assertEquals("::1", normalise(ta.iceCandidates().get(0).getAddress()));
      forwardAndCheck(f, a, ta, b, tb);
      assertEquals("::1", normalise(ta.iceSelectedTuple().getRemoteIp()));
    }
  }

  @Test
  void publishOnIpv4ConsumeOnIpv6() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        WebRtcTestPeer a = WebRtcTestPeer.create();
        WebRtcTestPeer b = WebRtcTestPeer.create(v6)) {
      WebRtcTransport ta = f.transport();
      WebRtcTransport tb = v6Transport(f);
      assertNotEquals(ta.iceCandidates().get(0).getAddress(), tb.iceCandidates().get(0).getAddress());
      forwardAndCheck(f, a, ta, b, tb);
      assertEquals(2, f.onLoop(() -> WorkerRtcNetwork.of(f.worker).openSockets().size()),
          "one worker socket per listen address");
    }
  }

  private static WebRtcTransport v6Transport(WebRtcFixture f) {
    return WebRtcFixture.get(
        f.router.createWebRtcTransport(WebRtcTransportOptions.udp(ListenInfo.udp("::1"))));
  }

  private static void forwardAndCheck(WebRtcFixture f, WebRtcTestPeer a, WebRtcTransport ta,
      WebRtcTestPeer b, WebRtcTransport tb) throws Exception {
    a.connect(ta, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
    b.connect(tb, DtlsRole.SERVER, WebRtcFixture.TIMEOUT);
    WebRtcFixture.await("both DTLS connected", () ->
        ta.dtlsState() == DtlsState.CONNECTED && tb.dtlsState() == DtlsState.CONNECTED);
    Producer producer = WebRtcFixture.get(ta.produce(WebRtcFixture.opus(A_SSRC)));
    Consumer consumer = WebRtcFixture.get(tb.consume(
        new ConsumerOptions(producer.id(), WebRtcFixture.deviceCaps())));
    long consumerSsrc = consumer.rtpParameters().encodings.get(0).ssrc;
    int n = 50;
    for (int i = 0; i < n; i++) {
      byte[] payload = new byte[40];
      payload[0] = (byte) i;
      a.sendRtp(WebRtcForwardingEndToEndTest.rtp(111, 1000 + i, 960L * i, A_SSRC, payload));
    }
    int firstSeq = -1;
    for (int i = 0; i < n; i++) {
      byte[] p = b.receivedRtp().poll(5, TimeUnit.SECONDS);
      assertNotNull(p, "packet " + i + " not received over IPv6");
      ByteBuffer bb = ByteBuffer.wrap(p);
      assertEquals(consumerSsrc, bb.getInt(8) & 0xFFFFFFFFL, "ssrc of packet " + i);
      int seq = bb.getShort(2) & 0xFFFF;
      firstSeq = firstSeq < 0 ? seq : firstSeq;
      assertEquals((firstSeq + i) & 0xFFFF, seq, "rewritten seq of packet " + i);
    }
    assertEquals(0, b.unprotectFailures());
    assertEquals(n, WebRtcFixture.stat(ta, "rtpPacketsReceived"));
    assertEquals(n, WebRtcFixture.stat(tb, "rtpPacketsSent"));
  }

  private static String normalise(String address) throws Exception {
    InetAddress a = InetAddress.getByName(address);
    return a instanceof Inet6Address && a.isLoopbackAddress() ? "::1" : a.getHostAddress();
  }
}
