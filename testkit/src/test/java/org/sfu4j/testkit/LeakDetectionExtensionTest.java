package org.sfu4j.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the extension sees a real leak (and then clears it so this class still passes). */
class LeakDetectionExtensionTest {

  @Test
  void detectsAnUnreleasedBuffer() {
    leakOne();
    List<String> leaks = List.of();
    for (int i = 0; i < 20 && leaks.isEmpty(); i++) {
      LeakDetectionExtension.collectAndPoll();
      leaks = LeakDetectionExtension.drainLeaks();
    }
    assertFalse(leaks.isEmpty(), "a dropped, unreleased buffer must be reported");
    assertTrue(leaks.get(0).contains("LEAK"));
  }

  private static void leakOne() {
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(64);
    buf.writeInt(42);
    // deliberately not released
  }
}
