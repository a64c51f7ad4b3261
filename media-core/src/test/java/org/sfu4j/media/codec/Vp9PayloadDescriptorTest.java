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

class Vp9PayloadDescriptorTest {
  private final Vp9PayloadDescriptor d = new Vp9PayloadDescriptor();

  @Test
  void nonFlexibleKeyFrameWithScalabilityStructure() {
    ByteBuf b = buf(CodecVectors.VP9_KEY_SS);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertTrue(d.isKeyFrame());
    assertEquals(5, d.pictureId());
    assertEquals(0, d.temporalLayerId());
    assertEquals(0, d.spatialLayerId());
    assertEquals(7, d.tl0PicIdx());
    assertFalse(d.flexibleMode());
    assertTrue(d.beginningOfFrame());
    assertFalse(d.endOfFrame());
    assertTrue(d.hasScalabilityStructure());
    assertEquals(2, d.scalabilityLayerCount());
    assertEquals(320, d.width(0));
    assertEquals(180, d.height(0));
    assertEquals(640, d.width(1));
    assertEquals(360, d.height(1));
    assertEquals(17, d.descriptorLength());
    assertTrue(Vp9PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
    b.release();
  }

  @Test
  void flexibleInterFrame() {
    ByteBuf b = buf(CodecVectors.VP9_FLEX_DELTA);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertFalse(d.isKeyFrame());
    assertTrue(d.interPicturePredicted());
    assertTrue(d.flexibleMode());
    assertEquals(0x12, d.pictureId());
    assertEquals(2, d.temporalLayerId());
    assertEquals(1, d.spatialLayerId());
    assertTrue(d.switchingUpPoint());
    assertTrue(d.interLayerDependency());
    assertEquals(-1, d.tl0PicIdx());
    assertEquals(5, d.descriptorLength());
    assertFalse(Vp9PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
    b.release();
  }

  @Test
  void keyFrameNeedsBaseSpatialLayerAndBeginning() {
    check(false, "28 02 00 aa"); // L, B, SID=1, P=0: upper layer
    check(true, "28 00 00 aa"); // SID=0
    check(false, "20 00 00 aa"); // B clear
    check(true, "08 aa"); // no layer indices
    check(true, "88 05 aa"); // 7-bit picture id, no L
  }

  private void check(boolean key, String hex) {
    ByteBuf b = buf(hex);
    assertTrue(d.parse(b, 0, b.readableBytes()), hex);
    assertEquals(key, d.isKeyFrame(), hex);
    assertEquals(key, Vp9PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()), hex);
    b.release();
  }

  @Test
  void rejectsTooManyPDiffsAndTruncatedStructures() {
    for (String hex : new String[] {"58 01 01 01 01", "58 01", "80", "a0 05", "aa 8005 00 07 38 0140",
        "0a 18 01", ""}) {
      ByteBuf b = buf(hex);
      assertFalse(d.parse(b, 0, b.readableBytes()), hex);
      assertFalse(d.isKeyFrame());
      b.release();
    }
  }

  @Test
  void rewritesPictureId() {
    ByteBuf b = buf(CodecVectors.VP9_KEY_SS);
    d.parse(b, 0, b.readableBytes());
    assertTrue(d.setPictureId(0x1234));
    assertArrayEquals(hex("aa 9234"), ByteBufUtil.getBytes(b, 0, 3));
    b.release();
  }
}
