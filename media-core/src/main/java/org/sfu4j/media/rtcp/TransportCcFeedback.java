package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * View over transport-wide congestion control feedback
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01, RTPFB FMT 15).
 *
 * <p>Unlike the other views this one decodes on {@code wrap}: packet status chunks (run-length and
 * 1-/2-bit status vectors) and receive deltas are variable-length, so random access needs them
 * expanded. They go into arrays owned by the view that only grow, so a reused view allocates
 * nothing in steady state. Never retains or releases the buffer.
 */
public final class TransportCcFeedback {
  public static final int FIXED_LENGTH = 20;
  public static final int NOT_RECEIVED = 0;
  public static final int SMALL_DELTA = 1;
  public static final int LARGE_DELTA = 2;
  /** One receive-delta tick in microseconds. */
  public static final int DELTA_TICK_MICROS = 250;
  /** One reference-time tick in microseconds (64 ms). */
  public static final int REFERENCE_TICK_MICROS = 64_000;
  private static final int MAX_RUN = 0x1FFF;

  private byte[] status = new byte[64];
  private int[] deltaTicks = new int[64];
  private long[] arrivalTicks = new long[64];
  private ByteBuf buf;
  private int off;
  private int statusCount;

  /** Validates and decodes exactly one TWCC feedback of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    statusCount = 0;
    RtcpDropReason r = RtcpHeader.checkFeedback(buf, off, len, RtcpPacketType.RTPFB,
        RtcpPacketType.FMT_TRANSPORT_CC, FIXED_LENGTH);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    int end = off + RtcpHeader.contentLength(buf, off, len);
    int count = buf.getUnsignedShort(off + 14);
    if (count == 0) {
      return RtcpDropReason.MALFORMED;
    }
    ensureCapacity(count);
    int pos = off + FIXED_LENGTH;
    int i = 0;
    while (i < count) {
      if (pos + 2 > end) {
        return RtcpDropReason.MALFORMED;
      }
      int chunk = buf.getUnsignedShort(pos);
      pos += 2;
      if ((chunk & 0x8000) == 0) { // run length chunk
        int symbol = (chunk >>> 13) & 0x3;
        if (symbol == 3) {
          return RtcpDropReason.MALFORMED;
        }
        int n = Math.min(chunk & MAX_RUN, count - i);
        Arrays.fill(status, i, i + n, (byte) symbol);
        i += n;
      } else if ((chunk & 0x4000) == 0) { // status vector, 14 one-bit symbols
        for (int k = 0; k < 14 && i < count; k++) {
          status[i++] = (byte) ((chunk >>> (13 - k)) & 0x1);
        }
      } else { // status vector, 7 two-bit symbols
        for (int k = 0; k < 7 && i < count; k++) {
          int symbol = (chunk >>> (12 - 2 * k)) & 0x3;
          if (symbol == 3) {
            return RtcpDropReason.MALFORMED;
          }
          status[i++] = (byte) symbol;
        }
      }
    }
    long arrival = (long) buf.getUnsignedMedium(off + 16) * REFERENCE_TICK_MICROS / DELTA_TICK_MICROS;
    for (i = 0; i < count; i++) {
      int s = status[i];
      if (s == SMALL_DELTA) {
        if (pos + 1 > end) {
          return RtcpDropReason.MALFORMED;
        }
        deltaTicks[i] = buf.getUnsignedByte(pos);
        pos += 1;
      } else if (s == LARGE_DELTA) {
        if (pos + 2 > end) {
          return RtcpDropReason.MALFORMED;
        }
        deltaTicks[i] = buf.getShort(pos);
        pos += 2;
      } else {
        deltaTicks[i] = 0;
      }
      arrival += deltaTicks[i];
      arrivalTicks[i] = arrival;
    }
    // Anything after the deltas is zero padding to a 32-bit boundary; tolerated.
    this.buf = buf;
    this.off = off;
    this.statusCount = count;
    return RtcpDropReason.OK;
  }

  private void ensureCapacity(int n) {
    if (status.length < n) {
      int cap = Math.max(n, status.length * 2);
      status = new byte[cap];
      deltaTicks = new int[cap];
      arrivalTicks = new long[cap];
    }
  }

  public long senderSsrc() {
    return buf.getUnsignedInt(off + 4);
  }

  public long mediaSsrc() {
    return buf.getUnsignedInt(off + 8);
  }

  public int baseSequenceNumber() {
    return buf.getUnsignedShort(off + 12);
  }

  public int packetStatusCount() {
    return statusCount;
  }

  /** Reference time in 64 ms ticks as the raw 24-bit field (wraps; unwrapping is the caller's). */
  public int referenceTime() {
    return buf.getUnsignedMedium(off + 16);
  }

  public int feedbackPacketCount() {
    return buf.getUnsignedByte(off + 19);
  }

  /** Transport-wide sequence number of packet {@code index}. */
  public int sequenceNumber(int index) {
    return (baseSequenceNumber() + index) & 0xFFFF;
  }

  /** {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} or {@link #LARGE_DELTA}. */
  public int status(int index) {
    return status[index];
  }

  public boolean isReceived(int index) {
    return status[index] != NOT_RECEIVED;
  }

  /**
   * Receive delta in 250 µs ticks relative to the previous received packet (the reference time
   * for the first); 0 for packets not received.
   */
  public int deltaTicks(int index) {
    return deltaTicks[index];
  }

