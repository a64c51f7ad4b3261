package org.sfu4j.media.rtp;

/**
 * Extends 16-bit sequence numbers of one stream to a monotonic 64-bit counter (RFC 3550 A.1
 * "cycles" made explicit).
 *
 * <p>The first packet maps to its own value (cycles = 0), so {@code highest()} is directly the
 * "extended highest sequence number received" of an RTCP report block (low 32 bits). A packet is
 * placed at the shortest distance from the highest seen so far: late (reordered) packets get an
 * extended value below {@link #highest()} without moving it, and a packet arriving late from before
 * the first one may extend to a negative value. Not thread-safe; one instance per stream.
 */
public final class SeqExtender {
  private long highest = -1;
  private boolean started;

  /** Returns the extended value of {@code seq} (masked to 16 bits) and advances the highest. */
  public long extend(int seq) {
    int s = seq & 0xFFFF;
    if (!started) {
      started = true;
      highest = s;
      return s;
    }
    long ext = highest + SeqNumbers.diff(s, (int) highest);
    if (ext > highest) {
      highest = ext;
    }
    return ext;
  }

  /** Highest extended sequence number seen, -1 before the first packet. */
  public long highest() {
    return highest;
  }

  /** Number of 2^16 wraps of the highest sequence number (0 before the first packet). */
  public long cycles() {
    return started ? highest >> 16 : 0;
  }

  /** True once {@link #extend} has been called since construction or {@link #reset()}. */
  public boolean started() {
    return started;
  }

  /** Forgets the stream (e.g. on SSRC change); the next packet starts again at cycles = 0. */
  public void reset() {
    started = false;
    highest = -1;
  }
}
