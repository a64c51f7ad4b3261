package org.sfu4j.media.bwe;

/**
 * Additive-increase / multiplicative-decrease rate controller driven by the delay detector
 * (GCC section 6): overuse cuts the rate to {@value #BETA} × the throughput the receiver
 * acknowledged, normal use grows it — multiplicatively (8 %/s) while far from the last
 * congestion point, additively (about one packet per response time) near it, so it probes
 * gently where the link broke before. Underuse holds (queues are draining). The rate never exceeds
 * 1.5 × acknowledged + 10 kbit/s by its own growth: without that, an application-limited sender would see its
 * estimate run away from anything measured. Allocation-free.
 */
public final class AimdRateControl {
  static final double BETA = 0.85;
  private static final double MULTIPLICATIVE_PER_SECOND = 1.08;
  private static final int PACKET_BITS = 1200 * 8;

  private final long minBps;
  private final long maxBps;
  private long rateBps;
  private long lastUpdateMs = -1;
  private long lastDecreaseBps = -1;
  private long holdUntilMs;
  private long lastDecreaseMs = -1;
  static final long DECREASE_INTERVAL_MS = 300;

  public AimdRateControl(long startBps, long minBps, long maxBps) {
    this.minBps = minBps;
    this.maxBps = maxBps;
    this.rateBps = clamp(startBps);
  }

  /**
   * Applies one detector signal.
   *
   * @param ackedBps throughput the receiver acknowledged recently, 0 if unknown
   * @param rttMs current round-trip time
   */
  public long update(TrendlineEstimator.Signal signal, long ackedBps, long rttMs, long nowMs) {
    long dt = lastUpdateMs < 0 ? 0 : Math.min(nowMs - lastUpdateMs, 1000);
    lastUpdateMs = nowMs;
    long before = rateBps;
    switch (signal) {
      case OVERUSE -> {
        if (lastDecreaseMs >= 0 && nowMs - lastDecreaseMs < DECREASE_INTERVAL_MS + rttMs) {
          // The detector lags the queue: one episode must not cut again and again (each cut
          // would also be based on an acknowledged rate the previous cut already lowered).
          holdUntilMs = nowMs + Math.max(rttMs, 100);
          break;
        }
        lastDecreaseMs = nowMs;
        long base = ackedBps > 0 ? ackedBps : rateBps;
        long decreased = (long) (BETA * base);
        if (decreased < rateBps) {
          rateBps = decreased;
          lastDecreaseBps = rateBps;
        }
        holdUntilMs = nowMs + Math.max(rttMs, 100); // let the queue drain before growing again
      }
      case UNDERUSE -> {
        // hold
      }
      case NORMAL -> {
        if (nowMs >= holdUntilMs && dt > 0) {
          boolean nearCongestion = lastDecreaseBps > 0
              && rateBps < lastDecreaseBps * 1.5 && rateBps > lastDecreaseBps * 0.5;
          if (nearCongestion) {
            long responseMs = Math.max(rttMs, 0) + 100;
            rateBps += Math.max(1000, PACKET_BITS * dt / responseMs);
          } else {
            rateBps = (long) (rateBps * Math.pow(MULTIPLICATIVE_PER_SECOND, dt / 1000.0)) + 1000;
          }
        }
      }
      default -> throw new AssertionError(signal);
    }
    if (ackedBps > 0 && rateBps > before) {
      // Only growth is capped: an estimate a probe established must survive the quiet time
      // after it (the sender is application-limited then, not the link).
      long cap = (long) (1.5 * ackedBps) + 10_000;
      if (rateBps > cap) {
        rateBps = Math.max(before, cap);
      }
    }
    rateBps = clamp(rateBps);
    return rateBps;
  }

  /**
   * A bandwidth probe measured {@code bps} reaching the receiver: the rate may jump there at
   * once (multiplicative growth alone would take many seconds to reach a freed link).
   */
  public void raiseTo(long bps) {
    rateBps = clamp(Math.max(rateBps, bps));
  }

  public long rateBps() {
    return rateBps;
  }

  /** Forces the rate (e.g. the loss controller or REMB lowered the final estimate). */
  public void capAt(long bps) {
    rateBps = clamp(Math.min(rateBps, bps));
  }

  private long clamp(long bps) {
    return Math.max(minBps, Math.min(maxBps, bps));
  }
}
