package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sfu4j.srtp.HandshakeFixtures.Recorder;

/** ClientHello floods, handshake deadlines and garbage into receive(). */
class DtlsHandshakeFloodTest {
  private static DtlsCertificate ours;
  private static DtlsCertificate peers;
  private static byte[] clientHello;

  @BeforeAll
  static void setUp() throws Exception {
    ours = DtlsCertificate.generateEcdsaP256();
    peers = DtlsCertificate.generateEcdsaP256();
    clientHello = HandshakeFixtures.clientHello(peers);
  }



  private static void feed(DtlsEndpoint e, byte[] datagram) {
    ByteBuf b = Packets.heap(datagram, 0);
    try {
      e.receive(b);
      assertEquals(1, b.refCnt());
      assertEquals(datagram.length, b.readableBytes());
    } finally {
      b.release();
    }
  }

  @Test
  void floodBeyondTheQueueIsRejectedAndStaleHandshakesAreReaped() throws Exception {
    // 2 threads, 2 waiting places: of 6 ClientHellos 2 run, 2 wait, 2 are refused.
    try (DtlsHandshakeExecutor executor =
        new DtlsHandshakeExecutor(2, 2, Duration.ofMillis(1500))) {
      List<DtlsEndpoint> endpoints = new ArrayList<>();
      List<Recorder> recorders = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Recorder r = new Recorder();
        DtlsEndpoint e = new DtlsEndpoint(ours, executor, r);
        e.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
        endpoints.add(e);
        recorders.add(r);
      }
      assertEquals(0, executor.activeHandshakes(), "servers take a thread only on ClientHello");
      long t0 = System.nanoTime();
      for (DtlsEndpoint e : endpoints) {
        feed(e, clientHello);
      }
      // 2 beyond running + queued fail at once, synchronously in receive().
      for (int i = 4; i < 6; i++) {
        assertTrue(recorders.get(i).failed.isDone(), "endpoint " + i);
        assertEquals(DtlsEndpoint.REASON_CAPACITY, recorders.get(i).failed.get());
        assertEquals(DtlsState.FAILED, endpoints.get(i).state());
      }
      assertEquals(2, executor.rejectedHandshakes());
      assertEquals(2, executor.queuedHandshakes());
      // The 2 running ones answered the ClientHello, then stall (the "client" never replies);
      // the 2 queued ones never get a thread before their deadline (same length, from submission).
      for (int i = 0; i < 4; i++) {
        assertEquals(DtlsEndpoint.REASON_TIMEOUT, recorders.get(i).failed.get(10, TimeUnit.SECONDS));
        assertEquals(i < 2, recorders.get(i).outgoing > 0, "server flight sent by " + i);
        assertFalse(recorders.get(i).connected.isDone());
      }
      assertEquals(2, executor.expiredInQueue());
      assertEquals(2, executor.startedHandshakes());
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(elapsedMs >= 1400 && elapsedMs < 6000, "reaped at the deadline: " + elapsedMs);
      // ... and their threads are free again.
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (executor.activeHandshakes() > 0 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(0, executor.activeHandshakes());

      // Capacity is back: a real client completes a handshake.
      try (UdpHarness h = new UdpHarness()) {
        DtlsEndpoint e = new DtlsEndpoint(ours, executor, h);
        h.attach(e);
        e.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
        DTLSTransport peer = new DTLSClientProtocol().connect(
            new BcPeer.Client(peers, 0x0007), new UDPTransport(h.peerSocket, 1500));
        assertNotNull(h.connected.get(10, TimeUnit.SECONDS));
        peer.close();
        h.closed.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closeDuringHandshakeFreesTheThread() throws Exception {
    try (DtlsHandshakeExecutor executor = new DtlsHandshakeExecutor(1, Duration.ofSeconds(30))) {
      Recorder r = new Recorder();
      DtlsEndpoint e = new DtlsEndpoint(ours, executor, r);
      e.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
      feed(e, clientHello);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (r.outgoing == 0 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertEquals(1, executor.activeHandshakes());
      e.close();
      end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (executor.activeHandshakes() > 0 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertEquals(0, executor.activeHandshakes());
      assertEquals(DtlsState.CLOSED, e.state());
      assertFalse(r.failed.isDone(), "local close is not a failure");
    }
  }

  @Test
  void truncationsAndRandomDatagramsNeverThrowAndHandshakeStillCompletes() throws Exception {
    try (DtlsHandshakeExecutor executor = new DtlsHandshakeExecutor(2, Duration.ofSeconds(20));
        UdpHarness h = new UdpHarness()) {
      DtlsEndpoint e = new DtlsEndpoint(ours, executor, h);
      // Before start: queued or dropped, never an exception.
      Random rnd = new Random(1234);
      for (int len = 1; len < clientHello.length; len++) {
        feed(e, Arrays.copyOf(clientHello, len));
      }
      h.attach(e);
      e.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
      for (int i = 0; i < 100_000; i++) {
        byte[] d = new byte[rnd.nextInt(300)];
        rnd.nextBytes(d);
        if (d.length > 0 && (i & 1) == 0) {
          d[0] = (byte) (20 + rnd.nextInt(44)); // RFC 7983 DTLS range
        }
        feed(e, d);
      }
      for (int len = 1; len < clientHello.length; len++) {
        feed(e, Arrays.copyOf(clientHello, len));
      }
      assertTrue(e.droppedDatagrams() > 0, "bounded queue dropped the excess");
      assertFalse(h.failed.isDone(), "garbage is ignored, not fatal: " + h.failed.getNow(""));
      DTLSTransport peer = new DTLSClientProtocol().connect(
          new BcPeer.Client(peers, 0x0002), new UDPTransport(h.peerSocket, 1500));
      h.connected.get(10, TimeUnit.SECONDS);
      assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_32, h.profile);
      peer.close();
    }
  }
}
