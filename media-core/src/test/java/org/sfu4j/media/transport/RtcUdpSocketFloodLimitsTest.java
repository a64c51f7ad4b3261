package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.StunMessageWriter;

/**
 * The worker socket's flood limits on real sockets (127.0.0.1): wrong-integrity checks are a
 * counted drop and get at most a per-source budget of 401s, never a response larger than the
 * request; the kernel's per-socket drop counter accounts for every datagram the worker never saw.
 */
class RtcUdpSocketFloodLimitsTest {
  private static final int CHECKS = 60;

  @Test
  void wrongIntegrityChecksAreCountedAndTheirErrorResponsesBudgeted() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        DatagramSocket a = socket();
        DatagramSocket b = socket();
        DatagramSocket honest = socket()) {
      WebRtcTransport t = f.transport();
      RtcUdpSocket socket = f.socket();
      InetSocketAddress port = port(t);
      byte[] wrong = check(t, "not-the-password-0123456789");
      long received0 = f.onLoop(socket::datagramsReceived);
      long delivered0 = f.onLoop(socket::datagramsDelivered);
      long t0 = System.nanoTime();
      for (int i = 0; i < CHECKS; i++) {
        a.send(new DatagramPacket(wrong, wrong.length, port));
      }
      WebRtcFixture.await("checks counted",
          () -> f.onLoop(socket::datagramsReceived) - received0 == CHECKS);
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + 1;
      int answers = drain(a, wrong.length);
      assertEquals(CHECKS, (long) f.onLoop(() -> socket.dropCount(RtcDropReason.STUN_BAD_INTEGRITY)));
      assertEquals(0, f.onLoop(socket::datagramsDelivered) - delivered0);
      long maxAnswers = StunErrorBudget.PER_SOURCE_BURST
          + elapsedMs * StunErrorBudget.PER_SOURCE_PER_SECOND / 1000 + 1;
      assertTrue(answers >= StunErrorBudget.PER_SOURCE_BURST && answers <= maxAnswers,
          answers + " answers in " + elapsedMs + " ms");
      assertEquals(CHECKS - answers, (long) f.onLoop(socket::stunErrorsSuppressed));

      // Another source has its own budget.
      for (int i = 0; i < 3; i++) {
        b.send(new DatagramPacket(wrong, wrong.length, port));
      }
      assertEquals(3, drain(b, wrong.length));

      // The flood did not lock the honest agent out.
      byte[] right = check(t, t.iceParameters().getPassword());
      honest.send(new DatagramPacket(right, right.length, port));
      DatagramPacket ok = new DatagramPacket(new byte[1500], 1500);
      honest.setSoTimeout(5000);
      honest.receive(ok);
      assertEquals(0x0101, ByteBuffer.wrap(ok.getData()).getShort(0) & 0xFFFF, "binding success");
      assertEquals(0L, (long) f.onLoop(socket::unexpectedErrors));
    }
  }

  @Test
  void anErrorLargerThanTheRequestIsNotSent() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); DatagramSocket a = socket()) {
      WebRtcTransport t = f.transport();
      RtcUdpSocket socket = f.socket();
      // A bare binding request with only USERNAME (32 bytes): the agent's 400 would be 48 bytes.
      byte[] user = (t.iceParameters().getUsernameFragment() + ":x").getBytes(StandardCharsets.US_ASCII);
      int attr = 4 + ((user.length + 3) & ~3);
      ByteBuffer req = ByteBuffer.allocate(20 + attr);
      req.putShort((short) 0x0001).putShort((short) attr).putInt(0x2112A442).put(new byte[12]);
      req.putShort((short) 0x0006).putShort((short) user.length).put(user);
      byte[] d = req.array();
      a.send(new DatagramPacket(d, d.length, port(t)));
      WebRtcFixture.await("suppressed", () -> f.onLoop(socket::stunErrorsSuppressed) == 1);
      assertEquals(0, drain(a, d.length));
    }
  }

  @Test
  void kernelDropsAccountForEveryDatagramTheWorkerNeverSaw() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); DatagramSocket a = socket()) {
      WebRtcTransport t = f.transport();
      RtcUdpSocket socket = f.socket();
      assumeTrue(socket.isEpoll() && socket.kernelCounters().available(), "Linux epoll only");
      assertTrue(socket.receiveBufferBytes() > 0);
      InetSocketAddress port = port(t);
      long received0 = f.onLoop(socket::datagramsReceived);
      long kernel0 = socket.kernelCounters().drops();
      // Hold the worker loop so nothing reads; overflow its receive buffer (8 MiB at most here).
      CountDownLatch release = f.holdLoop();
      byte[] d = new byte[1200];
      d[0] = (byte) 0xFF; // BAD_FIRST_BYTE: cheap to drop once read
      int sent = 20_000;
      for (int i = 0; i < sent; i++) {
        a.send(new DatagramPacket(d, d.length, port));
      }
      long queued = socket.kernelCounters().receiveQueueBytes();
      release.countDown();
      long kernelDrops = socket.kernelCounters().drops() - kernel0;
      WebRtcFixture.await("all accounted for",
          () -> f.onLoop(socket::datagramsReceived) - received0 + kernelDrops == sent);
      System.out.printf("[kernel] %d sent while the loop was held: %d read, %d dropped by the kernel"
          + " (queue held %d bytes, SO_RCVBUF %d)%n", sent,
          f.onLoop(socket::datagramsReceived) - received0, kernelDrops, queued,
          socket.receiveBufferBytes());
      assertTrue(kernelDrops > 0, "the kernel dropped some");
      assertEquals(kernelDrops, (long) (Long) WebRtcFixture.get(WorkerRtcSockets.stats(f.worker))
          .get(0).get("kernelDrops") - kernel0, "the same figure through the public accessor");
      assertNull(f.onLoop(() -> socket.stats().get("kernelDrops")), "no /proc read on the loop");
    }
  }

  @Test
  void workerSocketCountersAreReadableWithoutATransport() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); DatagramSocket a = socket()) {
      assertEquals(0, WebRtcFixture.get(WorkerRtcSockets.stats(f.worker)).size(), "none opened");
      WebRtcTransport t = f.transport();
      RtcUdpSocket socket = f.socket();
      byte[] junk = {(byte) 0xFF, 1, 2};
      for (int i = 0; i < 3; i++) {
        a.send(new DatagramPacket(junk, junk.length, port(t)));
      }
      WebRtcFixture.await("counted", () -> f.onLoop(socket::datagramsReceived) == 3);
      WebRtcFixture.get(t.close());
      java.util.List<java.util.Map<String, Object>> l = WebRtcFixture.get(WorkerRtcSockets.stats(f.worker));
      assertEquals(1, l.size());
      assertEquals(3L, ((java.util.Map<?, ?>) l.get(0).get("drops")).get("BAD_FIRST_BYTE"));
      assertEquals(t.iceCandidates().get(0).getPort(), l.get(0).get("localPort"));
    }
  }

  @Test
  void aValidatedPeerIsQueuedApartFromAFloodThatOverflowsTheSharedSocket() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        org.sfu4j.media.testpeer.WebRtcTestPeer peer = org.sfu4j.media.testpeer.WebRtcTestPeer.create();
        DatagramSocket a = socket()) {
      WebRtcTransport t = f.transport();
      peer.connect(t, org.sfu4j.srtp.DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == org.sfu4j.srtp.DtlsState.CONNECTED);
      RtcUdpSocket socket = f.socket();
      assumeTrue(socket.isEpoll() && socket.kernelCounters().available(), "Linux epoll only");
      assertEquals(1, (int) f.onLoop(socket::tupleChannelCount), "the peer's tuple has its reader");
      long ssrc = 0x150L;
      org.sfu4j.media.engine.Producer p = WebRtcFixture.get(t.produce(WebRtcFixture.opus(ssrc)));
      WebRtcFixture.get(t.consume(new org.sfu4j.media.engine.ConsumerOptions(p.id(),
          WebRtcFixture.deviceCaps())));
      long kernel0 = socket.kernelCounters().drops();
      CountDownLatch release = f.holdLoop();
      byte[] junk = new byte[1200];
      junk[0] = (byte) 0x80; // RTP from an unknown tuple
      int honest = 200;
      for (int i = 0; i < 20_000; i++) {
        a.send(new DatagramPacket(junk, junk.length, port(t)));
        if (i % 100 == 99 && i / 100 < honest) {
          int seq = 1000 + i / 100;
          peer.sendRtp(WebRtcForwardingEndToEndTest.rtp(111, seq, 960L * seq, ssrc, new byte[160]));
        }
      }
      long sharedDrops = socket.kernelCounters().drops() - kernel0;
      release.countDown();
      int got = 0;
      while (got < honest && peer.receivedRtp().poll(5, TimeUnit.SECONDS) != null) {
        got++;
      }
      System.out.printf("[isolation] loop held, 20000 foreign datagrams: the kernel dropped %d at the"
          + " shared socket; the peer got %d/%d back%n", sharedDrops, got, honest);
      assertTrue(sharedDrops > 0, "the flood overflowed the shared socket");
      assertEquals(honest, got, "no honest packet was lost");
      assertEquals(0L, (long) f.onLoop(socket::unexpectedErrors));
      WebRtcFixture.get(t.close());
      assertEquals(0, (int) f.onLoop(socket::tupleChannelCount), "closed with the transport");
    }
  }

  @Test
  void aPortAnotherSocketHoldsIsNotShared() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture()) {
      InetAddress ip = InetAddress.getByName("127.0.0.1");
      RtcUdpSocket first = WebRtcFixture.get(RtcUdpSocket.open(f.worker.eventLoop(), ip, 0, 0,
          () -> 0L));
      int port = first.localAddress().getPort();
      java.util.concurrent.CompletableFuture<RtcUdpSocket> second =
          RtcUdpSocket.open(f.worker.eventLoop(), ip, port, port, () -> 0L);
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> second.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("no free UDP port"), e.toString());
      f.onLoop(() -> {
        first.close();
        return null;
      });
    }
  }

  private static DatagramSocket socket() throws Exception {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  private static InetSocketAddress port(WebRtcTransport t) {
    IceCandidate c = t.iceCandidates().get(0);
    return new InetSocketAddress(c.getAddress(), c.getPort());
  }

  /** Reads every response until 300 ms of quiet; each is a 401 no larger than the request. */
  private static int drain(DatagramSocket s, int requestLength) throws Exception {
    s.setSoTimeout(300);
    int n = 0;
    DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
    while (true) {
      try {
        s.receive(p);
      } catch (SocketTimeoutException e) {
        return n;
      }
      ByteBuffer r = ByteBuffer.wrap(p.getData(), 0, p.getLength());
      assertEquals(0x0111, r.getShort(0) & 0xFFFF, "binding error response");
      assertTrue(p.getLength() <= requestLength, "response " + p.getLength() + " > request");
      n++;
    }
  }

  private static byte[] check(WebRtcTransport t, String password) {
    ByteBuf b = Unpooled.buffer();
    try {
      String user = t.iceParameters().getUsernameFragment() + ":attacker";
      int n = new StunMessageWriter().writeBindingRequest(b, new byte[12], user, 12345, true, 7,
          password.getBytes(StandardCharsets.US_ASCII));
      return ByteBufUtil.getBytes(b, 0, n);
    } finally {
      b.release();
    }
  }
}
