package org.sfu4j.bench.load;

/** Request round trips of every signaling client, shared across threads (set-up only). */
final class SignalingLatency {
  private final LatencyHistogram histogram = new LatencyHistogram();

  synchronized void record(long nanos) {
    histogram.record(nanos);
  }

  synchronized long count() {
    return histogram.count();
  }

  synchronized double percentileMs(double p) {
    return histogram.percentile(p) / 1e6;
  }

  synchronized double maxMs() {
    return histogram.max() / 1e6;
  }
}