  /**
   * Arrival time of packet {@code index} in µs on the sender's reference clock: reference time
   * (raw 24-bit field, not unwrapped) plus the running sum of deltas. Meaningful only for received
   * packets; differences between two of them are what delay-based estimators need.
   */
  public long arrivalTimeMicros(int index) {
    return arrivalTicks[index] * DELTA_TICK_MICROS;
  }

  /**
   * Reusable TWCC builder. Add packets in transport sequence order starting at the base sequence
   * number; chunks are chosen greedily (run length for runs of 14+, else the densest status
   * vector).
   */
  public static final class Builder {
    private byte[] status = new byte[64];
    private int[] deltas = new int[64];
    private int[] chunks = new int[64];
    private int count;
    private int chunkCount;
    private int deltaBytes;
    private boolean encoded;
    private long senderSsrc;
    private long mediaSsrc;
    private int baseSeq;
    private int referenceTime;
    private int feedbackPacketCount;

    /** Starts a new feedback packet. {@code referenceTime} is in 64 ms ticks (24 bits). */
    public Builder reset(long senderSsrc, long mediaSsrc, int baseSeq, int referenceTime,
        int feedbackPacketCount) {
      this.senderSsrc = senderSsrc;
      this.mediaSsrc = mediaSsrc;
      this.baseSeq = baseSeq & 0xFFFF;
      this.referenceTime = referenceTime & 0xFFFFFF;
      this.feedbackPacketCount = feedbackPacketCount & 0xFF;
      this.count = 0;
      this.deltaBytes = 0;
      this.encoded = false;
      return this;
    }

    /** Adds a packet that did not arrive; false when the packet is full (65535 statuses). */
    public boolean addNotReceived() {
      return add(NOT_RECEIVED, 0);
    }

    /**
     * Adds a received packet with its delta in 250 µs ticks; false if the delta does not fit a
     * signed 16-bit value or the packet is full (start a new feedback then).
     */
    public boolean addReceived(int deltaTicks) {
      if (deltaTicks < Short.MIN_VALUE || deltaTicks > Short.MAX_VALUE) {
        return false;
      }
      return add(deltaTicks >= 0 && deltaTicks <= 0xFF ? SMALL_DELTA : LARGE_DELTA, deltaTicks);
    }

    private boolean add(int symbol, int delta) {
      if (count == 0xFFFF) {
        return false;
      }
      if (count == status.length) {
        status = Arrays.copyOf(status, count * 2);
        deltas = Arrays.copyOf(deltas, count * 2);
      }
      status[count] = (byte) symbol;
      deltas[count] = delta;
      deltaBytes += symbol;
      count++;
      encoded = false;
      return true;
    }

    public int packetStatusCount() {
      return count;
    }

    private void encode() {
      if (encoded) {
        return;
      }
      chunkCount = 0;
      int i = 0;
      while (i < count) {
        int run = 1;
        while (i + run < count && run < MAX_RUN && status[i + run] == status[i]) {
          run++;
        }
        int remaining = count - i;
        int chunk;
        int covered;
        if (run >= 14) {
          chunk = (status[i] << 13) | run;
          covered = run;
        } else if (allOneBit(i, Math.min(14, remaining))) {
          covered = Math.min(14, remaining);
          chunk = 0x8000;
          for (int k = 0; k < covered; k++) {
            chunk |= status[i + k] << (13 - k);
          }
        } else if (run >= 7) {
          chunk = (status[i] << 13) | run;
          covered = run;
        } else {
          covered = Math.min(7, remaining);
          chunk = 0xC000;
          for (int k = 0; k < covered; k++) {
            chunk |= status[i + k] << (12 - 2 * k);
          }
        }
        if (chunkCount == chunks.length) {
          chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = chunk;
        i += covered;
      }
      encoded = true;
    }

    private boolean allOneBit(int from, int n) {
      for (int k = 0; k < n; k++) {
        if (status[from + k] > SMALL_DELTA) {
          return false;
        }
      }
      return true;
    }

    private int unpaddedSize() {
      encode();
      return FIXED_LENGTH + 2 * chunkCount + deltaBytes;
    }

    public int sizeInBytes() {
      return RtcpHeader.padTo4(unpaddedSize());
    }

    /**
     * Appends the feedback to {@code dst} (RTCP-padded to 32 bits with the P bit, as libwebrtc
     * does); returns bytes written. Does not retain or release {@code dst}.
     */
    public int writeTo(ByteBuf dst) {
      int raw = unpaddedSize();
      int size = RtcpHeader.padTo4(raw);
      int pad = size - raw;
      int start = dst.writerIndex();
      RtcpHeader.write(dst, RtcpPacketType.FMT_TRANSPORT_CC, RtcpPacketType.RTPFB, size);
      if (pad != 0) {
        dst.setByte(start, dst.getByte(start) | 0x20);
      }
      dst.writeInt((int) senderSsrc);
      dst.writeInt((int) mediaSsrc);
      dst.writeShort(baseSeq);
      dst.writeShort(count);
      dst.writeMedium(referenceTime);
      dst.writeByte(feedbackPacketCount);
      for (int c = 0; c < chunkCount; c++) {
        dst.writeShort(chunks[c]);
      }
      for (int i = 0; i < count; i++) {
        if (status[i] == SMALL_DELTA) {
          dst.writeByte(deltas[i]);
        } else if (status[i] == LARGE_DELTA) {
          dst.writeShort(deltas[i]);
        }
      }
      if (pad != 0) {
        dst.writeZero(pad - 1);
        dst.writeByte(pad);
      }
      return size;
    }
  }
}
