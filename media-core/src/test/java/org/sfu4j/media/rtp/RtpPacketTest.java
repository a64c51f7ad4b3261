package org.sfu4j.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.rtp.Bytes.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
  /** V=2, no P/X, CC=0, M=0, PT=111, seq=0x1234, ts=0xDEADBEEF, ssrc=0x01020304, 5-byte payload. */
  static final byte[] PLAIN = hex("806f1234 deadbeef 01020304 aabbccddee");

  /**
   * V=2 P=1 X=1 CC=2, M=1 PT=96, seq=65535, ts=1, ssrc=0xFFFFFFFE, CSRCs 0x11111111 and 0x22222222,
   * one-byte extension block of 2 words (10 7f 00 31 abcd 50 42): id=1 len=1 [7f], a padding byte,
   * id=3 len=2 [abcd], id=5 len=1 [42]. Payload 3 bytes, then 4 bytes of padding (00 00 00 04).
   */
  static final byte[] ONE_BYTE = hex(
      "b2e0ffff 00000001 fffffffe 11111111 22222222"
          + "bede0002 107f0031 abcd5042"
          + "010203 00000004");

  /** V=2 X=1, PT=100, two-byte form 0x1001: id=1 len=0, id=17 len=3 [a b c], id=255 len=1 [9], pad. */
  static final byte[] TWO_BYTE = hex(
      "90640001 00000064 0000abcd"
          + "10010003 01001103 61626300 ff010900"
          + "ff");

  private final RtpPacket p = new RtpPacket();

  @Test
  void parsesPlainHeader() {
    ByteBuf b = Unpooled.wrappedBuffer(PLAIN);
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertEquals(2, p.version());
    assertFalse(p.hasPadding());
    assertFalse(p.hasExtension());
    assertEquals(0, p.csrcCount());
    assertFalse(p.marker());
    assertEquals(111, p.payloadType());
    assertEquals(0x1234, p.sequenceNumber());
    assertEquals(0xDEADBEEFL, p.timestamp());
    assertEquals(0x01020304L, p.ssrc());
    assertEquals(12, p.headerLength());
    assertEquals(12, p.payloadOffset());
    assertEquals(5, p.payloadLength());
    assertEquals(0, p.paddingLength());
    assertEquals(0, p.extensionProfile());
    assertFalse(p.hasExtension(1));
    assertEquals(-1, p.extensionOffset(1));
    assertEquals(-1, p.extensionLength(1));
    assertEquals(17, p.length());
    assertEquals(b, p.buffer());
    assertEquals(1, b.refCnt());
    b.release();
  }

  @Test
  void parsesCsrcsOneByteExtensionsAndPadding() {
    ByteBuf b = Unpooled.wrappedBuffer(ONE_BYTE);
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertTrue(p.hasPadding());
    assertTrue(p.hasExtension());
    assertEquals(2, p.csrcCount());
    assertTrue(p.marker());
    assertEquals(96, p.payloadType());
    assertEquals(65535, p.sequenceNumber());
    assertEquals(1L, p.timestamp());
    assertEquals(0xFFFFFFFEL, p.ssrc());
    assertEquals(0x11111111L, p.csrc(0));
    assertEquals(0x22222222L, p.csrc(1));
    assertEquals(0xBEDE, p.extensionProfile());
    assertTrue(p.isOneByteExtensionForm());
    assertEquals(12 + 8 + 4 + 8, p.headerLength());
    assertEquals(32, p.payloadOffset());
    assertEquals(3, p.payloadLength());
    assertEquals(4, p.paddingLength());
    assertEquals(3, p.extensionCount());
    assertEquals(25, p.extensionOffset(1));
    assertEquals(1, p.extensionLength(1));
    assertEquals(0x7f, p.extensionU8(1));
    assertEquals(28, p.extensionOffset(3));
    assertEquals(2, p.extensionLength(3));
    assertEquals(0xabcd, p.extensionU16(3));
    assertEquals(-1, p.extensionU8(3));
    assertEquals(0x42, p.extensionU8(5));
    assertFalse(p.hasExtension(2));
    assertFalse(p.hasExtension(0));
    assertFalse(p.hasExtension(300));
    b.release();
  }

  @Test
  void parsesTwoByteExtensions() {
    ByteBuf b = Unpooled.wrappedBuffer(TWO_BYTE);
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertEquals(0x1001, p.extensionProfile());
    assertTrue(p.isTwoByteExtensionForm());
    assertEquals(0, p.extensionLength(1));
    assertEquals(18, p.extensionOffset(1));
    assertEquals(3, p.extensionLength(17));
    assertEquals(0x616263, p.extensionU24(17));
    assertEquals(1, p.extensionLength(255));
    assertEquals(9, p.extensionU8(255));
    assertEquals(28, p.headerLength());
    assertEquals(1, p.payloadLength());
    assertEquals(3, p.extensionCount());
    b.release();
  }

  @Test
  void oneByteStopIdEndsParsing() {
    // id=15 stops processing: the id=2 element after it is not seen.
    ByteBuf b = Unpooled.wrappedBuffer(hex("90000001 00000000 00000001 bede0001 f0200000 99"));
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertFalse(p.hasExtension(2));
    assertEquals(0, p.extensionCount());
    b.release();
  }

  @Test
  void firstDuplicateIdWins() {
    ByteBuf b = Unpooled.wrappedBuffer(hex("90000001 00000000 00000001 bede0001 10011002"));
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertEquals(1, p.extensionU8(1));
    b.release();
  }

  @Test
  void unknownProfileKeepsBlockButNoElements() {
    ByteBuf b = Unpooled.wrappedBuffer(hex("90000001 00000000 00000001 abcd0001 10011002 77"));
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertEquals(0xabcd, p.extensionProfile());
    assertEquals(20, p.headerLength());
    assertEquals(0, p.extensionCount());
    assertFalse(p.hasExtension(1));
    b.release();
  }

  @Test
  void reportsEachDropReason() {
    check(RtpDropReason.TOO_SHORT, "806f1234 deadbeef 010203");
    check(RtpDropReason.BAD_VERSION, "406f1234 deadbeef 01020304");
    check(RtpDropReason.BAD_VERSION, "c06f1234 deadbeef 01020304");
    check(RtpDropReason.BAD_CSRC_LENGTH, "816f1234 deadbeef 01020304");
    check(RtpDropReason.BAD_EXTENSION_LENGTH, "906f1234 deadbeef 01020304 bede");
    check(RtpDropReason.BAD_EXTENSION_LENGTH, "906f1234 deadbeef 01020304 bede0002 00000000");
    check(RtpDropReason.BAD_EXTENSION_ELEMENT, "906f1234 deadbeef 01020304 bede0001 00001300");
    check(RtpDropReason.BAD_EXTENSION_ELEMENT, "906f1234 deadbeef 01020304 10000001 00000001");
    check(RtpDropReason.BAD_EXTENSION_ELEMENT, "906f1234 deadbeef 01020304 10000001 00000003");
    check(RtpDropReason.BAD_PADDING, "a06f1234 deadbeef 01020304");
    check(RtpDropReason.BAD_PADDING, "a06f1234 deadbeef 01020304 aa00");
    check(RtpDropReason.BAD_PADDING, "a06f1234 deadbeef 01020304 aa03");
    check(RtpDropReason.OK, "a06f1234 deadbeef 01020304 aa02");
    check(RtpDropReason.OK, "a06f1234 deadbeef 01020304 0002");
    check(RtpDropReason.OK, "806f1234 deadbeef 01020304");
    ByteBuf b = Unpooled.wrappedBuffer(PLAIN);
    assertEquals(RtpDropReason.BAD_BOUNDS, p.wrap(b, 1, PLAIN.length));
    assertEquals(RtpDropReason.BAD_BOUNDS, p.wrap(b, -1, 3));
    assertEquals(RtpDropReason.BAD_BOUNDS, p.wrap(b, 0, -1));
    assertEquals(RtpDropReason.BAD_BOUNDS, p.wrap(b, Integer.MAX_VALUE, 20));
    assertEquals(RtpDropReason.BAD_BOUNDS, p.wrap(null, 0, 0));
    b.release();
  }

  private void check(RtpDropReason expected, String hex) {
    ByteBuf b = Unpooled.wrappedBuffer(hex(hex));
    assertEquals(expected, p.wrap(b), hex);
    b.release();
  }

  @Test
  void settersRewriteInPlaceWithoutTouchingOtherBytes() {
    ByteBuf b = Unpooled.wrappedBuffer(ONE_BYTE.clone());
    assertEquals(RtpDropReason.OK, p.wrap(b));
    p.setMarker(false);
    assertFalse(p.marker());
    assertEquals(96, p.payloadType());
    p.setPayloadType(127);
    assertEquals(127, p.payloadType());
    assertFalse(p.marker());
    p.setMarker(true);
    assertTrue(p.marker());
    assertEquals(127, p.payloadType());
    p.setPayloadType(100);
    p.setSequenceNumber(0x10002); // masked to 16 bits on the wire
    p.setTimestamp(0xCAFEBABEL);
    p.setSsrc(0x89ABCDEFL);
    assertEquals(2, p.sequenceNumber());
    assertEquals(0xCAFEBABEL, p.timestamp());
    assertEquals(0x89ABCDEFL, p.ssrc());
    byte[] expected = ONE_BYTE.clone();
    byte[] head = hex("b2e40002 cafebabe 89abcdef");
    System.arraycopy(head, 0, expected, 0, 12);
    assertArrayEquals(expected, ByteBufUtil.getBytes(b));
    b.release();
  }

  @Test
  void setsExtensionValuesOfSameLengthOnly() {
    ByteBuf b = Unpooled.wrappedBuffer(ONE_BYTE.clone());
    p.wrap(b);
    assertTrue(p.setExtensionValue(3, new byte[] {1, 2}));
    assertFalse(p.setExtensionValue(3, new byte[] {1, 2, 3}));
    assertFalse(p.setExtensionValue(4, new byte[] {1}));
    assertFalse(p.setExtensionValue(3, null));
    assertEquals(0x0102, p.extensionU16(3));
    assertTrue(p.setExtensionU16(3, 0xfffe));
    assertFalse(p.setExtensionU16(1, 0));
    assertFalse(p.setExtensionU24(3, 0));
    assertArrayEquals(hex("fffe"), ByteBufUtil.getBytes(b, 28, 2));
    b.release();
  }

  @Test
  void setsExtensionU24() {
    ByteBuf b = Unpooled.wrappedBuffer(TWO_BYTE.clone());
    p.wrap(b);
    assertTrue(p.setExtensionU24(17, 0x123456));
    assertEquals(0x123456, p.extensionU24(17));
    assertArrayEquals(hex("123456"), ByteBufUtil.getBytes(b, 20, 3));
    b.release();
  }

  @Test
  void remapsOneByteIdsInPlaceAndDropsUnmapped() {
    ByteBuf b = Unpooled.wrappedBuffer(ONE_BYTE.clone());
    p.wrap(b);
    byte[] map = new byte[6];
    map[1] = 3; // swap 1 and 3
    map[3] = 1;
    map[5] = 0; // drop
    p.remapExtensionIds(map);
    byte[] expected = ONE_BYTE.clone();
    System.arraycopy(hex("307f0011 abcd0000"), 0, expected, 24, 8);
    assertArrayEquals(expected, ByteBufUtil.getBytes(b));
    assertEquals(0x7f, p.extensionU8(3));
    assertEquals(0xabcd, p.extensionU16(1));
    assertFalse(p.hasExtension(5));
    assertEquals(2, p.extensionCount());
    assertEquals(3, p.payloadLength());
    assertEquals(32, p.payloadOffset());
    // A fresh wrap sees the same thing.
    assertEquals(RtpDropReason.OK, p.wrap(b));
    assertEquals(0x7f, p.extensionU8(3));
    assertEquals(2, p.extensionCount());
    b.release();
  }

  @Test
  void remapDropsIdsThatDoNotFitOneByteFormOrAreBeyondMap() {
    ByteBuf b = Unpooled.wrappedBuffer(ONE_BYTE.clone());
    p.wrap(b);
    byte[] map = new byte[4];
    map[1] = 15;
    map[3] = 14;
    p.remapExtensionIds(map); // id 5 beyond the map -> dropped; 1 -> 15 does not fit -> dropped
    assertArrayEquals(hex("0000 00e1 abcd 0000"), ByteBufUtil.getBytes(b, 24, 8));
    assertEquals(1, p.extensionCount());
    assertEquals(0xabcd, p.extensionU16(14));
    b.release();
  }

  @Test
  void remapsTwoByteIds() {
    ByteBuf b = Unpooled.wrappedBuffer(TWO_BYTE.clone());
    p.wrap(b);
    byte[] map = new byte[256];
    map[1] = (byte) 200;
    map[17] = 0;
    map[255] = 2;
    p.remapExtensionIds(map);
    assertArrayEquals(hex("c8000000 00000000 02010900"), ByteBufUtil.getBytes(b, 16, 12));
    assertEquals(0, p.extensionLength(200));
    assertEquals(9, p.extensionU8(2));
    assertFalse(p.hasExtension(17));
    b.release();
  }

  @Test
  void writeToCopiesWithoutPaddingAndClearsPBit() {
    ByteBuf b = Unpooled.wrappedBuffer(ONE_BYTE);
    p.wrap(b);
    ByteBuf dst = Unpooled.buffer(64);
    dst.writeByte(0x55);
    assertEquals(35, p.writeTo(dst));
    assertEquals(36, dst.writerIndex());
    byte[] expected = new byte[35];
    System.arraycopy(ONE_BYTE, 0, expected, 0, 35);
    expected[0] = (byte) 0x92;
    assertArrayEquals(expected, ByteBufUtil.getBytes(dst, 1, 35));
    assertEquals(0, b.readerIndex());
    RtpPacket copy = new RtpPacket();
    assertEquals(RtpDropReason.OK, copy.wrap(dst, 1, 35));
    assertEquals(3, copy.payloadLength());
    assertEquals(0, copy.paddingLength());
    assertEquals(0xabcd, copy.extensionU16(3));
    dst.release();
    b.release();
  }

  @Test
  void wrapAtOffsetInsideBiggerBuffer() {
    ByteBuf big = Unpooled.buffer(100);
    big.writeZero(40);
    big.writeBytes(TWO_BYTE);
    big.writeZero(10);
    assertEquals(RtpDropReason.OK, p.wrap(big, 40, TWO_BYTE.length));
    assertEquals(40, p.offset());
    assertEquals(40 + 28, p.payloadOffset());
    assertEquals(40 + 18, p.extensionOffset(1));
    assertEquals(0x616263, p.extensionU24(17));
    big.readerIndex(40).writerIndex(40 + TWO_BYTE.length);
    assertEquals(RtpDropReason.OK, p.wrap(big));
    assertEquals(0x0000abcdL, p.ssrc());
    big.release();
  }

  @Test
  void worksInPlaceOnPooledDirectBuffersWithoutTouchingRefCount() {
    ByteBuf b = io.netty.buffer.PooledByteBufAllocator.DEFAULT.directBuffer(64);
    try {
      b.writeZero(3).writeBytes(ONE_BYTE);
      assertEquals(RtpDropReason.OK, p.wrap(b, 3, ONE_BYTE.length));
      p.setSequenceNumber(7);
      p.setSsrc(0xA1B2C3D4L);
      p.setTimestamp(0xFFFFFFFFL);
      assertTrue(p.setExtensionU16(3, 0x1234));
      assertEquals(7, b.getUnsignedShort(5));
      assertEquals(0xA1B2C3D4L, b.getUnsignedInt(11));
      assertEquals(0xFFFFFFFFL, p.timestamp());
      assertEquals(0x1234, b.getUnsignedShort(3 + 28));
      assertEquals(0, b.readerIndex()); // wrap and setters never move the indexes
      assertEquals(3 + ONE_BYTE.length, b.writerIndex());
      assertEquals(1, b.refCnt());
    } finally {
      b.release();
    }
  }

  @Test
  void reuseClearsPreviousExtensions() {
    ByteBuf a = Unpooled.wrappedBuffer(ONE_BYTE);
    ByteBuf c = Unpooled.wrappedBuffer(PLAIN);
    p.wrap(a);
    assertTrue(p.hasExtension(1));
    p.wrap(c);
    assertFalse(p.hasExtension(1));
    assertEquals(0, p.extensionCount());
    p.clear();
    assertEquals(null, p.buffer());
    a.release();
    c.release();
  }

  @Test
  void everyTruncationIsCleanlyInvalidOrConsistent() {
    for (byte[] valid : new byte[][] {PLAIN, ONE_BYTE, TWO_BYTE}) {
      for (int len = 0; len < valid.length; len++) {
        ByteBuf slice = Unpooled.wrappedBuffer(valid, 0, len).slice(); // capacity == len
        RtpDropReason r = p.wrap(slice, 0, len);
        if (r == RtpDropReason.OK) {
          assertConsistent(len);
        }
        if (len < 12) {
          assertEquals(RtpDropReason.TOO_SHORT, r);
        }
        slice.release();
      }
    }
  }

  @Test
  void hundredThousandRandomBuffersNeverThrowNorReadOutside() {
    Random rnd = new Random(0x5F0_4A11L);
    int ok = 0;
    for (int n = 0; n < 100_000; n++) {
      int len = rnd.nextInt(64);
      byte[] bytes = new byte[len + 16];
      rnd.nextBytes(bytes);
      if (rnd.nextBoolean() && len > 0) {
        bytes[8] = (byte) (0x80 | (bytes[8] & 0x3F)); // bias towards version 2
      }
      // Exact-length slice at a non-zero offset of a bigger buffer: sentinel bytes on both sides
      // are outside the slice, so any read past `length` throws instead of passing silently.
      ByteBuf big = Unpooled.wrappedBuffer(bytes);
      ByteBuf slice = big.slice(8, len);
      RtpDropReason r = p.wrap(slice, 0, len);
      if (r == RtpDropReason.OK) {
        ok++;
        assertConsistent(len);
        ByteBuf dst = Unpooled.buffer(len);
        p.writeTo(dst);
        dst.release();
        p.remapExtensionIds(new byte[] {0, 2, 1, 4, 3});
      }
      big.release();
    }
    assertTrue(ok > 1000, "random input should reach the valid path sometimes: " + ok);
  }

  private void assertConsistent(int len) {
    assertEquals(len, p.headerLength() + p.payloadLength() + p.paddingLength());
    assertTrue(p.payloadLength() >= 0);
    assertTrue(p.headerLength() >= 12);
    for (int id = 1; id < 256; id++) {
      if (p.hasExtension(id)) {
        assertTrue(p.extensionOffset(id) + p.extensionLength(id) <= p.payloadOffset());
      }
    }
    p.version();
    p.sequenceNumber();
    p.timestamp();
    p.ssrc();
    for (int i = 0; i < p.csrcCount(); i++) {
      p.csrc(i);
    }
    assertNotEquals(null, p.toString());
  }
}
