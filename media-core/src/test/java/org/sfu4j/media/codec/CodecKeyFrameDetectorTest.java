package org.sfu4j.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.codec.CodecVectors.buf;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CodecKeyFrameDetectorTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "video/vp8, 90 f0 8123 05 a3 10029d012a, true",
    "video/vp8, 90 f0 8123 05 a3 11, false",
    "video/vp9, aa 8005 00 07 38 014000b4 02800168 01 04 01 82, true",
    "video/vp9, fc 12 53 03 04 aa, false",
    "video/h264, 78 0004 6742c01f 0004 68ce3c80, true",
    "video/h264, 41 9a, false",
    "video/av1, 18 0a 0b 00, true",
    "video/av1, 10 0a 0b 00, false",
    "audio/opus, 78 0004 6742c01f 0004 68ce3c80, false",
  })
  void dispatchesByMimeType(String mime, String hex, boolean key) {
    ByteBuf b = buf(hex);
    // At a non-zero offset inside a bigger buffer, too.
    ByteBuf big = io.netty.buffer.Unpooled.buffer(b.readableBytes() + 10);
    big.writeZero(5).writeBytes(b, 0, b.readableBytes()).writeZero(5);
    assertEquals(key, CodecKeyFrameDetector.isKeyFrame(mime, b, 0, b.readableBytes()));
    assertEquals(key, CodecKeyFrameDetector.isKeyFrame(mime, big, 5, b.readableBytes()));
    b.release();
    big.release();
  }

  @Test
  void badBoundsAreNotKeyFrames() {
    ByteBuf b = buf("10 00");
    assertTrue(CodecKeyFrameDetector.isKeyFrame("video/vp8", b, 0, 2));
    assertFalse(CodecKeyFrameDetector.isKeyFrame("video/vp8", b, 1, 2));
    assertFalse(CodecKeyFrameDetector.isKeyFrame("video/vp8", b, -1, 2));
    assertFalse(CodecKeyFrameDetector.isKeyFrame("video/vp8", b, 0, 0));
    assertFalse(CodecKeyFrameDetector.isKeyFrame("video/vp8", null, 0, 2));
    assertTrue(CodecKeyFrameDetector.isSupported("video/av1"));
    assertFalse(CodecKeyFrameDetector.isSupported("video/h265"));
    b.release();
  }
}
