package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/** View over a PSFB picture loss indication (RFC 4585 6.3.1). Never retains/releases the buffer. */
public final class Pli {
  public static final int SIZE = 12;

  private ByteBuf buf;
  private int off;

  /** Validates exactly one PLI of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.checkFeedback(buf, off, len, RtcpPacketType.PSFB,
        RtcpPacketType.FMT_PLI, SIZE);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    this.buf = buf;
    this.off = off;
    return RtcpDropReason.OK;
  }

  public long senderSsrc() {
    return buf.getUnsignedInt(off + 4);
  }

  public long mediaSsrc() {
    return buf.getUnsignedInt(off + 8);
  }

  /** Appends a PLI to {@code dst}; returns {@link #SIZE}. Does not retain or release it. */
  public static int write(ByteBuf dst, long senderSsrc, long mediaSsrc) {
    RtcpHeader.write(dst, RtcpPacketType.FMT_PLI, RtcpPacketType.PSFB, SIZE);
    dst.writeInt((int) senderSsrc);
    dst.writeInt((int) mediaSsrc);
    return SIZE;
  }

  /** Reusable PLI builder (same as {@link #write}, shaped like the other builders). */
  public static final class Builder {
    private long senderSsrc;
    private long mediaSsrc;

    public Builder ssrcs(long senderSsrc, long mediaSsrc) {
      this.senderSsrc = senderSsrc;
      this.mediaSsrc = mediaSsrc;
      return this;
    }

    public int sizeInBytes() {
      return SIZE;
    }

    public int writeTo(ByteBuf dst) {
      return write(dst, senderSsrc, mediaSsrc);
    }
  }
}
