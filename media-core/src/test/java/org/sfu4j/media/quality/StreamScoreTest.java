package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamScoreTest {
  @Test
  void weightedRecentIntervals() {
    StreamScore s = new StreamScore();
    assertEquals(10, s.score());
    assertTrue(s.addInterval(100, 5, 0)); // 0.95^4 = 0.81 -> 8
    assertEquals(8, s.score());
    s.addInterval(100, 0, 0); // (8*1 + 10*2) / 3 = 9.33
    assertEquals(9, s.score());
    s.addInterval(10, 10, 0); // (8 + 20 + 0) / 6 = 4.67
    assertEquals(5, s.score());
    assertFalse(s.addInterval(0, 0, 0));
    assertEquals(5, s.score());
  }

  @Test
  void repairedLossDoesNotCountAndHistoryIsBounded() {
    StreamScore s = new StreamScore();
    s.addInterval(100, 100, 0);
    assertEquals(0, s.score());
    for (int i = 0; i < StreamScore.HISTORY; i++) {
      s.addInterval(100, 10, 10);
    }
    assertEquals(10, s.score());
    s.reset();
    assertEquals(10, s.score());
  }
}
