package org.sfu4j.media.bwe;

/**
 * Delay-gradient overuse detector in the spirit of GCC (draft-ietf-rmcat-gcc-02, section 5) with
 * the trendline filter libwebrtc uses in place of the draft's Kalman filter.
 *
 * <p>Input: for consecutive groups of packets, the change in one-way delay between them (arrival
 * delta minus send delta). Their running sum, exponentially smoothed, is regressed against arrival
 * time over the last {@code windowSize} groups; a rising slope means a queue is building. The
 * slope, scaled by the number of samples, is compared with an adaptive threshold that tracks the
 * signal (fast down, slow up) so competing traffic doesn't starve us. Overuse is declared when
 * the signal stays over the threshold for more than {@value #OVERUSE_TIME_MS} ms and keeps rising.
 * Allocation-free.
 */
public final class TrendlineEstimator {

  /** Detector output. */
  public enum Signal { NORMAL, OVERUSE, UNDERUSE }

  static final double SMOOTHING = 0.9;
  static final double GAIN = 4.0;
  static final double OVERUSE_TIME_MS = 10;
  static final double K_UP = 0.0087;
  static final double K_DOWN = 0.039;

  private final int windowSize;
  private final double[] xs;
  private final double[] ys;
  private int count;
  private int next;
  private double accumulatedDelay;
  private double smoothedDelay;
  private long firstArrivalMs = -1;
  private int numDeltas;
  private double threshold = 12.5;
  private long lastThresholdUpdateMs = -1;
  private double timeOverUsing = -1;
  private int overuseCounter;
  private double prevTrend;
  private double lastModifiedTrend;
  private Signal signal = Signal.NORMAL;

  public TrendlineEstimator() {
    this(20);
  }

  public TrendlineEstimator(int windowSize) {
    this.windowSize = windowSize;
    this.xs = new double[windowSize];
    this.ys = new double[windowSize];
  }

  /**
   * Adds the delay variation between two packet groups.
   *
   * @param delayVariationMs arrival delta minus send delta of the two groups
   * @param groupSendDeltaMs send delta (time the detector integrates over-threshold time with)
   * @param arrivalMs arrival time of the newer group (receiver clock, ms)
   */
  public Signal update(double delayVariationMs, double groupSendDeltaMs, long arrivalMs,
      long nowMs) {
    if (firstArrivalMs < 0) {
      firstArrivalMs = arrivalMs;
    }
    numDeltas = Math.min(numDeltas + 1, 1000);
    accumulatedDelay += delayVariationMs;
    smoothedDelay = SMOOTHING * smoothedDelay + (1 - SMOOTHING) * accumulatedDelay;
    xs[next] = arrivalMs - firstArrivalMs;
    ys[next] = smoothedDelay;
    next = (next + 1) % windowSize;
    if (count < windowSize) {
      count++;
    }
    double trend = prevTrend;
    if (count == windowSize) {
      trend = slope();
    }
    detect(trend, groupSendDeltaMs, nowMs);
    return signal;
  }

  public Signal signal() {
    return signal;
  }

  /** Last scaled trend compared against the threshold (for tests and stats). */
  public double modifiedTrend() {
    return lastModifiedTrend;
  }

  public double threshold() {
    return threshold;
  }

  private double slope() {
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < count; i++) {
      sx += xs[i];
      sy += ys[i];
    }
    double mx = sx / count;
    double my = sy / count;
    double num = 0;
    double den = 0;
    for (int i = 0; i < count; i++) {
      double dx = xs[i] - mx;
      num += dx * (ys[i] - my);
      den += dx * dx;
    }
    return den == 0 ? prevTrend : num / den;
  }

  private void detect(double trend, double sendDeltaMs, long nowMs) {
    double modified = Math.min(numDeltas, 60) * trend * GAIN;
    lastModifiedTrend = modified;
    if (modified > threshold) {
      if (timeOverUsing < 0) {
        timeOverUsing = sendDeltaMs / 2;
      } else {
        timeOverUsing += sendDeltaMs;
      }
      overuseCounter++;
      if (timeOverUsing > OVERUSE_TIME_MS && overuseCounter > 1 && trend >= prevTrend) {
        timeOverUsing = 0;
        overuseCounter = 0;
        signal = Signal.OVERUSE;
      }
    } else if (modified < -threshold) {
      timeOverUsing = -1;
      overuseCounter = 0;
      signal = Signal.UNDERUSE;
    } else {
      timeOverUsing = -1;
      overuseCounter = 0;
      signal = Signal.NORMAL;
    }
    prevTrend = trend;
    updateThreshold(modified, nowMs);
  }

  private void updateThreshold(double modified, long nowMs) {
    if (lastThresholdUpdateMs < 0) {
      lastThresholdUpdateMs = nowMs;
    }
    double abs = Math.abs(modified);
    if (abs > threshold + 15) {
      lastThresholdUpdateMs = nowMs; // a spike: don't adapt to it
      return;
    }
    double k = abs < threshold ? K_DOWN : K_UP;
    long dt = Math.min(nowMs - lastThresholdUpdateMs, 100);
    threshold += k * (abs - threshold) * dt;
    threshold = Math.max(6, Math.min(600, threshold));
    lastThresholdUpdateMs = nowMs;
  }
}
