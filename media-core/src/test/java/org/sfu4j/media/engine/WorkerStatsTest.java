package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worker-level counters and the event-loop lag probe. */
class WorkerStatsTest {
  @Test
  void countersAggregateEveryTransportAndSurviveClose() {
    try (EngineHarness h = new EngineHarness(new WorkerSettings().eventLoopLagProbeIntervalMs(0))) {
      WorkerStats zero = h.worker.stats();
      assertEquals(0, zero.rtpPacketsIn());
      assertEquals(0L, zero.inboundDrops().get("UNKNOWN_SSRC"));
      assertEquals(0L, zero.forwardSkips().get("TEMPORAL_LAYER"));

      long ssrc = 0x7777L;
      Producer p = h.produce(EngineHarness.vp8Simple(ssrc)); // consumer start: 1 PLI upstream
      h.consume(p, false);
      h.inject(EngineHarness.rtp(96, 1, 0, ssrc, null, EngineHarness.vp8Payload(false))); // 18 B, skipped
      h.inject(EngineHarness.rtp(96, 2, 0, ssrc, null, EngineHarness.vp8Payload(true)));
      h.inject(EngineHarness.rtp(96, 3, 0, ssrc, null, EngineHarness.vp8Payload(false)));
      h.inject(EngineHarness.rtp(96, 1, 1, 0xDEADL, null, new byte[] {1})); // 13 B, unknown SSRC
      h.inject(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 1, 2})); // too short
      ByteBuf pli = Unpooled.buffer(12).writeInt(0x81CE0002).writeInt(1).writeInt(0);
      try {
        h.recv.injectRtcp(pli);
      } finally {
        pli.release();
      }
      h.sync();

      WorkerStats s = h.worker.statsNow().join();
      assertEquals(4, s.rtpPacketsIn());
      assertEquals(3 * 18 + 13, s.rtpBytesIn());
      assertEquals(2, s.rtpPacketsOut());
      assertEquals(2 * 18, s.rtpBytesOut());
      assertEquals(1, s.rtcpPacketsIn());
      assertEquals(1, s.rtcpPacketsOut());
      assertEquals(1L, s.inboundDrops().get("UNKNOWN_SSRC"));
      assertEquals(1L, s.inboundDrops().get("TOO_SHORT"));
      assertEquals(1L, s.forwardSkips().get("WAITING_KEY_FRAME"));
      long nonZero = s.inboundDrops().values().stream().filter(v -> v != 0).count()
          + s.forwardSkips().values().stream().filter(v -> v != 0).count();
      assertEquals(3, nonZero, s.toString());
      assertEquals(s.rtpPacketsIn(), h.worker.stats().rtpPacketsIn(), "statsNow publishes");

      h.send.close().join();
      h.recv.close().join();
      WorkerStats after = h.worker.statsNow().join();
      assertEquals(4, after.rtpPacketsIn());
      assertEquals(Map.copyOf(s.inboundDrops()), Map.copyOf(after.inboundDrops()));
    }
  }

  @Test
  void lagProbeMeasuresABlockedLoopAndRecovers() throws Exception {
    Worker w = Worker.create(new WorkerSettings().eventLoopLagProbeIntervalMs(20));
    try {
      long initialStatsTs = w.stats().timestampMs();
      w.eventLoop().execute(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      long maxSeen = 0;
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < deadline && maxSeen < 200) {
        maxSeen = Math.max(maxSeen, w.eventLoopLagMs());
        Thread.sleep(5);
      }
      assertTrue(maxSeen >= 200, "lag of a loop blocked 300 ms, seen " + maxSeen);
      deadline = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < deadline && w.eventLoopLagMs() >= 100) {
        Thread.sleep(10);
      }
      assertTrue(w.eventLoopLagMs() < 100, "recovered: " + w.eventLoopLagMs());
      assertTrue(w.stats().timestampMs() > initialStatsTs, "probe ticks publish stats");
    } finally {
      w.close().join();
    }
  }
}
