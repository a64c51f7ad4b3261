package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ReceiverReportTest {
  @Test
  void parsesTwoBlocksIncludingNegativeCumulativeLoss() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.RR);
    ReceiverReport rr = new ReceiverReport();
    assertEquals(RtcpDropReason.OK, rr.wrap(b, 0, b.readableBytes()));
    assertEquals(0x01020304L, rr.senderSsrc());
    assertEquals(2, rr.reportCount());
    ReportBlock rb = new ReportBlock();
    rr.reportBlock(0, rb);
    assertEquals(0xaaaaaaaaL, rb.ssrc());
    assertEquals(0, rb.fractionLost());
    assertEquals(-1, rb.cumulativeLost());
    assertEquals(0xffffL, rb.extendedHighestSeq());
    rr.reportBlock(1, rb);
    assertEquals(0xbbbbbbbbL, rb.ssrc());
    assertEquals(255, rb.fractionLost());
    assertEquals(0x7fffff, rb.cumulativeLost());
    assertEquals(0x00020001L, rb.extendedHighestSeq());
    assertEquals(0x1000L, rb.jitter());
    assertEquals(0x12345678L, rb.lastSr());
    assertEquals(0x9abcdef0L, rb.delaySinceLastSr());
    b.release();
  }

  @Test
  void builderReproducesGoldenBytesAndClampsLoss() {
    ReceiverReport.Builder rb = new ReceiverReport.Builder().senderSsrc(0x01020304L);
    rb.addReportBlock(0xaaaaaaaaL, 0, -1, 0xffff, 0, 0, 0);
    rb.addReportBlock(0xbbbbbbbbL, 255, 50_000_000, 0x00020001L, 0x1000, 0x12345678L, 0x9abcdef0L);
    RoundTrip.assertWrites(RtcpVectors.RR, rb::sizeInBytes, rb::writeTo);
    ReceiverReport.Builder empty = new ReceiverReport.Builder().senderSsrc(0x01020304L);
    RoundTrip.assertWrites(RtcpVectors.RR_EMPTY, empty::sizeInBytes, empty::writeTo);
  }

  @Test
  void reportBlockWrapNeeds24Bytes() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.RR);
    ReportBlock rb = new ReportBlock();
    assertEquals(RtcpDropReason.TOO_SHORT, rb.wrap(b, 8, 23));
    assertEquals(RtcpDropReason.OK, rb.wrap(b, 8, 24));
    assertEquals(0xaaaaaaaaL, rb.ssrc());
    assertEquals(RtcpDropReason.BAD_BOUNDS, rb.wrap(b, 40, 24));
    b.release();
  }
}
