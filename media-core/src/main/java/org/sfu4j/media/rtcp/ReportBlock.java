package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * View over one 24-byte reception report block (RFC 3550 6.4.1) inside an SR or RR. Obtained via
 * {@link SenderReport#reportBlock} / {@link ReceiverReport#reportBlock} or wrapped directly.
 * Never retains or releases the buffer.
 */
public final class ReportBlock {
  public static final int SIZE = 24;

  private ByteBuf buf;
  private int off;

  /** Points the view at {@code len} bytes at {@code off}; needs at least {@link #SIZE} bytes. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    if (buf == null || off < 0 || len < 0 || off > buf.capacity() - len) {
      return RtcpDropReason.BAD_BOUNDS;
    }
    if (len < SIZE) {
      return RtcpDropReason.TOO_SHORT;
    }
    this.buf = buf;
    this.off = off;
    return RtcpDropReason.OK;
  }

  void at(ByteBuf buf, int off) {
    this.buf = buf;
    this.off = off;
  }

  /** SSRC of the source this block reports on. */
  public long ssrc() {
    return buf.getUnsignedInt(off);
  }

  /** Fraction lost since the previous report, in 1/256 units (0..255). */
  public int fractionLost() {
    return buf.getUnsignedByte(off + 4);
  }

  /** Cumulative number of packets lost (signed 24-bit; duplicates can make it negative). */
  public int cumulativeLost() {
    return buf.getMedium(off + 5);
  }

  /** Extended highest sequence number received (cycles << 16 | max seq). */
  public long extendedHighestSeq() {
    return buf.getUnsignedInt(off + 8);
  }

  /** Interarrival jitter in RTP timestamp units. */
  public long jitter() {
    return buf.getUnsignedInt(off + 12);
  }

  /** Middle 32 bits of the NTP timestamp of the last SR received (LSR), 0 if none. */
  public long lastSr() {
    return buf.getUnsignedInt(off + 16);
  }

  /** Delay since that SR (DLSR) in 1/65536 seconds. */
  public long delaySinceLastSr() {
    return buf.getUnsignedInt(off + 20);
  }

  /** Appends one block to {@code dst}. Does not retain or release {@code dst}. */
  public static void write(ByteBuf dst, long ssrc, int fractionLost, int cumulativeLost,
      long extendedHighestSeq, long jitter, long lastSr, long delaySinceLastSr) {
    dst.writeInt((int) ssrc);
    dst.writeByte(fractionLost);
    dst.writeMedium(clamp24(cumulativeLost));
    dst.writeInt((int) extendedHighestSeq);
    dst.writeInt((int) jitter);
    dst.writeInt((int) lastSr);
    dst.writeInt((int) delaySinceLastSr);
  }

  /** RFC 3550: cumulative lost saturates at the signed 24-bit limits. */
  static int clamp24(int v) {
    return Math.max(-0x800000, Math.min(0x7FFFFF, v));
  }
}
