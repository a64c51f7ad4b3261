package org.sfu4j.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TimestampExtenderTest {
  private final TimestampExtender x = new TimestampExtender();

  @Test
  void wrapsForwardAndKeepsReorderedBehind() {
    assertEquals(0xFFFF_FF00L, x.extend(0xFFFF_FF00L));
    assertEquals(0x1_0000_0100L, x.extend(0x100)); // wrapped
    assertEquals(0xFFFF_FFF0L, x.extend(0xFFFF_FFF0L)); // late, before the wrap
    assertEquals(0x1_0000_0100L, x.highest());
    assertEquals(0x1_0000_3100L, x.extend(0x3100));
  }

  @Test
  void manyWrapsAt90kHz() {
    long ts = 0;
    for (int i = 0; i < 200; i++) {
      ts += 90_000L * 3600; // one hour of video per step, below half the space
      assertEquals(ts, x.extend(ts));
    }
  }

  @Test
  void reset() {
    x.extend(5);
    x.reset();
    assertFalse(x.started());
    assertEquals(-1, x.highest());
    assertEquals(0xFFFF_FFFFL, x.extend(-1));
  }
}
