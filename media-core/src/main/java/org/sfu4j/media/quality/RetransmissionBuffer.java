package org.sfu4j.media.quality;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.rtp.SeqNumbers;

/**
 * Send-side history of one consumer stream, answering that consumer's NACKs with a plain
 * retransmission or an RTX packet (RFC 4588).
 *
 * <p>Storage is a ring of {@code capacity} slots indexed by the consumer's (rewritten) sequence
 * number modulo capacity. A slot holds a retained reference to the {@link SharedPacket} copy of
 * the producer's packet (original header, shared by all consumers) plus the fields this consumer
 * rewrote: sequence number, timestamp and payload type. SSRC and extension-id remapping are
 * per-stream constants applied when the packet is produced. Nothing is allocated per packet.
 *
 * <p>Bounds: at most {@code capacity} packets and {@code maxAgeMs} of history. The default 512
 * slots hold one second of 2.5 Mbit/s video at 600-byte packets, or 5 Mbit/s at MTU-sized ones;
 * {@code maxAgeMs} (default 1 s, like the receive side's give-up age) drops older packets in
 * {@link #expire} and refuses to resend them, because a retransmission that late is useless.
 *
 * <p>Buffer ownership: {@link #insert} retains the stored buffer once; the buffer holds exactly
 * that reference until the slot is overwritten, expires, is cleared by {@link #clear()} or the
 * buffer is {@link #close() closed}, each of which releases it once. {@link #writeRetransmission}
 * only reads it and writes into the caller's buffer. After {@code close()} nothing is kept and
 * inserts are ignored.
 */
public final class RetransmissionBuffer {
  public static final int DEFAULT_CAPACITY = 512;
  public static final long DEFAULT_MAX_AGE_MS = 1000;
  /** RTX adds the 2-byte original sequence number (OSN) before the payload. */
  public static final int RTX_OVERHEAD = 2;

  private final int mask;
  private final long maxAgeMs;
  private final ByteBuf[] slotBuf;
  private final int[] slotSeq;
  private final long[] slotTimestamp;
  private final int[] slotPayloadType;
  private final long[] slotStoredMs;
  private final long[] slotLastResentMs;
  private final int[] slotResent;
  private final RtpPacket view = new RtpPacket();
  private long ssrc;
  private long rtxSsrc = -1;
  private int rtxPayloadType = -1;
  private int rtxSeq;
  private byte[] extensionIdMap;
  private int newestSeq = -1;
  private int oldestSeq;
  private int count;
  private boolean closed;
  private long retransmitted;
  private long notFound;

  public RetransmissionBuffer(long ssrc) {
    this(ssrc, DEFAULT_CAPACITY, DEFAULT_MAX_AGE_MS);
  }

  /** {@code capacity} is rounded up to a power of two (at most 32768). */
  public RetransmissionBuffer(long ssrc, int capacity, long maxAgeMs) {
    if (capacity < 1 || capacity > 1 << 15) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    int cap = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
    if (capacity == 1) {
      cap = 1;
    }
    this.mask = cap - 1;
    this.maxAgeMs = maxAgeMs;
    this.ssrc = ssrc;
    this.slotBuf = new ByteBuf[cap];
    this.slotSeq = new int[cap];
    this.slotTimestamp = new long[cap];
    this.slotPayloadType = new int[cap];
    this.slotStoredMs = new long[cap];
    this.slotLastResentMs = new long[cap];
    this.slotResent = new int[cap];
  }

  /**
   * Enables RTX: retransmissions are sent on {@code rtxSsrc} with {@code rtxPayloadType} and
   * their own sequence numbers starting at {@code initialRtxSeq} (RFC 4588 4: random start).
   */
  public void enableRtx(long rtxSsrc, int rtxPayloadType, int initialRtxSeq) {
    this.rtxSsrc = rtxSsrc;
    this.rtxPayloadType = rtxPayloadType;
    this.rtxSeq = initialRtxSeq & 0xFFFF;
  }

