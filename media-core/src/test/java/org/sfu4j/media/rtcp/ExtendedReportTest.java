package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ExtendedReportTest {
  private final ExtendedReport xr = new ExtendedReport();

  @Test
  void parsesRrtrAndDlrrAndRebuilds() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.XR);
    assertEquals(RtcpDropReason.OK, xr.wrap(b, 0, b.readableBytes()));
    assertEquals(0x11223344L, xr.ssrc());
    assertTrue(xr.hasRrtr());
    assertEquals(0xe35a4b2c80000000L, xr.rrtrNtpTimestamp());
    assertEquals(1, xr.dlrrCount());
    assertEquals(0x55667788L, xr.dlrrSsrc(0));
    assertEquals(0x4b2c8000L, xr.dlrrLastRr(0));
    assertEquals(0x00010000L, xr.dlrrDelay(0));
    b.release();
    ExtendedReport.Builder xb = new ExtendedReport.Builder().ssrc(0x11223344L)
        .rrtr(0xe35a4b2c80000000L);
    xb.addDlrr(0x55667788L, 0x4b2c8000L, 0x00010000L);
    RoundTrip.assertWrites(RtcpVectors.XR, xb::sizeInBytes, xb::writeTo);
  }

  @Test
  void skipsUnknownBlocks() {
    // Unknown BT=6 block with 1 word, then a DLRR with no sub-blocks.
    ByteBuf b = Unpooled.wrappedBuffer(hex("80cf0004 00000001 06000001 aabbccdd 05000000"));
    assertEquals(RtcpDropReason.OK, xr.wrap(b, 0, 20));
    assertFalse(xr.hasRrtr());
    assertEquals(0, xr.dlrrCount());
    b.release();
  }

  @Test
  void rejectsOverrunningOrMisSizedBlocks() {
    check("80cf0003 00000001 04000003 00000000");
    check("80cf0004 00000001 04000003 00000000 00000000"); // RRTR must be 2 words
    check("80cf0004 00000001 05000003 00000000 00000000");
    check("80cf0003 00000001 05000002 00000000"); // DLRR not a multiple of 3 words
  }

  private void check(String hex) {
    byte[] bytes = hex(hex);
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    assertEquals(RtcpDropReason.MALFORMED, xr.wrap(b, 0, bytes.length), hex);
    b.release();
  }
}
