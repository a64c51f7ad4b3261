package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key-frame requests of many consumers of one producer stream are aggregated by the producer's
 * KeyFrameRequestManager: one PLI upstream per 500 ms window, a deferred one at the end of the
 * window unless a key frame arrived, and a repeat when a request stays unanswered.
 */
class KeyFrameAggregationTest {
  static final long SSRC = 0x5151_0000L;

  @Test
  void consumersPlisAreAggregatedPerStream() {
    try (EngineHarness h = new EngineHarness()) {
      Producer p = h.produce(EngineHarness.vp8Simple(SSRC));
      List<Consumer> cs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        cs.add(h.consume(p, false)); // each resume-like start asks for a key frame
      }
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs(), "5 consumers starting: one PLI");

      tick(h, 100);
      assertEquals(List.of(), h.takePliMediaSsrcs(), "inside the window: deferred");
      tick(h, 450);
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs(), "window over, no key frame: deferred PLI");

      h.inject(EngineHarness.rtp(96, 1, 0, SSRC, null, EngineHarness.vp8Payload(true)));
      tick(h, 600);
      tick(h, 1200);
      assertEquals(List.of(), h.takePliMediaSsrcs(), "key frame arrived: nothing pending");

      for (Consumer c : cs) {
        c.requestKeyFrame().join(); // as a PLI from each consumer's endpoint would
      }
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs(), "5 consumer PLIs: one upstream");
      h.inject(EngineHarness.rtp(96, 2, 3000, SSRC, null, EngineHarness.vp8Payload(true)));
      tick(h, 600);
      assertEquals(List.of(), h.takePliMediaSsrcs(), "answered by a key frame");

      cs.get(0).requestKeyFrame().join();
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs());
      tick(h, 1100);
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs(), "unanswered for 1 s: repeated");
    }
  }

  private static void tick(EngineHarness h, long ms) {
    h.advance(ms);
    h.onLoop(() -> {
      h.router.tick(h.worker.nowMs());
      return null;
    });
  }
}
