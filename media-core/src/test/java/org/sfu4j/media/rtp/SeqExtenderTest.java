package org.sfu4j.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeqExtenderTest {
  private final SeqExtender x = new SeqExtender();

  @Test
  void startsAtFirstValueWithZeroCycles() {
    assertFalse(x.started());
    assertEquals(-1, x.highest());
    assertEquals(1000, x.extend(1000));
    assertEquals(1000, x.highest());
    assertEquals(0, x.cycles());
    assertTrue(x.started());
  }

  @Test
  void wrapsForwardAcrossZero() {
    long[] expected = {65533, 65534, 65535, 65536, 65537};
    int[] seqs = {65533, 65534, 65535, 0, 1};
    for (int i = 0; i < seqs.length; i++) {
      assertEquals(expected[i], x.extend(seqs[i]));
    }
    assertEquals(65537, x.highest());
    assertEquals(1, x.cycles());
  }

  @Test
  void reorderedAcrossWrapDoesNotMoveHighest() {
    x.extend(65534);
    assertEquals(65537, x.extend(1)); // loss of 65535 and 0
    assertEquals(65535, x.extend(65535)); // late
    assertEquals(65536, x.extend(0)); // late
    assertEquals(65537, x.highest());
    assertEquals(65538, x.extend(2));
  }

  @Test
  void lateBeforeFirstGoesNegative() {
    x.extend(0);
    assertEquals(-1, x.extend(65535));
    assertEquals(0, x.highest());
  }

  @Test
  void bigJumpForwardWithinHalfRange() {
    x.extend(10);
    assertEquals(10 + 32767, x.extend(10 + 32767));
    assertEquals(65536 + 5, x.extend(5)); // 5 is 32764 ahead of 32777 modulo 2^16
  }

  @Test
  void manyCycles() {
    long expected = 0;
    for (int i = 0; i <= 10 * 65536 + 17; i += 17) { // crosses ten wraps
      expected = i;
      assertEquals(expected, x.extend(i & 0xFFFF));
    }
    assertEquals(10, x.cycles());
  }

  @Test
  void duplicateReturnsSameValue() {
    x.extend(7);
    assertEquals(7, x.extend(7));
    assertEquals(7, x.highest());
  }

  @Test
  void resetStartsOver() {
    x.extend(65535);
    x.extend(3);
    x.reset();
    assertEquals(-1, x.highest());
    assertEquals(3, x.extend(3));
    assertEquals(0, x.cycles());
  }
}
