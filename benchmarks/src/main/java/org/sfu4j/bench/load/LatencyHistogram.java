package org.sfu4j.bench.load;

import java.util.Arrays;

/**
 * A fixed-bucket log-linear histogram of non-negative nanosecond values, HdrHistogram-style: exact
 * below 256 ns, then 128 linear sub-buckets per power of two (relative error below 0.8 %), up to
 * 2^41 ns (about 36 minutes; larger values land in the last bucket). One {@code long[]} allocated
 * up front; {@link #record} allocates nothing. Not thread-safe.
 */
public final class LatencyHistogram {
  static final int SUB_BITS = 7;
  static final int SUB_COUNT = 1 << SUB_BITS; // 128
  static final int LINEAR_LIMIT = SUB_COUNT << 1; // 256
  static final int MAX_EXPONENT = 40 - SUB_BITS; // top msb 39
  static final int BUCKETS = LINEAR_LIMIT + MAX_EXPONENT * SUB_COUNT;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;
  private long min = Long.MAX_VALUE;
  private long sum;

  /** Bucket index of {@code value} (negative values count as 0). */
  static int indexOf(long value) {
    if (value < LINEAR_LIMIT) {
      return value < 0 ? 0 : (int) value;
    }
    int msb = 63 - Long.numberOfLeadingZeros(value);
    int shift = msb - SUB_BITS; // >= 1
    if (shift > MAX_EXPONENT) {
      return BUCKETS - 1;
    }
    int mantissa = (int) (value >>> shift); // [128, 255]
    return LINEAR_LIMIT + (shift - 1) * SUB_COUNT + (mantissa - SUB_COUNT);
  }

  /** Smallest value that maps to bucket {@code index}. */
  static long lowerBound(int index) {
    if (index < LINEAR_LIMIT) {
      return index;
    }
    int shift = (index - LINEAR_LIMIT) / SUB_COUNT + 1;
    long mantissa = SUB_COUNT + (index - LINEAR_LIMIT) % SUB_COUNT;
    return mantissa << shift;
  }

  /** Largest value that maps to bucket {@code index}. */
  static long upperBound(int index) {
    if (index < LINEAR_LIMIT) {
      return index;
    }
    int shift = (index - LINEAR_LIMIT) / SUB_COUNT + 1;
    return lowerBound(index) + (1L << shift) - 1;
  }

  public void record(long nanos) {
    long v = nanos < 0 ? 0 : nanos;
    counts[indexOf(v)]++;
    total++;
    sum += v;
    if (v > max) {
      max = v;
    }
    if (v < min) {
      min = v;
    }
  }

  /** Adds every count of {@code other} into this one. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    sum += other.sum;
    max = Math.max(max, other.max);
    min = Math.min(min, other.min);
  }

  public void reset() {
    Arrays.fill(counts, 0);
    total = 0;
    sum = 0;
    max = 0;
    min = Long.MAX_VALUE;
  }

  public long count() {
    return total;
  }

  public long max() {
    return max;
  }

  public long min() {
    return total == 0 ? 0 : min;
  }

  public double mean() {
    return total == 0 ? 0 : (double) sum / total;
  }

  /**
   * The value at {@code percentile} (0..100): the upper bound of the bucket holding that rank,
   * capped at the exact maximum; 0 when empty.
   */
  public long percentile(double percentile) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percentile / 100.0 * total);
    if (rank < 1) {
      rank = 1;
    }
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(upperBound(i), max);
      }
    }
    return max;
  }
}
