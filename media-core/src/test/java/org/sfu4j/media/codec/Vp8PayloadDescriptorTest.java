package org.sfu4j.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.codec.CodecVectors.buf;
import static org.sfu4j.media.codec.CodecVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

class Vp8PayloadDescriptorTest {
  private final Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();

  @Test
  void parsesEveryOptionalField() {
    ByteBuf b = buf(CodecVectors.VP8_KEY);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertTrue(d.isKeyFrame());
    assertEquals(0x123, d.pictureId());
    assertTrue(d.hasLongPictureId());
    assertEquals(5, d.tl0PicIdx());
    assertEquals(2, d.temporalLayerId());
    assertEquals(-1, d.spatialLayerId());
    assertTrue(d.layerSync());
    assertEquals(3, d.keyIdx());
    assertEquals(6, d.descriptorLength());
    assertTrue(Vp8PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
    b.release();
  }

  @Test
  void interFrameAndNonStartPacketsAreNotKeyFrames() {
    ByteBuf b = buf(CodecVectors.VP8_DELTA);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertFalse(d.isKeyFrame());
    b.release();
    ByteBuf s = buf(CodecVectors.VP8_SHORT_PID);
    assertTrue(d.parse(s, 0, s.readableBytes()));
    assertFalse(d.isKeyFrame());
    assertEquals(127, d.pictureId());
    assertFalse(d.hasLongPictureId());
    assertEquals(-1, d.tl0PicIdx());
    assertEquals(-1, d.temporalLayerId());
    assertEquals(-1, d.keyIdx());
    s.release();
    ByteBuf partition1 = buf("11 00"); // S=1 but PID=1
    assertTrue(d.parse(partition1, 0, 2));
    assertFalse(d.isKeyFrame());
    partition1.release();
    ByteBuf minimal = buf("10 00"); // S=1 PID=0 P=0
    assertTrue(d.parse(minimal, 0, 2));
    assertTrue(d.isKeyFrame());
    assertEquals(-1, d.pictureId());
    minimal.release();
  }

  @Test
  void keyIdxWithoutTid() {
    ByteBuf b = buf("90 10 1f 10"); // K only: KEYIDX 31, TID absent
    assertTrue(d.parse(b, 0, 4));
    assertEquals(31, d.keyIdx());
    assertEquals(-1, d.temporalLayerId());
    assertFalse(d.layerSync());
    b.release();
  }

  @Test
  void rewritesPictureIdAndTl0InPlace() {
    ByteBuf b = buf(CodecVectors.VP8_KEY);
    d.parse(b, 0, b.readableBytes());
    assertTrue(d.setPictureId(0x18000)); // masked to 15 bits -> 0
    assertEquals(0, d.pictureId());
    assertTrue(d.setPictureId(0x7ffe));
    assertTrue(d.setTl0PicIdx(0x109));
    assertArrayEquals(hex("90 f0 fffe 09 a3 10029d012a"), ByteBufUtil.getBytes(b));
    b.release();
    ByteBuf s = buf(CodecVectors.VP8_SHORT_PID);
    d.parse(s, 0, s.readableBytes());
    assertTrue(d.setPictureId(0x1ff));
    assertEquals(0x7f, d.pictureId());
    assertFalse(d.setTl0PicIdx(1));
    assertArrayEquals(hex("80 80 7f 00"), ByteBufUtil.getBytes(s));
    s.release();
  }

  @Test
  void rejectsTruncatedDescriptors() {
    for (String hex : new String[] {"", "90", "90 f0", "90 f0 81", "90 f0 8123 05 a3", "10"}) {
      ByteBuf b = buf(hex);
      assertFalse(d.parse(b, 0, b.readableBytes()), hex);
      assertFalse(Vp8PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
      b.release();
    }
  }
}
