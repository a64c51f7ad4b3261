package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelUdpCountersTest {
  private static final String ROW =
      "  862: 0000000000000000FFFF00000100007F:AF96 00000000000000000000000000000000:0000 07 "
          + "00000000:00603EC0 00:00000000 00000000     0        0 123456 2 0000000000000000 32473";

  @Test
  void parsesTheQueueAndDropsOfItsOwnRow() {
    KernelUdpCounters.Sample s = KernelUdpCounters.parseLine(ROW, 123456);
    assertEquals(32473, s.drops());
    assertEquals(0x603EC0, s.receiveQueueBytes());
    assertTrue(s.available());
  }

  @Test
  void otherRowsAndGarbageAreNotMatched() {
    assertNull(KernelUdpCounters.parseLine(ROW, 123457));
    assertNull(KernelUdpCounters.parseLine("  sl  local_address rem_address   st tx_queue", 1));
    assertNull(KernelUdpCounters.parseLine("", 1));
    assertNull(KernelUdpCounters.parseLine(ROW.replace("00000000:00603EC0", "zz"), 123456));
  }

  @Test
  void aPathThatIsNoSocketIsUnavailable() {
    assertEquals(-1, KernelUdpCounters.inodeOf(Path.of("/nonexistent/fd/3")));
    KernelUdpCounters k = KernelUdpCounters.forFd(-1);
    assertFalse(k.available());
    assertFalse(k.sample().available());
  }

  @Test
  void aClampedReceiveBufferIsReported() {
    InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
    assertTrue(RtcUdpSocket.warnIfClamped(425_984, a)); // rmem_max 208 KiB doubled
    assertTrue(RtcUdpSocket.warnIfClamped(425_984, a)); // still reported, logged only once
    assertFalse(RtcUdpSocket.warnIfClamped(8 << 20, a)); // 4 MiB granted, read back doubled
  }
}
