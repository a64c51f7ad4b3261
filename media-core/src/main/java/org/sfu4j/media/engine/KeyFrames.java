package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;

/**
 * Key-frame detection used by producers. Interim: VP8 only, until the packet layer's
 * {@code org.sfu4j.media.codec.CodecKeyFrameDetector} (VP8/VP9/H264/AV1) is merged and this
 * delegates to it. Reads only; bounds-checked; false for anything it cannot parse.
 */
final class KeyFrames {
  private KeyFrames() {}

  static boolean isKeyFrame(String mimeLowerCase, ByteBuf buf, int off, int len) {
    if (!"video/vp8".equals(mimeLowerCase) || len < 2) {
      return false;
    }
    int end = off + len;
    int b0 = buf.getUnsignedByte(off);
    int i = off + 1;
    if ((b0 & 0x80) != 0) { // X: extension byte with I/L/T/K flags (RFC 7741 4.2)
      if (i >= end) {
        return false;
      }
      int x = buf.getUnsignedByte(i++);
      if ((x & 0x80) != 0) {
        if (i >= end) {
          return false;
        }
        if ((buf.getUnsignedByte(i++) & 0x80) != 0) {
          i++;
        }
      }
      if ((x & 0x40) != 0) {
        i++;
      }
      if ((x & 0x30) != 0) {
        i++;
      }
    }
    // Start of partition 0 with S=1 and PID=0; VP8 frame tag bit 0 (P) is 0 for key frames.
    if ((b0 & 0x10) == 0 || (b0 & 0x07) != 0 || i >= end) {
      return false;
    }
    return (buf.getUnsignedByte(i) & 0x01) == 0;
  }
}
