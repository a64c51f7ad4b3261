package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class StunErrorBudgetTest {
  private static InetSocketAddress src(int i) {
    return new InetSocketAddress("127.0.0.1", 20000 + i);
  }

  @Test
  void oneSourceGetsItsBurstThenFivePerSecond() {
    StunErrorBudget b = new StunErrorBudget();
    for (int i = 0; i < StunErrorBudget.PER_SOURCE_BURST; i++) {
      assertTrue(b.tryAcquire(src(0), 1000), "burst " + i);
    }
    assertFalse(b.tryAcquire(src(0), 1000));
    assertFalse(b.tryAcquire(src(0), 1199));
    assertTrue(b.tryAcquire(src(0), 1200)); // 200 ms = one token at 5/s
    assertFalse(b.tryAcquire(src(0), 1200));
    assertEquals(3, b.suppressed());
    // a long pause refills only up to the burst
    int ok = 0;
    for (int i = 0; i < 50; i++) {
      ok += b.tryAcquire(src(0), 60_000) ? 1 : 0;
    }
    assertEquals(StunErrorBudget.PER_SOURCE_BURST, ok);
  }

  @Test
  void sourcesHaveTheirOwnBudget() {
    StunErrorBudget b = new StunErrorBudget();
    assertNotEquals(StunErrorBudget.slot(src(0)), StunErrorBudget.slot(src(1)));
    for (int i = 0; i < StunErrorBudget.PER_SOURCE_BURST; i++) {
      assertTrue(b.tryAcquire(src(0), 0));
    }
    assertFalse(b.tryAcquire(src(0), 0));
    assertTrue(b.tryAcquire(src(1), 0));
  }

  @Test
  void theSocketWideBudgetCapsManySources() {
    StunErrorBudget b = new StunErrorBudget();
    int ok = 0;
    for (int round = 0; round < 5; round++) {
      for (int s = 0; s < 200; s++) {
        ok += b.tryAcquire(src(s), 5_000) ? 1 : 0;
      }
    }
    assertEquals(StunErrorBudget.SOCKET_PER_SECOND, ok);
    assertEquals(1000 - StunErrorBudget.SOCKET_PER_SECOND, b.suppressed());
    assertTrue(b.tryAcquire(src(999), 6_000), "refilled a second later");
  }
}
