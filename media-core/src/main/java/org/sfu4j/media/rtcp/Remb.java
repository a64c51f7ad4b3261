package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * View over a receiver estimated maximum bitrate message (draft-alvestrand-rmcat-remb-03): a PSFB
 * application-layer feedback whose FCI starts with "REMB", then Num SSRC, a 6-bit exponent and an
 * 18-bit mantissa, then the SSRCs. Never retains or releases the buffer.
 */
public final class Remb {
  public static final int FIXED_LENGTH = 20;
  public static final int IDENTIFIER = 0x52454D42; // "REMB"
  private static final int MAX_MANTISSA = 0x3FFFF;

  private ByteBuf buf;
  private int off;

  /** Validates exactly one REMB of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.checkFeedback(buf, off, len, RtcpPacketType.PSFB,
        RtcpPacketType.FMT_AFB, FIXED_LENGTH);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    if (buf.getInt(off + 12) != IDENTIFIER) {
      return RtcpDropReason.WRONG_TYPE;
    }
    int n = buf.getUnsignedByte(off + 16);
    if (FIXED_LENGTH + 4 * n > RtcpHeader.contentLength(buf, off, len)) {
      return RtcpDropReason.BAD_COUNT;
    }
    this.buf = buf;
    this.off = off;
    return RtcpDropReason.OK;
  }

  public long senderSsrc() {
    return buf.getUnsignedInt(off + 4);
  }

  /** Bitrate in bits per second (mantissa << exponent, saturating at Long.MAX_VALUE). */
  public long bitrate() {
    int v = buf.getMedium(off + 17) & 0xFFFFFF;
    int exp = v >>> 18;
    long mantissa = v & MAX_MANTISSA;
    if (mantissa != 0 && exp > Long.numberOfLeadingZeros(mantissa) - 1) {
      return Long.MAX_VALUE;
    }
    return mantissa << exp;
  }

  public int ssrcCount() {
    return buf.getUnsignedByte(off + 16);
  }

  public long ssrc(int index) {
    return buf.getUnsignedInt(off + FIXED_LENGTH + 4 * index);
  }

  /** Reusable REMB builder. */
  public static final class Builder {
    private final long[] ssrcs = new long[255];
    private long senderSsrc;
    private long bitrate;
    private int count;

    /** Bitrate in bps; rounded down to what exponent + 18-bit mantissa can express. */
    public Builder set(long senderSsrc, long bitrate) {
      this.senderSsrc = senderSsrc;
      this.bitrate = Math.max(0, bitrate);
      return this;
    }

    /** Adds a media SSRC the estimate applies to; false when 255 are present. */
    public boolean addSsrc(long ssrc) {
      if (count == ssrcs.length) {
        return false;
      }
      ssrcs[count++] = ssrc;
      return true;
    }

    public Builder clear() {
      count = 0;
      return this;
    }

    public int sizeInBytes() {
      return FIXED_LENGTH + 4 * count;
    }

    /** Appends the REMB to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      int exp = 0;
      long mantissa = bitrate;
      while (mantissa > MAX_MANTISSA) {
        mantissa >>>= 1;
        exp++;
      }
      RtcpHeader.write(dst, RtcpPacketType.FMT_AFB, RtcpPacketType.PSFB, size);
      dst.writeInt((int) senderSsrc);
      dst.writeInt(0);
      dst.writeInt(IDENTIFIER);
      dst.writeByte(count);
      dst.writeMedium((exp << 18) | (int) mantissa);
      for (int i = 0; i < count; i++) {
        dst.writeInt((int) ssrcs[i]);
      }
      return size;
    }
  }
}
