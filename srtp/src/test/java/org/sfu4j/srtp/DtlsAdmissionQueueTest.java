package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sfu4j.srtp.HandshakeFixtures.Recorder;

/**
 * The admission queue of {@link DtlsHandshakeExecutor}: a storm far above the thread count all
 * connects; the queue bound, the deadline from submission and close-while-queued behave and count.
 */
class DtlsAdmissionQueueTest {
  private static DtlsCertificate ours;
  private static DtlsCertificate peers;
  private static byte[] clientHello;

  @BeforeAll
  static void setUp() throws Exception {
    ours = DtlsCertificate.generateEcdsaP256();
    peers = DtlsCertificate.generateEcdsaP256();
    clientHello = HandshakeFixtures.clientHello(peers);
  }


  /** Records callbacks; a server fed a lone ClientHello then stalls waiting for flight 3. */

  private static DtlsEndpoint stalledServer(DtlsHandshakeExecutor executor, Recorder r)
      throws Exception {
    DtlsEndpoint e = new DtlsEndpoint(ours, executor, r);
    e.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
    ByteBuf b = Packets.heap(clientHello, 0);
    try {
      e.receive(b);
    } finally {
      b.release();
    }
    return e;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertTrue(condition.getAsBoolean(), what);
  }

  @Test
  void stormOf48ClientsAgainst4ThreadsAllConnect() throws Exception {
    int n = 48;
    try (DtlsHandshakeExecutor executor =
        new DtlsHandshakeExecutor(4, 64, Duration.ofSeconds(30))) {
      List<UdpHarness> harnesses = new ArrayList<>();
      List<CompletableFuture<DTLSTransport>> clients = new ArrayList<>();
      try {
        for (int i = 0; i < n; i++) {
          UdpHarness h = new UdpHarness();
          harnesses.add(h);
          DtlsEndpoint e = new DtlsEndpoint(ours, executor, h);
          h.attach(e);
          e.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
        }
        // All clients at once, each on its own thread (BouncyCastle blocks).
        for (UdpHarness h : harnesses) {
          CompletableFuture<DTLSTransport> f = new CompletableFuture<>();
          Thread t = new Thread(() -> {
            try {
              f.complete(new DTLSClientProtocol().connect(new BcPeer.Client(peers, 0x0001),
                  new UDPTransport(h.peerSocket, 1500)));
            } catch (Throwable ex) {
              f.completeExceptionally(ex);
            }
          }, "bc-client");
          t.setDaemon(true);
          t.start();
          clients.add(f);
        }
        for (int i = 0; i < n; i++) {
          assertNotNull(harnesses.get(i).connected.get(30, TimeUnit.SECONDS), "server " + i);
          assertNotNull(clients.get(i).get(30, TimeUnit.SECONDS), "client " + i);
          assertFalse(harnesses.get(i).failed.isDone());
        }
        assertEquals(n, executor.submittedHandshakes());
        assertEquals(n, executor.startedHandshakes());
        assertEquals(0, executor.rejectedHandshakes());
        assertEquals(0, executor.expiredInQueue());
        assertEquals(0, executor.queuedHandshakes());
        for (CompletableFuture<DTLSTransport> c : clients) {
          c.get().close();
        }
        for (UdpHarness h : harnesses) {
          h.closed.get(10, TimeUnit.SECONDS);
        }
      } finally {
        for (UdpHarness h : harnesses) {
          h.endpoint.close();
          h.close();
        }
      }
    }
  }

