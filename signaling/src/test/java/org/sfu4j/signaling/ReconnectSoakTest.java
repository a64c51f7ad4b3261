package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reconnects: the old peer is fully closed and the others told before the new socket joins, and
 * 1,000 join → transports → produce/consume → drop → rejoin cycles leave no objects, sockets,
 * threads or direct memory behind.
 */
class ReconnectSoakTest {

  @Test
  void replacementClosesTheOldPeerBeforeTheNewOneJoins() throws Exception {
    try (TestServer s = new TestServer(SignalingConfig.defaults(), null)) {
      String room = "r-" + UUID.randomUUID();
      TestServer.Joined watcher = s.join(room, "watcher", null);
      TestServer.Joined old = s.join(room, "p", null);
      watcher.ws().notification("newPeer");
      old.produce("chrome-produce-opus.json");
      String consumerId = watcher.ws().acceptNewConsumer().path("id").asText();
      // Subscribe the old peer to the watcher too.
      watcher.produce("chrome-produce-h264.json");
      old.ws().acceptNewConsumer();
      TestServer.Joined fresh = s.join(room, "p", null); // same peerId, old socket still open
      assertEquals(SignalingService.CLOSE_REPLACED, old.ws().awaitClose(3000));
      // Order on the watcher's socket: consumerClosed, peerClosed, then newPeer of the new socket.
      List<String> order = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JsonNode n = watcher.ws().take(m -> m.path("notification").asBoolean(), 3000);
        order.add(n.path("method").asText());
        if (i == 0) {
          assertEquals(consumerId, n.path("data").path("consumerId").asText());
        }
      }
      assertEquals(List.of("consumerClosed", "peerClosed", "newPeer"), order);
      assertEquals(1, fresh.joinResponse().path("peers").size());
      fresh.ws().acceptNewConsumer(); // auto-subscribed to the watcher's producer again
      JsonNode state = watcher.ws().ok("getRoomState", WsClient.obj());
      assertEquals(2, state.path("peers").size());
      assertEquals(0, state.path("peers").get(1).path("producers").size());
      watcher.ws().close();
      fresh.ws().close();
      s.awaitEmpty();
    }
  }

  static int openFds() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  static long directMemory() {
    return PlatformDependent.usedDirectMemory()
        + PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
  }

  @Test
  void thousandReconnectCyclesLeakNothing() throws Exception {
    int cycles = Integer.getInteger("sfu4j.soak.cycles", 1000);
    try (TestServer s = new TestServer(SignalingConfig.defaults(), null)) {
      String room = "soak-" + UUID.randomUUID();
      TestServer.Joined watcher = s.join(room, "watcher", null);
      watcher.produce("chrome-produce-opus.json");
      int warmup = 20;
      int fdBase = 0;
      int threadBase = 0;
      long directBase = 0;
      TestServer.Joined previous = null;
      long t0 = System.nanoTime();
      for (int i = 0; i < cycles + warmup; i++) {
        if (i == warmup) {
          settle(s, watcher);
          fdBase = openFds();
          threadBase = ManagementFactory.getThreadMXBean().getThreadCount();
          directBase = directMemory();
          t0 = System.nanoTime();
        }
        TestServer.Joined p = s.join(room, "cycler", null);
        if (previous != null && i % 2 == 1) {
          // replaced while still connected: the server closes the old socket
          assertEquals(SignalingService.CLOSE_REPLACED, previous.ws().awaitClose(3000));
          previous.ws().abort();
        }
        p.ws().acceptNewConsumer(); // consumes the watcher's mic
        p.produce(i % 3 == 0 ? "chrome-produce-vp8-simulcast.json" : "chrome-produce-opus.json");
        watcher.ws().acceptNewConsumer(); // and the watcher consumes the cycler
        if (i % 2 == 0) {
          p.ws().abort(); // dropped socket (no close handshake)
          previous = null;
        } else {
          previous = p;
        }
        watcher.ws().clear();
      }
      if (previous != null) {
        previous.ws().abort();
      }
      long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
      settle(s, watcher);
      SignalingCounters c = s.counters();
      int fds = openFds();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      long direct = directMemory();
      System.out.printf(
          "[soak] %d reconnect cycles in %d ms (%.2f ms/cycle)%n"
              + "[soak] objects after: rooms=%d peers=%d transports=%d producers=%d consumers=%d pending=%d serverRequests=%d engineObjects=%d open sockets=%d%n"
              + "[soak] open fds: %d -> %d; threads: %d -> %d; netty direct memory: %d -> %d bytes%n",
          cycles, elapsedMs, (double) elapsedMs / cycles,
          c.rooms(), c.peers(), c.transports(), c.producers(), c.consumers(), c.pendingConsumers(),
          c.serverRequests(), s.liveMediaObjects.getAsInt(), s.server.openConnections(),
          fdBase, fds, threadBase, threads, directBase, direct);
      // Baseline: one room with the watcher (2 transports, 1 producer, 0 consumers).
      assertEquals(1, c.rooms());
      assertEquals(1, c.peers());
      assertEquals(2, c.transports());
      assertEquals(1, c.producers());
      assertEquals(0, c.consumers());
      assertEquals(0, c.pendingConsumers());
      assertEquals(0, c.serverRequests());
      assertEquals(1, s.server.openConnections());
      assertTrue(fds - fdBase <= 16, "fds grew " + fdBase + " -> " + fds);
      assertTrue(threads - threadBase <= 8, "threads grew " + threadBase + " -> " + threads);
      assertTrue(direct - directBase <= 8L * 1024 * 1024, "direct memory grew " + directBase + " -> " + direct);
      watcher.ws().close();
      s.awaitEmpty();
    }
  }

  /** Waits until only the watcher is left and the JDK client released its closed sockets. */
  private static void settle(TestServer s, TestServer.Joined watcher) {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline
        && (s.counters().peers() != 1 || s.counters().consumers() != 0 || s.server.openConnections() != 1)) {
      TestServer.sleep(10);
    }
    watcher.ws().ok("getRoomState", WsClient.obj());
    System.gc();
    TestServer.sleep(200);
  }
}
