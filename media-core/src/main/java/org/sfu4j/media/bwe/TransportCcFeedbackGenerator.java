package org.sfu4j.media.bwe;

import java.util.Arrays;
import org.sfu4j.media.rtcp.TransportCcFeedback;
import org.sfu4j.media.rtp.SeqExtender;

/**
 * Receive side of transport-wide congestion control for one transport: records the arrival time
 * of every packet carrying the transport-wide sequence number extension and periodically tells
 * the sender what arrived when, so the browser's send-side estimator can work on the uplink.
 *
 * <p>Arrivals are kept in a ring of {@value #CAPACITY} slots indexed by the extended (unwrapped)
 * transport sequence number. A feedback covers every sequence number from the first one not yet
 * reported to the highest received, with lost ones marked not received; reordered packets inside
 * that window are reported in place. A packet older than the window (its feedback already went
 * out) is counted and ignored. When a jump would overflow the ring the pending window is flushed
 * and a new one starts at the new packet, so a large gap costs one feedback, not thousands of
 * "not received" entries. A feedback is also cut when it reaches {@value #MAX_STATUSES} entries
 * (stays well inside an MTU) or when a receive delta does not fit the 16-bit field (&gt; 8 s).
 *
 * <p>Times: arrivals in microseconds (the wire has 250 µs resolution), ticks in milliseconds.
 * Deltas are computed between quantized arrival times so rounding never accumulates.
 * Single-threaded; steady state allocates nothing (the builder's arrays only grow).
 */
public final class TransportCcFeedbackGenerator {

  /** Receives each finished feedback; write it (RTCP) during the call, the builder is reused. */
  public interface Listener {
    void onFeedback(TransportCcFeedback.Builder feedback);
  }

  static final int CAPACITY = 1 << 13;
  static final int MAX_STATUSES = 500;
  private static final int MASK = CAPACITY - 1;
  private static final long NOT_RECEIVED = Long.MIN_VALUE;
  private static final long TICK_US = TransportCcFeedback.DELTA_TICK_MICROS;
  private static final long TICKS_PER_REFERENCE =
      TransportCcFeedback.REFERENCE_TICK_MICROS / TransportCcFeedback.DELTA_TICK_MICROS; // 256

  private final Listener listener;
  private final long intervalMs;
  private final long[] arrivalUs = new long[CAPACITY];
  private final SeqExtender extender = new SeqExtender();
  private final TransportCcFeedback.Builder builder = new TransportCcFeedback.Builder();
  private long senderSsrc;
  private long mediaSsrc;
  private long base = -1; // first extended seq of the next feedback
  private long highest = -1;
  private int feedbackCount;
  private long lastFeedbackMs = Long.MIN_VALUE;
  private long lateCount;
  private long feedbacksSent;

  /** @param intervalMs how often feedback is sent while packets arrive (libwebrtc: 50–250 ms) */
  public TransportCcFeedbackGenerator(Listener listener, long intervalMs) {
    this.listener = listener;
    this.intervalMs = intervalMs;
    Arrays.fill(arrivalUs, NOT_RECEIVED);
  }

  /** SSRCs written in the feedback header (ours, and one of the sender's media streams). */
  public void setSsrcs(long senderSsrc, long mediaSsrc) {
    this.senderSsrc = senderSsrc;
    this.mediaSsrc = mediaSsrc;
  }

  /** Records that the packet with transport-wide sequence number {@code seq} arrived. */
  public void onPacket(int seq, long arrivalTimeUs) {
    long ext = extender.extend(seq);
    if (base < 0) {
      base = ext;
      highest = ext;
    }
    if (ext < base) {
      lateCount++;
      return;
    }
    if (ext - base >= CAPACITY) {
      flush();
      if (base < 0 || ext - base >= CAPACITY) {
        clearWindow();
        base = ext;
      }
    }
    arrivalUs[(int) (ext & MASK)] = arrivalTimeUs;
    if (ext > highest) {
      highest = ext;
    }
  }

  /** Sends the pending window if the interval has elapsed since the last feedback. */
  public void onTick(long nowMs) {
    if (base < 0 || highest < base) {
      return;
    }
    if (lastFeedbackMs != Long.MIN_VALUE && nowMs - lastFeedbackMs < intervalMs) {
      return;
    }
    lastFeedbackMs = nowMs;
    flush();
  }

  /** Packets that arrived after their window was already reported. */
  public long lateCount() {
    return lateCount;
  }

  public long feedbacksSent() {
    return feedbacksSent;
  }

  /** Reports everything from {@code base} to {@code highest} in one or more feedbacks. */
  private void flush() {
    while (base >= 0 && base <= highest) {
      long first = base;
      while (first <= highest && arrivalUs[(int) (first & MASK)] == NOT_RECEIVED) {
        first++;
      }
      if (first > highest) {
        return; // only losses pending: wait for a received packet to anchor the reference time
      }
      long refTicks = Math.floorDiv(arrivalUs[(int) (first & MASK)], TransportCcFeedback
          .REFERENCE_TICK_MICROS);
      builder.reset(senderSsrc, mediaSsrc, (int) (base & 0xFFFF), (int) (refTicks & 0xFFFFFF),
          feedbackCount);
      long prevTick = refTicks * TICKS_PER_REFERENCE;
      long s = base;
      for (; s <= highest && builder.packetStatusCount() < MAX_STATUSES; s++) {
        int i = (int) (s & MASK);
        long at = arrivalUs[i];
        if (at == NOT_RECEIVED) {
          builder.addNotReceived();
          continue;
        }
        long tick = Math.floorDiv(at, TICK_US);
        long delta = tick - prevTick;
        if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
          break; // starts the next feedback with its own reference time
        }
        builder.addReceived((int) delta);
        prevTick = tick;
      }
      // Trailing losses are left for the next feedback (they may still arrive reordered).
      long end = s;
      while (end > base && arrivalUs[(int) ((end - 1) & MASK)] == NOT_RECEIVED) {
        end--;
      }
      if (end == base) {
        return;
      }
      // Rebuild only when trailing losses were trimmed (rare): simplest is to re-run with limit.
      if (end != s) {
        rebuild(end, refTicks);
      }
      for (long k = base; k < end; k++) {
        arrivalUs[(int) (k & MASK)] = NOT_RECEIVED;
      }
      base = end;
      feedbackCount = (feedbackCount + 1) & 0xFF;
      feedbacksSent++;
      listener.onFeedback(builder);
    }
  }

  private void rebuild(long end, long refTicks) {
    builder.reset(senderSsrc, mediaSsrc, (int) (base & 0xFFFF), (int) (refTicks & 0xFFFFFF),
        feedbackCount);
    long prevTick = refTicks * TICKS_PER_REFERENCE;
    for (long s = base; s < end; s++) {
      long at = arrivalUs[(int) (s & MASK)];
      if (at == NOT_RECEIVED) {
        builder.addNotReceived();
      } else {
        long tick = Math.floorDiv(at, TICK_US);
        builder.addReceived((int) (tick - prevTick));
        prevTick = tick;
      }
    }
  }

  private void clearWindow() {
    if (base >= 0) {
      for (long k = base; k <= highest && k < base + CAPACITY; k++) {
        arrivalUs[(int) (k & MASK)] = NOT_RECEIVED;
      }
    }
  }
}
