package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * View over a PSFB full intra request (RFC 5104 4.3.1): FCI entries of (SSRC, command sequence
 * number). Never retains or releases the buffer.
 */
public final class Fir {
  public static final int FIXED_LENGTH = 12;
  public static final int ENTRY_SIZE = 8;
  private static final int MAX_ENTRIES = 31;

  private ByteBuf buf;
  private int off;
  private int entryCount;

  /** Validates exactly one FIR of {@code len} bytes at {@code off}; needs ≥ 1 entry. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.checkFeedback(buf, off, len, RtcpPacketType.PSFB,
        RtcpPacketType.FMT_FIR, FIXED_LENGTH + ENTRY_SIZE);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    int body = RtcpHeader.contentLength(buf, off, len) - FIXED_LENGTH;
    if (body % ENTRY_SIZE != 0) {
      return RtcpDropReason.MALFORMED;
    }
    this.buf = buf;
    this.off = off;
    this.entryCount = body / ENTRY_SIZE;
    return RtcpDropReason.OK;
  }

  public long senderSsrc() {
    return buf.getUnsignedInt(off + 4);
  }

  /** Media source SSRC of the common header; RFC 5104 says it is unused and 0. */
  public long mediaSsrc() {
    return buf.getUnsignedInt(off + 8);
  }

  public int entryCount() {
    return entryCount;
  }

  public long ssrc(int entry) {
    return buf.getUnsignedInt(off + FIXED_LENGTH + ENTRY_SIZE * entry);
  }

  public int sequenceNumber(int entry) {
    return buf.getUnsignedByte(off + FIXED_LENGTH + ENTRY_SIZE * entry + 4);
  }

  /** Reusable FIR builder. */
  public static final class Builder {
    private final long[] ssrcs = new long[MAX_ENTRIES];
    private final int[] seqs = new int[MAX_ENTRIES];
    private long senderSsrc;
    private int count;

    public Builder senderSsrc(long senderSsrc) {
      this.senderSsrc = senderSsrc;
      return this;
    }

    /** Adds an entry; false when 31 are present. */
    public boolean add(long ssrc, int commandSeq) {
      if (count == MAX_ENTRIES) {
        return false;
      }
      ssrcs[count] = ssrc;
      seqs[count] = commandSeq & 0xFF;
      count++;
      return true;
    }

    public Builder clear() {
      count = 0;
      return this;
    }

    public int sizeInBytes() {
      return FIXED_LENGTH + ENTRY_SIZE * count;
    }

    /** Appends the FIR to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, RtcpPacketType.FMT_FIR, RtcpPacketType.PSFB, size);
      dst.writeInt((int) senderSsrc);
      dst.writeInt(0);
      for (int i = 0; i < count; i++) {
        dst.writeInt((int) ssrcs[i]);
        dst.writeByte(seqs[i]);
        dst.writeMedium(0);
      }
      return size;
    }
  }
}
