package org.sfu4j.media.quality;

/**
 * A 0–10 quality score from loss, the way mediasoup scores producers and consumers: each RTCP
 * interval yields {@code round(10 · r⁴)} where {@code r} is the delivered ratio (expected − lost
 * + repaired) / expected, and the score is the average of the last {@value #HISTORY} interval
 * scores weighted 1..N from oldest to newest — recent trouble shows fast, one bad interval does
 * not dominate for long. The fourth power makes small loss already visible (5 % loss → 8).
 * Intervals with nothing expected leave the score unchanged. Allocation-free.
 */
public final class StreamScore {
  static final int HISTORY = 8;

  private final int[] scores = new int[HISTORY];
  private int count;
  private int next;
  private int score = 10;

  /**
   * Adds one interval.
   *
   * @param repaired packets lost on the wire but recovered by retransmission
   * @return true if the score changed
   */
  public boolean addInterval(long expected, long lost, long repaired) {
    if (expected <= 0) {
      return false;
    }
    long effectiveLost = Math.max(0, Math.min(expected, lost - Math.max(0, repaired)));
    double delivered = (double) (expected - effectiveLost) / expected;
    int s = (int) Math.round(10 * Math.pow(delivered, 4));
    scores[next] = s;
    next = (next + 1) % HISTORY;
    if (count < HISTORY) {
      count++;
    }
    long weighted = 0;
    long weights = 0;
    for (int k = 0; k < count; k++) {
      int idx = Math.floorMod(next - count + k, HISTORY); // oldest first
      int w = k + 1;
      weighted += (long) scores[idx] * w;
      weights += w;
    }
    int old = score;
    score = (int) Math.round((double) weighted / weights);
    return score != old;
  }

  /** Current score 0..10 (10 before any interval). */
  public int score() {
    return score;
  }

  public void reset() {
    count = 0;
    next = 0;
    score = 10;
  }
}
