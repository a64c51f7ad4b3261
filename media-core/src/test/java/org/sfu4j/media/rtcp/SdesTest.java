package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class SdesTest {
  private final Sdes s = new Sdes();

  @Test
  void parsesCname() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.SDES);
    assertEquals(RtcpDropReason.OK, s.wrap(b, 0, b.readableBytes()));
    assertEquals(1, s.chunkCount());
    assertEquals(0x11223344L, s.ssrc(0));
    assertEquals("abc", s.cname(0));
    assertEquals(10, s.cnameOffset(0));
    assertEquals(3, s.cnameLength(0));
    b.release();
  }

  @Test
  void skipsOtherItemsAcrossChunks() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.SDES_TWO);
    assertEquals(RtcpDropReason.OK, s.wrap(b, 0, b.readableBytes()));
    assertEquals(2, s.chunkCount());
    assertEquals(1L, s.ssrc(0));
    assertEquals("x", s.cname(0));
    assertEquals(2L, s.ssrc(1));
    assertEquals("zy", s.cname(1));
    b.release();
  }

  @Test
  void chunkWithoutCname() {
    ByteBuf b = Unpooled.wrappedBuffer(hex("81ca0002 00000009 00000000"));
    assertEquals(RtcpDropReason.OK, s.wrap(b, 0, 12));
    assertNull(s.cname(0));
    assertEquals(-1, s.cnameOffset(0));
    b.release();
  }

  @Test
  void rejectsMissingEndAndOverrunningItems() {
    check(RtcpDropReason.MALFORMED, "81ca0002 00000009 01026162"); // no END item
    check(RtcpDropReason.MALFORMED, "81ca0002 00000009 01096162"); // item overruns
    check(RtcpDropReason.BAD_COUNT, "82ca0002 00000009 00000000"); // SC=2, one chunk
  }

  private void check(RtcpDropReason r, String hex) {
    byte[] bytes = hex(hex);
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    assertEquals(r, s.wrap(b, 0, bytes.length));
    b.release();
  }

  @Test
  void builderReproducesGoldenBytes() {
    Sdes.Builder sb = new Sdes.Builder();
    sb.addCname(0x11223344L, "abc");
    RoundTrip.assertWrites(RtcpVectors.SDES, sb::sizeInBytes, sb::writeTo);
    // A CNAME whose chunk is already 32-bit aligned still needs one null octet + full padding.
    Sdes.Builder aligned = new Sdes.Builder();
    aligned.addCname(1, "ab"); // 4+2+2 = 8 bytes of items -> END + 3 pad
    RoundTrip.assertWrites(hex("81ca0003 00000001 01026162 00000000"), aligned::sizeInBytes,
        aligned::writeTo);
  }
}