  /**
   * Extension id rewriting applied to retransmitted copies ({@code idMap[producerId] =
   * consumerId}, 0 drops), the same map the consumer applies when forwarding; null for none.
   * The array is kept, not copied.
   */
  public void setExtensionIdMap(byte[] idMap) {
    this.extensionIdMap = idMap;
  }

  public int capacity() {
    return mask + 1;
  }

  public int size() {
    return count;
  }

  public boolean isRtxEnabled() {
    return rtxSsrc >= 0;
  }

  /**
   * Remembers that this consumer sent {@code stored} (a {@link SharedPacket} copy, producer
   * header) as sequence number {@code seq} with timestamp {@code timestamp} and payload type
   * {@code payloadType}. Retains {@code stored} once (and releases whatever occupied the slot);
   * does nothing after {@link #close()}.
   */
  public void insert(int seq, long timestamp, int payloadType, ByteBuf stored, long nowMs) {
    if (closed) {
      return;
    }
    seq &= 0xFFFF;
    int i = seq & mask;
    if (slotBuf[i] != null) {
      slotBuf[i].release();
      count--;
    }
    slotBuf[i] = stored.retain();
    slotSeq[i] = seq;
    slotTimestamp[i] = timestamp & 0xFFFF_FFFFL;
    slotPayloadType[i] = payloadType;
    slotStoredMs[i] = nowMs;
    slotLastResentMs[i] = Long.MIN_VALUE;
    slotResent[i] = 0;
    count++;
    if (newestSeq < 0) {
      newestSeq = seq;
      oldestSeq = seq;
    } else if (SeqNumbers.isNewer(seq, newestSeq)) {
      newestSeq = seq;
    } else if (SeqNumbers.isNewer(oldestSeq, seq)) {
      oldestSeq = seq;
    }
  }

  /** Whether {@code seq} is stored and younger than the age limit. */
  public boolean contains(int seq, long nowMs) {
    int i = seq & mask;
    return slotBuf[i] != null && slotSeq[i] == (seq & 0xFFFF) && nowMs - slotStoredMs[i] <= maxAgeMs;
  }

  /**
   * Writes the packet to resend for a NACKed {@code seq} into {@code dst} at its writerIndex:
   * the stored header with this consumer's SSRC, sequence number, timestamp, payload type and
   * extension ids, then the payload (padding removed). With RTX enabled the packet goes out on
   * the RTX SSRC/payload type with the next RTX sequence number and the original sequence number
   * in the first two payload bytes. Reserve {@link #maxPacketSize(int)} bytes in {@code dst}.
   * Does not retain or release {@code dst}.
   *
   * @param minResendIntervalMs refuse (return -1) if this packet was resent more recently than
   *     this (one RTT: the previous copy may still be on its way)
   * @return bytes written, or -1 when the packet is unknown, too old or resent too recently
   */
  public int writeRetransmission(int seq, long nowMs, long minResendIntervalMs, ByteBuf dst) {
    seq &= 0xFFFF;
    int i = seq & mask;
    ByteBuf stored = slotBuf[i];
    if (stored == null || slotSeq[i] != seq || nowMs - slotStoredMs[i] > maxAgeMs) {
      notFound++;
      return -1;
    }
    if (slotLastResentMs[i] != Long.MIN_VALUE && nowMs - slotLastResentMs[i] < minResendIntervalMs) {
      return -1;
    }
    if (view.wrap(stored) != org.sfu4j.media.rtp.RtpDropReason.OK) {
      notFound++;
      return -1;
    }
    int start = dst.writerIndex();
    int header = view.headerLength();
    dst.writeBytes(stored, view.offset(), header);
    boolean rtx = rtxSsrc >= 0;
    if (rtx) {
      dst.writeShort(seq);
    }
    dst.writeBytes(stored, view.payloadOffset(), view.payloadLength());
    // Patch the copy: clear padding, set this consumer's fields.
    dst.setByte(start, dst.getByte(start) & ~0x20);
    int pt = rtx ? rtxPayloadType : slotPayloadType[i];
    dst.setByte(start + RtpPacket.MARKER_PT_OFFSET,
        (dst.getByte(start + RtpPacket.MARKER_PT_OFFSET) & 0x80) | (pt & 0x7F));
    dst.setShort(start + RtpPacket.SEQUENCE_NUMBER_OFFSET, rtx ? rtxSeq : seq);
    dst.setInt(start + RtpPacket.TIMESTAMP_OFFSET, (int) slotTimestamp[i]);
    dst.setInt(start + RtpPacket.SSRC_OFFSET, (int) (rtx ? rtxSsrc : ssrc));
    if (extensionIdMap != null && view.hasExtension()) {
      int written = dst.writerIndex() - start;
      if (view.wrap(dst, start, written) == org.sfu4j.media.rtp.RtpDropReason.OK) {
        view.remapExtensionIds(extensionIdMap);
      }
    }
    view.clear();
    if (rtx) {
      rtxSeq = (rtxSeq + 1) & 0xFFFF;
    }
    slotLastResentMs[i] = nowMs;
    slotResent[i]++;
    retransmitted++;
    return dst.writerIndex() - start;
  }

