package org.sfu4j.media.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayerSelectorTest {
  // three simulcast layers x three temporal layers, cumulative bitrates
  static final long[][] RATES = {
      {60_000, 100_000, 150_000},
      {200_000, 330_000, 500_000},
      {700_000, 1_100_000, 1_700_000},
  };

  private final LayerSelector sel = new LayerSelector(2000, 0.9);

  private String target() {
    return sel.targetSpatial() + "/" + sel.targetTemporal();
  }

  @Test
  void firstDecisionIsImmediate() {
    assertTrue(sel.update(1_000_000, RATES, 2, 2, 0));
    assertEquals("2/0", target()); // 700k <= 900k, 1.1M is not
  }

  @Test
  void downIsImmediateUpWaitsForTheHoldTime() {
    sel.update(3_000_000, RATES, 2, 2, 0);
    assertEquals("2/2", target());
    assertTrue(sel.update(600_000, RATES, 2, 2, 100)); // budget 540k
    assertEquals("1/2", target());
    // Capacity back: the better layer must fit for 2 × hold (recent downswitch).
    for (long t = 200; t < 4100; t += 100) {
      assertFalse(sel.update(3_000_000, RATES, 2, 2, t), "at " + t);
    }
    assertTrue(sel.update(3_000_000, RATES, 2, 2, 4200));
    assertEquals("2/2", target());
  }

  @Test
  void aDipResetsTheUpCandidateClock() {
    sel.update(200_000, RATES, 2, 2, 0);
    assertEquals("0/2", target());
    sel.update(1_000_000, RATES, 2, 2, 100);
    sel.update(1_000_000, RATES, 2, 2, 1500);
    sel.update(170_000, RATES, 2, 2, 1600); // budget 153k: same layer, candidate dropped
    assertEquals("0/2", target());
    assertFalse(sel.update(1_000_000, RATES, 2, 2, 2200));
    assertFalse(sel.update(1_000_000, RATES, 2, 2, 4100));
    assertTrue(sel.update(1_000_000, RATES, 2, 2, 4200));
    assertEquals("2/0", target());
  }

  @Test
  void preferredLayersAndInactiveLayersAreRespected() {
    sel.update(10_000_000, RATES, 1, 1, 0);
    assertEquals("1/1", target());
    LayerSelector s2 = new LayerSelector();
    long[][] topInactive = {{60_000, 100_000}, {0, 0}, {0, 0}};
    s2.update(10_000_000, topInactive, 2, 2, 0);
    assertEquals(0, s2.targetSpatial());
    assertEquals(1, s2.targetTemporal());
  }

  @Test
  void nothingFitsKeepsTheLowestActiveLayer() {
    sel.update(10_000, RATES, 2, 2, 0);
    assertEquals("0/0", target());
  }

  @Test
  void shareByPriority() {
    assertEquals(750_000, LayerSelector.share(1_000_000, 3, 4));
    assertEquals(1_000_000, LayerSelector.share(1_000_000, 1, 0));
  }
}
