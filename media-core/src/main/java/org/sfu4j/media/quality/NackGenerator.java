package org.sfu4j.media.quality;

import org.sfu4j.media.rtp.SeqExtender;

/**
 * Receive-side loss detection for one producer stream: finds gaps in the 16-bit sequence numbers,
 * asks the sender to retransmit them with generic NACKs (RFC 4585 6.2.1) and gives up on packets
 * that cannot be repaired in time, which is when a key frame is the only way to recover.
 *
 * <p>A missing packet is NACKed as soon as the gap is seen, then again every {@code
 * max(rtt, minRetryIntervalMs) * retryFactor} until it arrives (late or via RTX, both end in
 * {@link #onPacket}), it was requested {@code maxRetries} times, it has been missing for {@code
 * maxAgeMs}, or more than {@code maxPackets} newer packets arrived. Dropping an entry for any of
 * these reasons reports {@link Listener#onKeyFrameRequired()} (at most once per call), except
 * when a key frame newer than the dropped packets already arrived: then the decoder no longer
 * needs them.
 *
 * <p>State is a ring of {@code capacity} slots indexed by extended sequence number, so every
 * operation is O(1) per packet (a tick walks at most {@code maxPackets} slots) and nothing is
 * allocated after construction. Single-threaded: call it from the stream's event loop only.
 */
public final class NackGenerator {

  /** Where the generator's decisions go. Called synchronously from {@link #onPacket}/{@link #onTick}. */
  public interface Listener {
    /**
     * Sequence numbers to request now, ascending. {@code seqs} is reused by the generator: read
     * the first {@code count} values during the call, don't keep the array.
     */
    void onNackRequired(int[] seqs, int count);

    /** Some loss can no longer be repaired by retransmission. */
    void onKeyFrameRequired();
  }

  /** What {@link #onPacket} learned about a packet. */
  public enum PacketOutcome {
    /** The next packet in order (or the first one). */
    IN_ORDER,
    /** A packet that was being NACKed arrived (late or retransmitted). */
    RECOVERED,
    /** Newer than expected; the packets in between were scheduled for NACK. */
    GAP,
    /** Older than the highest, not pending: duplicate, or already given up on. */
    OLD,
    /** Gap larger than {@code maxPackets}; the NACK list was reset, key frame requested. */
    TOO_LARGE_GAP
  }

  public static final int DEFAULT_MAX_PACKETS = 1000;
  public static final long DEFAULT_MAX_AGE_MS = 1000;
  public static final int DEFAULT_MAX_RETRIES = 10;
  public static final int DEFAULT_MIN_RETRY_INTERVAL_MS = 20;
  /** RTT assumed until {@link #setRtt} is called (mediasoup uses the same default). */
  public static final int DEFAULT_RTT_MS = 100;

  private final Listener listener;
  private final int maxPackets;
  private final long maxAgeMs;
  private final int maxRetries;
  private final int minRetryIntervalMs;
  private final double retryFactor;
  private final int mask;
  // One slot per extended sequence number modulo capacity; slotSeq == -1 means empty.
  private final long[] slotSeq;
  private final long[] slotFirstMs;
  private final long[] slotLastSentMs;
  private final int[] slotRetries;
  private final int[] out;
  private final SeqExtender extender = new SeqExtender();
  private long lowestPending = Long.MAX_VALUE; // lower bound of pending entries
  private int pendingCount;
  private long lastKeyFrameSeq = -1;
  private int rttMs = DEFAULT_RTT_MS;
  private long nacksSent;
  private long recovered;
  private long givenUp;

  public NackGenerator(Listener listener) {
    this(listener, DEFAULT_MAX_PACKETS, DEFAULT_MAX_AGE_MS, DEFAULT_MAX_RETRIES,
        DEFAULT_MIN_RETRY_INTERVAL_MS, 1.0);
  }

  /**
   * @param maxPackets most packets kept pending, and the largest gap still NACKed
   * @param maxAgeMs how long a missing packet is worth requesting
   * @param maxRetries NACKs per packet before giving up
   * @param minRetryIntervalMs lower bound of the retry interval when the RTT is small
   * @param retryFactor multiplier on the retry interval (1.0 = one RTT)
   */
  public NackGenerator(Listener listener, int maxPackets, long maxAgeMs, int maxRetries,
      int minRetryIntervalMs, double retryFactor) {
    if (maxPackets < 1 || maxPackets > 1 << 15 || maxRetries < 1 || maxAgeMs < 1) {
      throw new IllegalArgumentException("bad NACK limits");
    }
    this.listener = listener;
    this.maxPackets = maxPackets;
    this.maxAgeMs = maxAgeMs;
    this.maxRetries = maxRetries;
    this.minRetryIntervalMs = minRetryIntervalMs;
    this.retryFactor = retryFactor;
    int capacity = Integer.highestOneBit(maxPackets - 1 | 1) << 1;
    this.mask = capacity - 1;
    this.slotSeq = new long[capacity];
    this.slotFirstMs = new long[capacity];
    this.slotLastSentMs = new long[capacity];
    this.slotRetries = new int[capacity];
    this.out = new int[maxPackets];
    java.util.Arrays.fill(slotSeq, -1);
  }

  /** Latest round-trip time to the sender; drives the retry interval. */
  /** RTT currently used for retry intervals. */
  public int rttMs() {
    return rttMs;
  }

  public void setRtt(int rttMs) {
    this.rttMs = Math.max(0, rttMs);
  }

  /** Current interval between two NACKs of the same packet. */
  public long retryIntervalMs() {
    return (long) (Math.max(rttMs, minRetryIntervalMs) * retryFactor);
  }