  @Test
  void fullQueueRejectsAndQueuedHandshakesExpireFromSubmission() throws Exception {
    try (DtlsHandshakeExecutor executor =
        new DtlsHandshakeExecutor(1, 2, Duration.ofMillis(1000))) {
      List<Recorder> rs = new ArrayList<>();
      List<DtlsEndpoint> es = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        Recorder r = new Recorder();
        rs.add(r);
        es.add(stalledServer(executor, r));
      }
      // 1 runs, 2 wait, 2 are rejected at once (synchronously, in receive()).
      for (int i = 3; i < 5; i++) {
        assertTrue(rs.get(i).failed.isDone(), "rejected " + i);
        assertEquals(DtlsEndpoint.REASON_CAPACITY, rs.get(i).failed.get());
        assertEquals(DtlsState.FAILED, es.get(i).state());
      }
      assertEquals(2, executor.rejectedHandshakes());
      assertEquals(3, executor.submittedHandshakes());
      assertEquals(2, executor.queuedHandshakes());
      for (int i = 1; i < 3; i++) {
        assertFalse(rs.get(i).failed.isDone(), "queued " + i + " waits");
      }
      // The queued ones fail at their own deadline (counted from submission), never having run.
      for (int i = 0; i < 3; i++) {
        assertEquals(DtlsEndpoint.REASON_TIMEOUT, rs.get(i).failed.get(10, TimeUnit.SECONDS));
        assertFalse(rs.get(i).connected.isDone());
      }
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(elapsedMs >= 900 && elapsedMs < 5000, "failed at the deadline: " + elapsedMs);
      assertTrue(rs.get(0).outgoing > 0, "the running one answered the ClientHello");
      assertEquals(0, rs.get(1).outgoing, "queued 1 never ran");
      assertEquals(0, rs.get(2).outgoing, "queued 2 never ran");
      assertEquals(1, executor.startedHandshakes());
      assertEquals(2, executor.expiredInQueue());
      assertEquals(0, executor.queuedHandshakes());
      await(() -> executor.activeHandshakes() == 0, "thread freed");

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
      assertEquals(2, executor.startedHandshakes());
    }
  }

  @Test
  void handshakeStartedLateGetsOnlyWhatIsLeftOfItsDeadline() throws Exception {
    try (DtlsHandshakeExecutor executor =
        new DtlsHandshakeExecutor(1, 4, Duration.ofMillis(1500))) {
      Recorder first = new Recorder();
      long t0 = System.nanoTime();
      stalledServer(executor, first);
      Thread.sleep(700);
      Recorder second = new Recorder();
      stalledServer(executor, second);
      // First ends at ~1.5 s, second starts then and must end at ~2.2 s, not ~3.0 s.
      assertEquals(DtlsEndpoint.REASON_TIMEOUT, first.failed.get(10, TimeUnit.SECONDS));
      assertEquals(DtlsEndpoint.REASON_TIMEOUT, second.failed.get(10, TimeUnit.SECONDS));
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(elapsedMs >= 2100 && elapsedMs < 2900, "second reaped from submission: "
          + elapsedMs);
      assertEquals(2, executor.submittedHandshakes());
      assertEquals(0, executor.rejectedHandshakes());
    }
  }

  @Test
  void closingAQueuedEndpointRemovesItAndKeepsNoReference() throws Exception {
    try (DtlsHandshakeExecutor executor =
        new DtlsHandshakeExecutor(1, 8, Duration.ofSeconds(30))) {
      Recorder running = new Recorder();
      DtlsEndpoint runner = stalledServer(executor, running);
      await(() -> running.outgoing > 0, "first handshake running");
      Recorder queued = new Recorder();
      DtlsEndpoint waiting = stalledServer(executor, queued);
      assertEquals(1, executor.queuedHandshakes());
      waiting.close();
      assertEquals(0, executor.queuedHandshakes());
      assertEquals(1, executor.cancelledInQueue());
      assertEquals(DtlsState.CLOSED, waiting.state());
      assertFalse(queued.failed.isDone(), "local close delivers no callback");
      WeakReference<DtlsEndpoint> ref = new WeakReference<>(waiting);
      waiting = null;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ref.get() != null && System.nanoTime() < end) {
        System.gc();
        Thread.sleep(20);
      }
      assertNull(ref.get(), "the executor keeps no reference to a closed endpoint");

      runner.close();
      await(() -> executor.activeHandshakes() == 0, "thread freed");
      Thread.sleep(100);
      assertEquals(1, executor.startedHandshakes(), "the cancelled one never ran");
      assertEquals(0, queued.outgoing);
      assertEquals(0, executor.expiredInQueue());
    }
  }

  @Test
  void closedExecutorFailsQueuedAndRejectsNew() throws Exception {
    DtlsHandshakeExecutor executor = new DtlsHandshakeExecutor(1, 8, Duration.ofSeconds(30));
    Recorder running = new Recorder();
    stalledServer(executor, running);
    await(() -> running.outgoing > 0, "first handshake running");
    Recorder queued = new Recorder();
    stalledServer(executor, queued);
    executor.close();
    assertEquals("handshake executor closed", queued.failed.get(5, TimeUnit.SECONDS));
    assertNotNull(running.failed.get(5, TimeUnit.SECONDS));
    assertTrue(executor.awaitTermination(Duration.ofSeconds(5)));
    Recorder late = new Recorder();
    stalledServer(executor, late);
    assertEquals(DtlsEndpoint.REASON_CAPACITY, late.failed.get(5, TimeUnit.SECONDS));
    assertEquals(1, executor.rejectedHandshakes());
  }
}
