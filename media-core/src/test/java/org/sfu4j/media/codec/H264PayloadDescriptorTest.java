package org.sfu4j.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.codec.CodecVectors.buf;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class H264PayloadDescriptorTest {
  private final H264PayloadDescriptor d = new H264PayloadDescriptor();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // payload, valid, keyFrame, packetType
    "65 88 84, true, true, 5", // single NAL IDR (NRI 3)
    "41 9a 02, true, false, 1", // single NAL non-IDR
    "67 42 c0 1f, true, true, 7", // single NAL SPS
    "68 ce 3c 80, true, false, 8", // PPS alone is not a key frame
    "78 0004 6742c01f 0004 68ce3c80, true, true, 24", // STAP-A SPS+PPS
    "78 0002 4101 0002 4102, true, false, 24", // STAP-A two non-IDR
    "7c 85 88 84, true, true, 28", // FU-A start IDR
    "7c 05 88 84, true, false, 28", // FU-A middle IDR
    "7c 45 88 84, true, false, 28", // FU-A end IDR
    "7c 81 88 84, true, false, 28", // FU-A start non-IDR
    "79 00 00, true, false, 25", // STAP-B: valid but not inspected
  })
  void table(String hex, boolean valid, boolean key, int packetType) {
    ByteBuf b = buf(hex);
    assertEquals(valid, d.parse(b, 0, b.readableBytes()));
    assertEquals(key, d.isKeyFrame());
    assertEquals(packetType, d.packetType());
    assertEquals(key, H264PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
    assertEquals(-1, d.temporalLayerId());
    assertEquals(-1, d.spatialLayerId());
    b.release();
  }

  @Test
  void reportsNalTypesAndFragmentBits() {
    ByteBuf b = buf(CodecVectors.H264_STAP_SPS_PPS);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertTrue(d.contains(H264PayloadDescriptor.NAL_SPS));
    assertTrue(d.contains(H264PayloadDescriptor.NAL_PPS));
    assertFalse(d.contains(H264PayloadDescriptor.NAL_IDR));
    assertFalse(d.contains(99));
    b.release();
    ByteBuf fu = buf(CodecVectors.H264_FU_START_IDR);
    assertTrue(d.parse(fu, 0, fu.readableBytes()));
    assertEquals(5, d.fragmentNalType());
    assertTrue(d.fragmentStart());
    assertFalse(d.fragmentEnd());
    fu.release();
  }

  @ParameterizedTest
  @CsvSource({
    "e5 88", // forbidden bit
    "00 00", // type 0
    "1f 00", // type 31
    "1e 00", // type 30
    "78", // STAP-A without aggregation units
    "78 0005 6742", // STAP-A unit overruns
    "78 0000 67", // STAP-A zero-size unit
    "78 0002 6742 00", // STAP-A dangling size byte
    "7c 85", // FU-A without fragment data
    "7c c5 00", // FU-A with both S and E
  })
  void rejectsMalformed(String hex) {
    ByteBuf b = buf(hex);
    assertFalse(d.parse(b, 0, b.readableBytes()));
    assertFalse(d.isKeyFrame());
    assertFalse(H264PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
    b.release();
  }
}