  /**
   * Records a received packet (original sequence number; for RTX the OSN).
   *
   * @param keyFrame the packet starts or belongs to a key frame (lets older losses be forgotten)
   */
  public PacketOutcome onPacket(int seq, boolean keyFrame, long nowMs) {
    boolean first = !extender.started();
    long prevHighest = extender.highest();
    long ext = extender.extend(seq);
    if (first) {
      if (keyFrame) {
        lastKeyFrameSeq = ext;
      }
      return PacketOutcome.IN_ORDER;
    }
    if (ext <= prevHighest) {
      if (keyFrame && ext > lastKeyFrameSeq) {
        lastKeyFrameSeq = ext;
      }
      if (remove(ext)) {
        recovered++;
        return PacketOutcome.RECOVERED;
      }
      return PacketOutcome.OLD;
    }
    if (keyFrame) {
      lastKeyFrameSeq = ext;
    }
    long gap = ext - prevHighest - 1;
    if (gap == 0) {
      return PacketOutcome.IN_ORDER;
    }
    if (gap > maxPackets) {
      givenUp += pendingCount + gap;
      clearPending();
      if (!keyFrame) {
        listener.onKeyFrameRequired();
      }
      return PacketOutcome.TOO_LARGE_GAP;
    }
    // Entries that fall out of the window (older than ext - maxPackets) are given up.
    boolean keyFrameNeeded = dropBelow(ext - maxPackets);
    int n = 0;
    for (long s = prevHighest + 1; s < ext; s++) {
      int i = (int) (s & mask);
      if (slotSeq[i] != -1) { // stale occupant (cannot happen after dropBelow, kept defensive)
        pendingCount--;
      }
      slotSeq[i] = s;
      slotFirstMs[i] = nowMs;
      slotLastSentMs[i] = nowMs;
      slotRetries[i] = 1;
      pendingCount++;
      out[n++] = (int) (s & 0xFFFF);
    }
    if (lowestPending > prevHighest + 1) {
      lowestPending = Math.min(lowestPending, prevHighest + 1);
    }
    nacksSent += n;
    listener.onNackRequired(out, n);
    if (keyFrameNeeded) {
      listener.onKeyFrameRequired();
    }
    return PacketOutcome.GAP;
  }

  /**
   * Periodic work (every ~20 ms from the router tick): re-requests packets whose retry interval
   * elapsed and gives up on the ones that are too old or were asked too often.
   */
  public void onTick(long nowMs) {
    if (pendingCount == 0) {
      return;
    }
    long interval = retryIntervalMs();
    long highest = extender.highest();
    boolean keyFrameNeeded = false;
    int n = 0;
    long newLowest = Long.MAX_VALUE;
    for (long s = lowestPending; s <= highest && n < out.length; s++) {
      int i = (int) (s & mask);
      if (slotSeq[i] != s) {
        continue;
      }
      if (nowMs - slotFirstMs[i] >= maxAgeMs
          || (slotRetries[i] >= maxRetries && nowMs - slotLastSentMs[i] >= interval)) {
        slotSeq[i] = -1;
        pendingCount--;
        givenUp++;
        keyFrameNeeded |= s > lastKeyFrameSeq;
        continue;
      }
      if (newLowest == Long.MAX_VALUE) {
        newLowest = s;
      }
      if (nowMs - slotLastSentMs[i] >= interval) {
        slotLastSentMs[i] = nowMs;
        slotRetries[i]++;
        out[n++] = (int) (s & 0xFFFF);
      }
    }
    lowestPending = newLowest;
    if (n > 0) {
      nacksSent += n;
      listener.onNackRequired(out, n);
    }
    if (keyFrameNeeded) {
      listener.onKeyFrameRequired();
    }
  }

  /** Forgets everything (e.g. SSRC change or producer pause). */
  public void reset() {
    clearPending();
    extender.reset();
    lastKeyFrameSeq = -1;
  }

  /** Packets currently waiting for retransmission. */
  public int pendingCount() {
    return pendingCount;
  }

  /** Whether {@code seq} (16-bit) is currently pending. */
  public boolean isPending(int seq) {
    if (!extender.started()) {
      return false;
    }
    long highest = extender.highest();
    long ext = highest + org.sfu4j.media.rtp.SeqNumbers.diff(seq, (int) highest);
    return ext >= 0 && slotSeq[(int) (ext & mask)] == ext;
  }

  /** Sequence numbers sent in NACKs, counting each retry. */
  public long nacksSent() {
    return nacksSent;
  }

  public long recoveredCount() {
    return recovered;
  }

  /** Missing packets given up on (age, retries, window, or too large a gap). */
  public long givenUpCount() {
    return givenUp;
  }

  private boolean remove(long ext) {
    if (ext < 0) {
      return false;
    }
    int i = (int) (ext & mask);
    if (slotSeq[i] != ext) {
      return false;
    }
    slotSeq[i] = -1;
    pendingCount--;
    return true;
  }

  /** Drops pending entries below {@code limit}; true if one of them still mattered. */
  private boolean dropBelow(long limit) {
    if (pendingCount == 0 || lowestPending >= limit) {
      return false;
    }
    boolean needed = false;
    for (long s = lowestPending; s < limit && pendingCount > 0; s++) {
      int i = (int) (s & mask);
      if (slotSeq[i] == s) {
        slotSeq[i] = -1;
        pendingCount--;
        givenUp++;
        needed |= s > lastKeyFrameSeq;
      }
    }
    lowestPending = pendingCount == 0 ? Long.MAX_VALUE : limit;
    return needed;
  }

  private void clearPending() {
    if (pendingCount > 0) {
      java.util.Arrays.fill(slotSeq, -1);
    }
    pendingCount = 0;
    lowestPending = Long.MAX_VALUE;
  }
}
