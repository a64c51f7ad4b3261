package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/** View over an RTCP receiver report (RFC 3550 6.4.2). Never retains or releases the buffer. */
public final class ReceiverReport {
  /** Header + sender SSRC, before the report blocks. */
  public static final int FIXED_LENGTH = 8;

  private ByteBuf buf;
  private int off;

  /** Validates exactly one RR of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = ReportBlocks.check(buf, off, len, RtcpPacketType.RR, FIXED_LENGTH);
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

  public int reportCount() {
    return RtcpHeader.count(buf, off);
  }

  /** Points {@code view} at report block {@code index} (below {@link #reportCount()}). */
  public ReportBlock reportBlock(int index, ReportBlock view) {
    view.at(buf, off + FIXED_LENGTH + index * ReportBlock.SIZE);
    return view;
  }

  /** Reusable RR builder; {@link #writeTo} allocates nothing. */
  public static final class Builder {
    private final ReportBlocks blocks = new ReportBlocks();
    private long senderSsrc;

    public Builder senderSsrc(long senderSsrc) {
      this.senderSsrc = senderSsrc;
      return this;
    }

    /** Adds a report block; false when 31 blocks are already present. */
    public boolean addReportBlock(long ssrc, int fractionLost, int cumulativeLost,
        long extendedHighestSeq, long jitter, long lastSr, long delaySinceLastSr) {
      return blocks.add(ssrc, fractionLost, cumulativeLost, extendedHighestSeq, jitter, lastSr,
          delaySinceLastSr);
    }

    public Builder clearReportBlocks() {
      blocks.clear();
      return this;
    }

    public int sizeInBytes() {
      return FIXED_LENGTH + blocks.count() * ReportBlock.SIZE;
    }

    /** Appends the RR to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, blocks.count(), RtcpPacketType.RR, size);
      dst.writeInt((int) senderSsrc);
      blocks.writeTo(dst);
      return size;
    }
  }
}
