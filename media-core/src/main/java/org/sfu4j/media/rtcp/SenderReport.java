package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/** View over an RTCP sender report (RFC 3550 6.4.1). Never retains or releases the buffer. */
public final class SenderReport {
  /** Header + sender SSRC + sender info, before the report blocks. */
  public static final int FIXED_LENGTH = 28;

  private ByteBuf buf;
  private int off;

  /** Validates exactly one SR of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = ReportBlocks.check(buf, off, len, RtcpPacketType.SR, FIXED_LENGTH);
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

  /** Full 64-bit NTP timestamp (seconds << 32 | fraction). */
  public long ntpTimestamp() {
    return buf.getLong(off + 8);
  }

  /** Middle 32 bits of the NTP timestamp: the LSR value receivers echo back. */
  public long compactNtp() {
    return buf.getUnsignedInt(off + 10);
  }

  public long rtpTimestamp() {
    return buf.getUnsignedInt(off + 16);
  }

  public long packetCount() {
    return buf.getUnsignedInt(off + 20);
  }

  public long octetCount() {
    return buf.getUnsignedInt(off + 24);
  }

  public int reportCount() {
    return RtcpHeader.count(buf, off);
  }

  /** Points {@code view} at report block {@code index} (below {@link #reportCount()}). */
  public ReportBlock reportBlock(int index, ReportBlock view) {
    view.at(buf, off + FIXED_LENGTH + index * ReportBlock.SIZE);
    return view;
  }

  /** Reusable SR builder; {@link #writeTo} allocates nothing. */
  public static final class Builder {
    private final ReportBlocks blocks = new ReportBlocks();
    private long senderSsrc;
    private long ntpTimestamp;
    private long rtpTimestamp;
    private long packetCount;
    private long octetCount;

    public Builder senderInfo(long senderSsrc, long ntpTimestamp, long rtpTimestamp,
        long packetCount, long octetCount) {
      this.senderSsrc = senderSsrc;
      this.ntpTimestamp = ntpTimestamp;
      this.rtpTimestamp = rtpTimestamp;
      this.packetCount = packetCount;
      this.octetCount = octetCount;
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

    /** Appends the SR to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, blocks.count(), RtcpPacketType.SR, size);
      dst.writeInt((int) senderSsrc);
      dst.writeLong(ntpTimestamp);
      dst.writeInt((int) rtpTimestamp);
      dst.writeInt((int) packetCount);
      dst.writeInt((int) octetCount);
      blocks.writeTo(dst);
      return size;
    }
  }
}
