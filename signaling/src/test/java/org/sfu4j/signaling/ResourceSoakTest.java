package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 join/leave cycles and 1,000 reconnects dropped (TCP RST) at random points of the
 * handshake, over raw WebSocket clients on 127.0.0.1, with the real engine behind the server.
 * Afterwards open file descriptors, threads, heap after GC and Netty direct memory are within a
 * fixed bound of the start, and every signaling and engine object count is zero.
 *
 * <p>Longer: {@code -Dsfu4j.soak.joins=100000 -Dsfu4j.soak.reconnects=10000}.
 */
@Tag("soak")
class ResourceSoakTest {
  private static final int CLIENT_THREADS = 4;

  /** Where a reconnecting client drops its socket. */
  enum DropPoint {
    MID_HTTP_UPGRADE, AFTER_UPGRADE, MID_JOIN, AFTER_JOIN, MID_CREATE_TRANSPORT,
    AFTER_CREATE_TRANSPORT, MID_CONNECT, MID_PRODUCE, AFTER_PRODUCE, WITH_CONSUMERS_UNANSWERED
  }

  record Figures(int fds, int threads, long heap, long direct) {
    static Figures now() {
      for (int i = 0; i < 3; i++) {
        System.gc();
        TestServer.sleep(50);
      }
      String[] fds = new File("/proc/self/fd").list();
      return new Figures(
          fds == null ? -1 : fds.length,
          ManagementFactory.getThreadMXBean().getThreadCount(),
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
          PlatformDependent.usedDirectMemory() + PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
    }
  }

  @Test
  void joinLeaveAndDroppedReconnectsLeaveNothingBehind() throws Exception {
    int joins = Integer.getInteger("sfu4j.soak.joins", 10_000);
    int reconnects = Integer.getInteger("sfu4j.soak.reconnects", 1_000);
    SignalingConfig config = SignalingConfig.defaults().withRate(1e6, 1_000_000).withServerRequestTimeoutMs(200);
    try (TestServer s = new TestServer(config, null)) {
      // Warm up every code path (JIT, pools, Netty's thread-local caches) before the baseline.
      runJoins(s, 400);
      runReconnects(s, 200, new Random(1));
      awaitIdle(s);
      Figures before = Figures.now();

      long t0 = System.nanoTime();
      runJoins(s, joins);
      long joinMs = (System.nanoTime() - t0) / 1_000_000;
      t0 = System.nanoTime();
      int[] drops = runReconnects(s, reconnects, new Random(0x50a4L));
      long reconnectMs = (System.nanoTime() - t0) / 1_000_000;
      awaitIdle(s);
      Figures after = Figures.now();
      SignalingCounters c = s.counters();

      StringBuilder dropSummary = new StringBuilder();
      for (DropPoint p : DropPoint.values()) {
        dropSummary.append(p.name().toLowerCase()).append('=').append(drops[p.ordinal()]).append(' ');
      }
      System.out.printf(
          "[soak] %d join/leave cycles in %d ms (%.2f ms/cycle, %d client threads)%n"
              + "[soak] %d dropped reconnects in %d ms: %s%n"
              + "[soak] open fds %d -> %d; threads %d -> %d; heap after GC %.1f -> %.1f MiB; netty direct %d -> %d bytes%n"
              + "[soak] after: %s engineObjects=%d openConnections=%d%n",
          joins, joinMs, (double) joinMs / joins, CLIENT_THREADS, reconnects, reconnectMs, dropSummary,
          before.fds(), after.fds(), before.threads(), after.threads(),
          before.heap() / 1048576.0, after.heap() / 1048576.0, before.direct(), after.direct(),
          c, s.liveMediaObjects.getAsInt(), s.server.openConnections());
      assertEquals(0, c.rooms() + c.peers() + c.transports() + c.producers() + c.consumers()
          + c.pendingConsumers() + c.serverRequests(), c.toString());
      assertEquals(0, s.liveMediaObjects.getAsInt());
      assertEquals(0, s.server.openConnections());
      assertTrue(after.fds() - before.fds() <= 16, "fds " + before.fds() + " -> " + after.fds());
      assertTrue(after.threads() - before.threads() <= 4, "threads " + before.threads() + " -> " + after.threads());
      assertTrue(after.heap() - before.heap() <= 32L << 20, "heap " + before.heap() + " -> " + after.heap());
      assertTrue(after.direct() - before.direct() <= 8L << 20, "direct " + before.direct() + " -> " + after.direct());
      for (DropPoint p : DropPoint.values()) {
        assertTrue(drops[p.ordinal()] > 0 || reconnects < 100, "drop point never hit: " + p);
      }
    }
  }

