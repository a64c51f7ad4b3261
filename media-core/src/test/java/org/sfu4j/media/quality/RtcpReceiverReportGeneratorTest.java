package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.ReceiverReport;

class RtcpReceiverReportGeneratorTest {

  @Test
  void lossFractionAndCumulativeLossPerRfc3550A3() {
    RtcpReceiverReportGenerator g = new RtcpReceiverReportGenerator(0xABCD, 90000);
    assertFalse(g.computeReport());
    for (int s = 100; s < 110; s++) {
      if (s != 103 && s != 105 && s != 107) {
        g.onPacket(s, 0, s, false);
      }
    }
    assertTrue(g.computeReport());
    assertEquals(76, g.fractionLost()); // 3 of 10: (3 << 8) / 10
    assertEquals(3, g.cumulativeLost());
    assertEquals(109, g.extendedHighestSeq());
    for (int s = 110; s < 120; s++) {
      g.onPacket(s, 0, s, false);
    }
    g.onPacket(103, 0, 120, true); // recovered by RTX
    g.computeReport();
    assertEquals(0, g.fractionLost()); // 11 received for 10 expected: no loss this interval
    assertEquals(-1, g.intervalLost());
    assertEquals(2, g.cumulativeLost());
  }

  @Test
  void extendedHighestSequenceCountsCycles() {
    RtcpReceiverReportGenerator g = new RtcpReceiverReportGenerator(1, 90000);
    g.onPacket(65534, 0, 0, false);
    g.onPacket(65535, 0, 0, false);
    g.onPacket(0, 0, 0, false);
    g.onPacket(1, 0, 0, false);
    g.computeReport();
    assertEquals(0x10001, g.extendedHighestSeq());
    assertEquals(0, g.cumulativeLost());
  }

  @Test
  void jitterPerRfc3550A8InTimestampUnits() {
    RtcpReceiverReportGenerator g = new RtcpReceiverReportGenerator(1, 8000);
    // 20 ms audio frames (160 ticks); the third arrives 5 ms late.
    g.onPacket(1, 0, 0, false);
    g.onPacket(2, 160, 20, false);
    g.onPacket(3, 320, 45, false);
    g.onPacket(4, 480, 60, false);
    // D = 0, 40, 40 ticks: J = 0 -> 40/16 -> 2.5 + 37.5/16 = 4.84 -> 4 (integer A.8)
    assertEquals(4, g.jitter());
    g.onPacket(3, 320, 500, true); // retransmissions don't count
    assertEquals(4, g.jitter());
  }

  @Test
  void reportBlockBytesWithLsrAndDlsr() {
    RtcpReceiverReportGenerator g = new RtcpReceiverReportGenerator(0x01020304L, 90000);
    for (int s = 0; s < 4; s++) {
      if (s != 2) {
        g.onPacket(s, 90 * 10 * s, 10 * s, false);
      }
    }
    g.onSenderReport(0x0000_1234_5678_0000L, 777, 1000);
    ReceiverReport.Builder b = new ReceiverReport.Builder().senderSsrc(0xAAAAAAAAL);
    assertTrue(g.addReportBlock(b, 1500));
    ByteBuf out = Unpooled.buffer();
    b.writeTo(out);
    assertEquals("81c90007" + "aaaaaaaa"
        + "01020304" + "40" + "000001" + "00000003" + "00000000" + "12345678" + "00008000",
        ByteBufUtil.hexDump(out));
    out.release();
  }
}
