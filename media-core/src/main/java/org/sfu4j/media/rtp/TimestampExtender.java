package org.sfu4j.media.rtp;

/**
 * Extends 32-bit RTP timestamps of one stream to a monotonic 64-bit timeline (the timestamp
 * counterpart of {@link SeqExtender}): each value is placed at the shortest distance modulo 2^32
 * from the highest one seen, so wrap-around (every ~13 h at 90 kHz) and reordering keep the
 * order. The first timestamp maps to itself. Not thread-safe; one instance per stream.
 */
public final class TimestampExtender {
  private long highest = -1;
  private boolean started;

  /** Returns the extended value of {@code timestamp} (masked to 32 bits). */
  public long extend(long timestamp) {
    long ts = timestamp & 0xFFFF_FFFFL;
    if (!started) {
      started = true;
      highest = ts;
      return ts;
    }
    long ext = highest + SeqNumbers.timestampDiff(ts, highest);
    if (ext > highest) {
      highest = ext;
    }
    return ext;
  }

  /** Highest extended timestamp seen, -1 before the first one. */
  public long highest() {
    return highest;
  }

  public boolean started() {
    return started;
  }

  public void reset() {
    started = false;
    highest = -1;
  }
}
