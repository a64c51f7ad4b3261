package org.sfu4j.media.bwe;

/**
 * Picks the simulcast/SVC layers one consumer should receive from its share of the downlink
 * estimate. It only decides; the consumer executes (switching spatial layers at the next key
 * frame, which it requests when {@link #targetSpatial()} differs from what it forwards).
 *
 * <p>Rules: the best layer is the highest (spatial first, then temporal) within the preferred
 * layers whose measured bitrate fits {@code share × headroom}; inactive layers (bitrate 0) are
 * skipped; if nothing fits, the lowest active layer is kept (a consumer is never starved to
 * nothing by the selector — pausing is the application's call). Going down happens at once:
 * overshooting a congested link makes everything worse. Going up needs the better layer to fit
 * continuously for {@code upHoldMs}, and after a downswitch twice that, so a link that just broke
 * is not probed immediately (up cautiously, down fast). Allocation-free.
 *
 * <p>Bitrates are per layer and cumulative the way receivers see them: {@code bitrates[s][t]} is
 * what forwarding spatial layer {@code s} up to temporal layer {@code t} costs.
 */
public final class LayerSelector {
  public static final long DEFAULT_UP_HOLD_MS = 2000;
  public static final double DEFAULT_HEADROOM = 0.9;

  private final long upHoldMs;
  private final double headroom;
  private int targetSpatial = -1;
  private int targetTemporal = -1;
  private int candidateSpatial = -1;
  private int candidateTemporal = -1;
  private long candidateSinceMs;
  private long lastDownMs = Long.MIN_VALUE;

  public LayerSelector() {
    this(DEFAULT_UP_HOLD_MS, DEFAULT_HEADROOM);
  }

  public LayerSelector(long upHoldMs, double headroom) {
    this.upHoldMs = upHoldMs;
    this.headroom = headroom;
  }

  /**
   * The share of {@code availableBps} for a consumer of priority {@code priority} among
   * consumers whose priorities sum to {@code totalPriority} (mediasoup's consumer priority).
   */
  public static long share(long availableBps, int priority, int totalPriority) {
    if (totalPriority <= 0) {
      return availableBps;
    }
    return availableBps * Math.max(0, priority) / totalPriority;
  }

  /**
   * Re-evaluates the target.
   *
   * @param shareBps this consumer's share of the available bitrate
   * @param bitrates measured bitrate per [spatial][temporal] layer of the producer (0 = inactive)
   * @param maxSpatial preferred spatial layer (inclusive)
   * @param maxTemporal preferred temporal layer (inclusive)
   * @return true if the target changed
   */
  public boolean update(long shareBps, long[][] bitrates, int maxSpatial, int maxTemporal,
      long nowMs) {
    long budget = (long) (shareBps * headroom);
    int bestS = -1;
    int bestT = -1;
    int lowestS = -1;
    int lowestT = -1;
    for (int s = 0; s < bitrates.length && s <= maxSpatial; s++) {
      for (int t = 0; t < bitrates[s].length && t <= maxTemporal; t++) {
        long bps = bitrates[s][t];
        if (bps <= 0) {
          continue;
        }
        if (lowestS < 0) {
          lowestS = s;
          lowestT = t;
        }
        if (bps <= budget) {
          bestS = s;
          bestT = t;
        }
      }
    }
    if (bestS < 0) {
      bestS = lowestS;
      bestT = lowestT;
    }
    if (bestS < 0) {
      return false; // no active layer at all: keep what we have
    }
    int cmp = compare(bestS, bestT, targetSpatial, targetTemporal);
    if (targetSpatial < 0 || cmp < 0) {
      boolean wasSet = targetSpatial >= 0;
      targetSpatial = bestS;
      targetTemporal = bestT;
      candidateSpatial = -1;
      if (wasSet) {
        lastDownMs = nowMs;
      }
      return true;
    }
    if (cmp == 0) {
      candidateSpatial = -1;
      return false;
    }
    // Better layers fit: wait until they fit long enough. Any better candidate keeps the clock.
    if (candidateSpatial < 0) {
      candidateSinceMs = nowMs;
    }
    candidateSpatial = bestS;
    candidateTemporal = bestT;
    long hold = lastDownMs != Long.MIN_VALUE && nowMs - lastDownMs < 4 * upHoldMs
        ? 2 * upHoldMs : upHoldMs;
    if (nowMs - candidateSinceMs < hold) {
      return false;
    }
    targetSpatial = candidateSpatial;
    targetTemporal = candidateTemporal;
    candidateSpatial = -1;
    return true;
  }

  /** Spatial layer to forward, -1 before the first update. */
  public int targetSpatial() {
    return targetSpatial;
  }

  public int targetTemporal() {
    return targetTemporal;
  }

  /** Forgets everything (e.g. the producer's layers changed). */
  public void reset() {
    targetSpatial = -1;
    targetTemporal = -1;
    candidateSpatial = -1;
    lastDownMs = Long.MIN_VALUE;
  }

  private static int compare(int s1, int t1, int s2, int t2) {
    return s1 != s2 ? Integer.compare(s1, s2) : Integer.compare(t1, t2);
  }
}
