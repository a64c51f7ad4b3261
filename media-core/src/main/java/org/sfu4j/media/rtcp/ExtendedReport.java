package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * View over an RTCP XR packet (RFC 3611) exposing the two blocks an SFU needs for receiver-side
 * RTT: receiver reference time (RRTR, BT=4) and DLRR (BT=5). Other block types are validated for
 * length and skipped. Never retains or releases the buffer.
 */
public final class ExtendedReport {
  public static final int FIXED_LENGTH = 8;
  public static final int BT_RRTR = 4;
  public static final int BT_DLRR = 5;
  public static final int DLRR_SUB_BLOCK_SIZE = 12;
  private static final int RRTR_BLOCK_SIZE = 12;

  private ByteBuf buf;
  private int off;
  private int rrtrOffset;
  private int dlrrOffset;
  private int dlrrCount;

  /** Validates exactly one XR packet of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.check(buf, off, len, RtcpPacketType.XR, FIXED_LENGTH);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    int end = off + RtcpHeader.contentLength(buf, off, len);
    int pos = off + FIXED_LENGTH;
    rrtrOffset = -1;
    dlrrOffset = -1;
    dlrrCount = 0;
    while (pos < end) {
      if (pos + 4 > end) {
        return RtcpDropReason.MALFORMED;
      }
      int bt = buf.getUnsignedByte(pos);
      int blockBytes = 4 * buf.getUnsignedShort(pos + 2);
      if (pos + 4 + blockBytes > end) {
        return RtcpDropReason.MALFORMED;
      }
      if (bt == BT_RRTR && rrtrOffset < 0) {
        if (blockBytes != 8) {
          return RtcpDropReason.MALFORMED;
        }
        rrtrOffset = pos + 4;
      } else if (bt == BT_DLRR && dlrrOffset < 0) {
        if (blockBytes % DLRR_SUB_BLOCK_SIZE != 0) {
          return RtcpDropReason.MALFORMED;
        }
        dlrrOffset = pos + 4;
        dlrrCount = blockBytes / DLRR_SUB_BLOCK_SIZE;
      }
      pos += 4 + blockBytes;
    }
    this.buf = buf;
    this.off = off;
    return RtcpDropReason.OK;
  }

  public long ssrc() {
    return buf.getUnsignedInt(off + 4);
  }

  public boolean hasRrtr() {
    return rrtrOffset >= 0;
  }

  /** 64-bit NTP timestamp of the RRTR block; only when {@link #hasRrtr()}. */
  public long rrtrNtpTimestamp() {
    return buf.getLong(rrtrOffset);
  }

  /** Number of DLRR sub-blocks (0 without a DLRR block). */
  public int dlrrCount() {
    return dlrrCount;
  }

  public long dlrrSsrc(int index) {
    return buf.getUnsignedInt(dlrrOffset + DLRR_SUB_BLOCK_SIZE * index);
  }

  /** Middle 32 bits of the NTP time of the last RRTR received from that SSRC (LRR). */
  public long dlrrLastRr(int index) {
    return buf.getUnsignedInt(dlrrOffset + DLRR_SUB_BLOCK_SIZE * index + 4);
  }

  /** Delay since that RRTR (DLRR) in 1/65536 seconds. */
  public long dlrrDelay(int index) {
    return buf.getUnsignedInt(dlrrOffset + DLRR_SUB_BLOCK_SIZE * index + 8);
  }

  /** Reusable XR builder: an optional RRTR block then an optional DLRR block. */
  public static final class Builder {
    private static final int MAX_DLRR = 64;
    private final long[] ssrcs = new long[MAX_DLRR];
    private final long[] lastRr = new long[MAX_DLRR];
    private final long[] delay = new long[MAX_DLRR];
    private long ssrc;
    private boolean rrtr;
    private long ntp;
    private int count;

    public Builder ssrc(long ssrc) {
      this.ssrc = ssrc;
      return this;
    }

    public Builder rrtr(long ntpTimestamp) {
      this.rrtr = true;
      this.ntp = ntpTimestamp;
      return this;
    }

    /** Adds a DLRR sub-block; false when 64 are present. */
    public boolean addDlrr(long subjectSsrc, long lastRr, long delaySinceLastRr) {
      if (count == MAX_DLRR) {
        return false;
      }
      ssrcs[count] = subjectSsrc;
      this.lastRr[count] = lastRr;
      delay[count] = delaySinceLastRr;
      count++;
      return true;
    }

    public Builder clear() {
      rrtr = false;
      count = 0;
      return this;
    }

    public int sizeInBytes() {
      return FIXED_LENGTH + (rrtr ? RRTR_BLOCK_SIZE : 0)
          + (count > 0 ? 4 + DLRR_SUB_BLOCK_SIZE * count : 0);
    }

    /** Appends the XR to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, 0, RtcpPacketType.XR, size);
      dst.writeInt((int) ssrc);
      if (rrtr) {
        dst.writeByte(BT_RRTR);
        dst.writeByte(0);
        dst.writeShort(2);
        dst.writeLong(ntp);
      }
      if (count > 0) {
        dst.writeByte(BT_DLRR);
        dst.writeByte(0);
        dst.writeShort(3 * count);
        for (int i = 0; i < count; i++) {
          dst.writeInt((int) ssrcs[i]);
          dst.writeInt((int) lastRr[i]);
          dst.writeInt((int) delay[i]);
        }
      }
      return size;
    }
  }
}