  private static ObjectNode joinData() {
    ObjectNode join = WsClient.obj().put("displayName", "soak");
    join.putObject("device").put("name", "soak").put("flag", "java").put("version", "1");
    join.set("rtpCapabilities", Fixtures.deviceCaps());
    return join;
  }

  /** Connect, join a room of 8 peers or fewer, leave (close or RST), from several threads. */
  private static void runJoins(TestServer s, int cycles) throws Exception {
    JsonNode join = joinData();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        int thread = t;
        fs.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < cycles; ) {
            RawWsClient c = RawWsClient.connect(s.port, "soak-room-" + (i % 16), "p" + thread + "-" + i);
            c.ok(1, "join", join);
            c.abort();
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reconnects of a few peer ids (so replacement of a live socket happens too) in a room with a
   * producing watcher, each dropped at a random point.
   */
  private static int[] runReconnects(TestServer s, int n, Random rnd) {
    int[] drops = new int[DropPoint.values().length];
    String room = "reconnect-" + UUID.randomUUID();
    TestServer.Joined watcher = s.join(room, "watcher", null);
    watcher.produce("chrome-produce-opus.json");
    JsonNode join = joinData();
    ObjectNode sendOpts = WsClient.obj().put("producing", true).put("consuming", false);
    List<RawWsClient> lingering = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DropPoint p = DropPoint.values()[rnd.nextInt(DropPoint.values().length)];
      drops[p.ordinal()]++;
      String peer = "r" + rnd.nextInt(4);
      RawWsClient c = RawWsClient.tcp(s.port);
      try {
        if (p == DropPoint.MID_HTTP_UPGRADE) {
          String req = c.upgradeRequest("roomId=" + room + "&peerId=" + peer);
          c.sendRaw(req.substring(0, rnd.nextInt(req.length())));
          continue;
        }
        assertEquals(101, c.upgrade("roomId=" + room + "&peerId=" + peer));
        if (p == DropPoint.AFTER_UPGRADE) {
          continue;
        }
        if (p == DropPoint.MID_JOIN) {
          c.sendRequest(1, "join", join);
          continue;
        }
        c.ok(1, "join", join);
        if (p == DropPoint.AFTER_JOIN) {
          continue;
        }
        if (p == DropPoint.MID_CREATE_TRANSPORT) {
          c.sendRequest(2, "createWebRtcTransport", sendOpts);
          continue;
        }
        String t = c.ok(2, "createWebRtcTransport", sendOpts).path("id").asText();
        if (p == DropPoint.AFTER_CREATE_TRANSPORT) {
          continue;
        }
        ObjectNode connect = WsClient.obj().put("transportId", t);
        connect.set("dtlsParameters", Fixtures.dtls("chrome-produce-opus.json"));
        if (p == DropPoint.MID_CONNECT) {
          c.sendRequest(3, "connectWebRtcTransport", connect);
          continue;
        }
        c.ok(3, "connectWebRtcTransport", connect);
        if (p == DropPoint.MID_PRODUCE) {
          c.sendRequest(4, "produce", Fixtures.produce("chrome-produce-opus.json", t));
          continue;
        }
        c.ok(4, "produce", Fixtures.produce("chrome-produce-vp8-simulcast.json", t));
        if (p == DropPoint.WITH_CONSUMERS_UNANSWERED) {
          // A recv transport: the server offers the watcher's mic; never answer it.
          c.ok(5, "createWebRtcTransport", WsClient.obj().put("producing", false).put("consuming", true));
        }
      } finally {
        // Half of the sockets stay open until the same peer id reconnects (replacement path).
        if (rnd.nextBoolean()) {
          c.abort();
        } else {
          lingering.add(c);
          if (lingering.size() > 8) {
            lingering.remove(0).abort();
          }
        }
      }
    }
    lingering.forEach(RawWsClient::abort);
    watcher.ws().abort();
    return drops;
  }

  private static void awaitIdle(TestServer s) {
    s.awaitEmpty();
    long deadline = System.currentTimeMillis() + 5_000;
    while (s.server.openConnections() != 0 && System.currentTimeMillis() < deadline) {
      TestServer.sleep(10);
    }
  }
}
