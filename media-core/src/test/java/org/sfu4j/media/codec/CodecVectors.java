package org.sfu4j.media.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Hand-assembled payloads; each field is documented where it is used. */
final class CodecVectors {
  private CodecVectors() {}

  static byte[] hex(String s) {
    String h = s.replaceAll("[^0-9a-fA-F]", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  static ByteBuf buf(String hex) {
    return Unpooled.wrappedBuffer(hex(hex));
  }

  /** X S PID=0 | I L T K | M + pictureId 0x0123 | TL0PICIDX 5 | TID 2 Y KEYIDX 3 | P=0 frame. */
  static final String VP8_KEY = "90 f0 8123 05 a3 10029d012a";
  /** Same descriptor, payload header P=1: an inter frame. */
  static final String VP8_DELTA = "90 f0 8123 05 a3 11";
  /** X | I | 7-bit pictureId 127 | first frame byte (S=0: not a key frame). */
  static final String VP8_SHORT_PID = "80 80 7f 00";

  /**
   * I L B V: 15-bit pictureId 5, TID 0 SID 0, TL0PICIDX 7, SS with 2 layers (Y, G): 320x180,
   * 640x360, one group (TID 0, R=1, P_DIFF 1), then frame data.
   */
  static final String VP9_KEY_SS = "aa 8005 00 07 38 014000b4 02800168 01 04 01 82";
  /** I P L F B E: pictureId 0x12, TID 2 U SID 1 D, P_DIFFs 1 (N) and 2, then frame data. */
  static final String VP9_FLEX_DELTA = "fc 12 53 03 04 aa";

  /** STAP-A: SPS (4 bytes) + PPS (4 bytes). */
  static final String H264_STAP_SPS_PPS = "78 0004 6742c01f 0004 68ce3c80";
  /** FU-A start fragment of an IDR slice. */
  static final String H264_FU_START_IDR = "7c 85 88 84";

  /** W=1 N=1, sequence header OBU (type 1, has_size). */
  static final String AV1_KEY = "18 0a 0b 00";
  /** W=0 N=1, LEB128 length 2, frame OBU with extension: temporal 1, spatial 1. */
  static final String AV1_EXT = "08 02 34 28";
}
