package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class SenderReportTest {
  @Test
  void parsesEveryField() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.SR);
    SenderReport sr = new SenderReport();
    assertEquals(RtcpDropReason.OK, sr.wrap(b, 0, b.readableBytes()));
    assertEquals(0x11223344L, sr.senderSsrc());
    assertEquals(0xe35a4b2c80000000L, sr.ntpTimestamp());
    assertEquals(0x4b2c8000L, sr.compactNtp());
    assertEquals(90000L, sr.rtpTimestamp());
    assertEquals(100L, sr.packetCount());
    assertEquals(100000L, sr.octetCount());
    assertEquals(1, sr.reportCount());
    ReportBlock rb = sr.reportBlock(0, new ReportBlock());
    assertEquals(0x55667788L, rb.ssrc());
    assertEquals(0x40, rb.fractionLost());
    assertEquals(5, rb.cumulativeLost());
    assertEquals(0x00010010L, rb.extendedHighestSeq());
    assertEquals(32L, rb.jitter());
    assertEquals(0x4b2c8000L, rb.lastSr());
    assertEquals(65536L, rb.delaySinceLastSr());
    b.release();
  }

  @Test
  void builderReproducesGoldenBytes() {
    SenderReport.Builder sb = new SenderReport.Builder()
        .senderInfo(0x11223344L, 0xe35a4b2c80000000L, 90000, 100, 100000);
    assertTrue(sb.addReportBlock(0x55667788L, 0x40, 5, 0x00010010L, 32, 0x4b2c8000L, 65536));
    RoundTrip.assertWrites(RtcpVectors.SR, sb::sizeInBytes, sb::writeTo);
  }

  @Test
  void rejectsReportCountBeyondLengthAndOtherTypes() {
    byte[] bad = RtcpVectors.SR.clone();
    bad[0] = (byte) 0x82; // RC=2 but only one block
    ByteBuf b = Unpooled.wrappedBuffer(bad);
    assertEquals(RtcpDropReason.BAD_COUNT, new SenderReport().wrap(b, 0, bad.length));
    b.release();
    ByteBuf rr = Unpooled.wrappedBuffer(RtcpVectors.RR);
    assertEquals(RtcpDropReason.WRONG_TYPE, new SenderReport().wrap(rr, 0, RtcpVectors.RR.length));
    rr.release();
  }

  @Test
  void builderCapsAt31Blocks() {
    SenderReport.Builder sb = new SenderReport.Builder();
    for (int i = 0; i < 31; i++) {
      assertTrue(sb.addReportBlock(i, 0, 0, 0, 0, 0, 0));
    }
    assertEquals(false, sb.addReportBlock(99, 0, 0, 0, 0, 0, 0));
    assertEquals(28 + 31 * 24, sb.sizeInBytes());
    sb.clearReportBlocks();
    assertEquals(28, sb.sizeInBytes());
  }
}