  /** Upper bound of what {@link #writeRetransmission} writes for a stored packet of that size. */
  public static int maxPacketSize(int storedLength) {
    return storedLength + RTX_OVERHEAD;
  }

  /** How many times {@code seq} was resent (0 if never or not stored). */
  public int resentCount(int seq) {
    int i = seq & mask;
    return slotBuf[i] != null && slotSeq[i] == (seq & 0xFFFF) ? slotResent[i] : 0;
  }

  /** Consumes the next RTX sequence number (for padding-only probe packets on the RTX stream). */
  public int takeRtxSequenceNumber() {
    int s = rtxSeq;
    rtxSeq = (rtxSeq + 1) & 0xFFFF;
    return s;
  }

  /** RTX SSRC, -1 when RTX is not enabled. */
  public long rtxSsrc() {
    return rtxSsrc;
  }

  /** RTX payload type, -1 when RTX is not enabled. */
  public int rtxPayloadType() {
    return rtxPayloadType;
  }

  /** Next RTX sequence number to be used. */
  public int nextRtxSequenceNumber() {
    return rtxSeq;
  }

  /**
   * Releases packets older than the age limit (call from the router tick). Walks forward from
   * the oldest stored sequence number and stops at the first packet young enough, so the cost
   * is the number of packets released plus the empty slots in between, bounded by the capacity.
   */
  public void expire(long nowMs) {
    if (count == 0) {
      return;
    }
    int span = SeqNumbers.diff(newestSeq, oldestSeq);
    if (span < 0 || span > mask) {
      oldestSeq = SeqNumbers.add(newestSeq, -mask);
      span = mask;
    }
    for (int k = 0; k <= span && count > 0; k++) {
      int s = oldestSeq;
      int i = s & mask;
      ByteBuf b = slotBuf[i];
      if (b != null && slotSeq[i] == s) {
        if (nowMs - slotStoredMs[i] <= maxAgeMs) {
          return;
        }
        b.release();
        slotBuf[i] = null;
        count--;
      }
      oldestSeq = SeqNumbers.add(oldestSeq, 1);
    }
  }

  /** Releases every stored packet (e.g. on a layer switch or SSRC change); stays usable. */
  public void clear() {
    for (int k = 0; k <= mask; k++) {
      if (slotBuf[k] != null) {
        slotBuf[k].release();
        slotBuf[k] = null;
      }
    }
    count = 0;
    newestSeq = -1;
  }

  /** Releases everything; later inserts are ignored and lookups miss. Idempotent. */
  public void close() {
    clear();
    closed = true;
    Arrays.fill(slotSeq, 0);
  }

  public long retransmittedCount() {
    return retransmitted;
  }

  /** NACKed packets that were not (or no longer) in the buffer. */
  public long notFoundCount() {
    return notFound;
  }
}
