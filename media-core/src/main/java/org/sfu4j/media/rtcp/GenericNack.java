package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;
import org.sfu4j.media.rtp.SeqNumbers;

/**
 * View over an RTPFB generic NACK (RFC 4585 6.2.1): FCI entries of a packet id (PID) plus a 16-bit
 * bitmask of following lost packets (BLP). Never retains or releases the buffer.
 */
public final class GenericNack {
  public static final int FIXED_LENGTH = 12;
  public static final int ENTRY_SIZE = 4;
  /** Most sequence numbers one FCI entry can name. */
  public static final int SEQS_PER_ENTRY = 17;

  private ByteBuf buf;
  private int off;
  private int entryCount;

  /** Validates exactly one generic NACK of {@code len} bytes at {@code off}; needs ≥ 1 entry. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.checkFeedback(buf, off, len, RtcpPacketType.RTPFB,
        RtcpPacketType.FMT_NACK, FIXED_LENGTH + ENTRY_SIZE);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    this.buf = buf;
    this.off = off;
    this.entryCount = (RtcpHeader.contentLength(buf, off, len) - FIXED_LENGTH) / ENTRY_SIZE;
    return RtcpDropReason.OK;
  }

  public long senderSsrc() {
    return buf.getUnsignedInt(off + 4);
  }

  public long mediaSsrc() {
    return buf.getUnsignedInt(off + 8);
  }

  public int entryCount() {
    return entryCount;
  }

  public int pid(int entry) {
    return buf.getUnsignedShort(off + FIXED_LENGTH + ENTRY_SIZE * entry);
  }

  public int blp(int entry) {
    return buf.getUnsignedShort(off + FIXED_LENGTH + ENTRY_SIZE * entry + 2);
  }

  /** Number of sequence numbers all entries name (PIDs plus set BLP bits). */
  public int lostCount() {
    int n = 0;
    for (int i = 0; i < entryCount; i++) {
      n += 1 + Integer.bitCount(blp(i));
    }
    return n;
  }

  /**
   * Expands every PID+BLP into {@code out} in wire order (no allocation); stops when {@code out}
   * is full. Size it with {@link #lostCount()} or {@code entryCount() * 17}.
   *
   * @return how many sequence numbers were written
   */
  public int lostSequenceNumbers(int[] out) {
    int n = 0;
    for (int i = 0; i < entryCount && n < out.length; i++) {
      int pid = pid(i);
      int blp = blp(i);
      out[n++] = pid;
      for (int bit = 0; bit < 16 && n < out.length; bit++) {
        if ((blp & (1 << bit)) != 0) {
          out[n++] = SeqNumbers.add(pid, bit + 1);
        }
      }
    }
    return n;
  }

  /**
   * Reusable NACK builder. Sequence numbers are packed greedily: each starts a new entry unless it
   * lies 1..16 after the current entry's PID. Feed them in ascending (wrap-aware) order for the
   * fewest entries; any order is still correct.
   */
  public static final class Builder {
    private long senderSsrc;
    private long mediaSsrc;
    private int[] pids = new int[16];
    private int[] blps = new int[16];
    private int count;

    public Builder ssrcs(long senderSsrc, long mediaSsrc) {
      this.senderSsrc = senderSsrc;
      this.mediaSsrc = mediaSsrc;
      return this;
    }

    public Builder clear() {
      count = 0;
      return this;
    }

    public Builder addSequenceNumber(int seq) {
      seq &= 0xFFFF;
      if (count > 0) {
        int d = SeqNumbers.diff(seq, pids[count - 1]);
        if (d >= 1 && d <= 16) {
          blps[count - 1] |= 1 << (d - 1);
          return this;
        }
        if (d == 0) {
          return this;
        }
      }
      if (count == pids.length) {
        pids = java.util.Arrays.copyOf(pids, count * 2);
        blps = java.util.Arrays.copyOf(blps, count * 2);
      }
      pids[count] = seq;
      blps[count] = 0;
      count++;
      return this;
    }

    /** Adds the first {@code n} values of {@code seqs}. */
    public Builder addSequenceNumbers(int[] seqs, int n) {
      for (int i = 0; i < n; i++) {
        addSequenceNumber(seqs[i]);
      }
      return this;
    }

    public int entryCount() {
      return count;
    }

    public int sizeInBytes() {
      return FIXED_LENGTH + ENTRY_SIZE * count;
    }

    /** Appends the NACK to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, RtcpPacketType.FMT_NACK, RtcpPacketType.RTPFB, size);
      dst.writeInt((int) senderSsrc);
      dst.writeInt((int) mediaSsrc);
      for (int i = 0; i < count; i++) {
        dst.writeShort(pids[i]);
        dst.writeShort(blps[i]);
      }
      return size;
    }
  }
}
