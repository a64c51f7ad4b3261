package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * The 4-byte RTCP common header: validation shared by every view and writing shared by every
 * builder. Package-private plumbing; the public surface is the typed views.
 */
final class RtcpHeader {
  static final int LENGTH = 4;

  private RtcpHeader() {}

  /**
   * Validates that exactly {@code len} bytes at {@code off} are one RTCP packet of type {@code
   * type} whose body (without padding) is at least {@code minLength} bytes long.
   */
  static RtcpDropReason check(ByteBuf buf, int off, int len, int type, int minLength) {
    if (buf == null || off < 0 || len < 0 || off > buf.capacity() - len) {
      return RtcpDropReason.BAD_BOUNDS;
    }
    if (len < LENGTH) {
      return RtcpDropReason.TOO_SHORT;
    }
    int b0 = buf.getUnsignedByte(off);
    if ((b0 >>> 6) != 2) {
      return RtcpDropReason.BAD_VERSION;
    }
    if (buf.getUnsignedByte(off + 1) != type) {
      return RtcpDropReason.WRONG_TYPE;
    }
    if (4 * (buf.getUnsignedShort(off + 2) + 1) != len) {
      return RtcpDropReason.BAD_LENGTH;
    }
    if ((b0 & 0x20) != 0) {
      int pad = buf.getUnsignedByte(off + len - 1);
      if (pad == 0 || pad > len - LENGTH) {
        return RtcpDropReason.BAD_PADDING;
      }
    }
    if (contentLength(buf, off, len) < minLength) {
      return RtcpDropReason.TOO_SHORT;
    }
    return RtcpDropReason.OK;
  }

  /** Like {@link #check} and also requires feedback format {@code fmt} in the count field. */
  static RtcpDropReason checkFeedback(ByteBuf buf, int off, int len, int type, int fmt,
      int minLength) {
    RtcpDropReason r = check(buf, off, len, type, minLength);
    if (r == RtcpDropReason.OK && count(buf, off) != fmt) {
      return RtcpDropReason.WRONG_TYPE;
    }
    return r;
  }

  /** Packet length without padding; only valid after {@link #check}. */
  static int contentLength(ByteBuf buf, int off, int len) {
    boolean padded = (buf.getByte(off) & 0x20) != 0;
    return padded ? len - buf.getUnsignedByte(off + len - 1) : len;
  }

  static int count(ByteBuf buf, int off) {
    return buf.getByte(off) & 0x1F;
  }

  /** Writes V=2, no padding, count/FMT, type and the length field for {@code totalBytes}. */
  static void write(ByteBuf dst, int count, int type, int totalBytes) {
    dst.writeByte(0x80 | (count & 0x1F));
    dst.writeByte(type);
    dst.writeShort(totalBytes / 4 - 1);
  }

  static int padTo4(int n) {
    return (n + 3) & ~3;
  }
}
