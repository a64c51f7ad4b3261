package org.sfu4j.media.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every descriptor against every truncation of the valid vectors and 100,000 seeded random
 * payloads, each in an exact-length slice at a non-zero offset of a bigger buffer so a read past
 * the payload throws instead of passing silently.
 */
class CodecBadInputTest {
  private static final String[] VALID = {
    CodecVectors.VP8_KEY, CodecVectors.VP8_DELTA, CodecVectors.VP8_SHORT_PID,
    CodecVectors.VP9_KEY_SS, CodecVectors.VP9_FLEX_DELTA, CodecVectors.H264_STAP_SPS_PPS,
    CodecVectors.H264_FU_START_IDR, CodecVectors.AV1_KEY, CodecVectors.AV1_EXT,
  };
  private static final String[] MIMES = {"video/vp8", "video/vp9", "video/h264", "video/av1"};

  private final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
  private final Vp9PayloadDescriptor vp9 = new Vp9PayloadDescriptor();
  private final H264PayloadDescriptor h264 = new H264PayloadDescriptor();
  private final Av1PayloadDescriptor av1 = new Av1PayloadDescriptor();

  private static ByteBuf sentinelSlice(byte[] bytes, int len, Random rnd) {
    byte[] big = new byte[len + 16];
    rnd.nextBytes(big);
    System.arraycopy(bytes, 0, big, 8, len);
    return Unpooled.wrappedBuffer(big).slice(8, len);
  }

  @Test
  void everyTruncationOfValidPayloadsIsClean() {
    Random rnd = new Random(11);
    for (String v : VALID) {
      byte[] bytes = CodecVectors.hex(v);
      for (int len = 0; len <= bytes.length; len++) {
        ByteBuf b = sentinelSlice(bytes, len, rnd);
        parseAll(b, len);
        b.release();
      }
    }
  }

  @Test
  void hundredThousandRandomPayloads() {
    Random rnd = new Random(0xC0DEC);
    int valid = 0;
    for (int n = 0; n < 100_000; n++) {
      int len = rnd.nextInt(40);
      byte[] bytes = new byte[len];
      rnd.nextBytes(bytes);
      ByteBuf b = sentinelSlice(bytes, len, rnd);
      valid += parseAll(b, len);
      b.release();
    }
    assertTrue(valid > 50_000, "random payloads reach the valid paths: " + valid);
  }

  private int parseAll(ByteBuf b, int len) {
    int valid = 0;
    if (vp8.parse(b, 0, len)) {
      valid++;
      vp8.isKeyFrame();
      vp8.pictureId();
      vp8.tl0PicIdx();
      vp8.temporalLayerId();
      vp8.keyIdx();
      vp8.setPictureId(vp8.pictureId());
      vp8.setTl0PicIdx(vp8.tl0PicIdx());
      assertTrue(vp8.descriptorLength() < len);
    }
    if (vp9.parse(b, 0, len)) {
      valid++;
      vp9.isKeyFrame();
      vp9.pictureId();
      vp9.temporalLayerId();
      vp9.spatialLayerId();
      vp9.tl0PicIdx();
      for (int i = 0; i < vp9.scalabilityLayerCount(); i++) {
        vp9.width(i);
        vp9.height(i);
      }
      vp9.setPictureId(vp9.pictureId());
      assertTrue(vp9.descriptorLength() <= len);
    }
    if (h264.parse(b, 0, len)) {
      valid++;
      h264.isKeyFrame();
      h264.packetType();
      h264.fragmentNalType();
    }
    if (av1.parse(b, 0, len)) {
      valid++;
      av1.isKeyFrame();
      av1.obuType();
      av1.temporalLayerId();
      av1.spatialLayerId();
    }
    for (String mime : MIMES) {
      CodecKeyFrameDetector.isKeyFrame(mime, b, 0, len);
    }
    return valid;
  }
}
