package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketsAreContiguousAndCoverEveryValue() {
    long expectedLower = 0;
    for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
      assertEquals(expectedLower, LatencyHistogram.lowerBound(i), "bucket " + i);
      assertEquals(i, LatencyHistogram.indexOf(LatencyHistogram.lowerBound(i)));
      assertEquals(i, LatencyHistogram.indexOf(LatencyHistogram.upperBound(i)));
      expectedLower = LatencyHistogram.upperBound(i) + 1;
    }
    assertEquals(1L << 41, expectedLower);
    assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.indexOf(Long.MAX_VALUE));
    assertEquals(0, LatencyHistogram.indexOf(-5));
  }

  @Test
  void exactBelow256AndUnderOnePercentAbove() {
    assertEquals(255, LatencyHistogram.upperBound(LatencyHistogram.indexOf(255)));
    Random r = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long v = 256 + (r.nextLong() >>> 25);
      int b = LatencyHistogram.indexOf(v);
      long lo = LatencyHistogram.lowerBound(b);
      long hi = LatencyHistogram.upperBound(b);
      assertTrue(lo <= v && v <= hi, v + " in [" + lo + "," + hi + "]");
      assertTrue((hi - lo) <= v / 128.0, "width " + (hi - lo) + " for " + v);
    }
  }

  @Test
  void percentilesMatchSortedValuesWithinBucketWidth() {
    Random r = new Random(11);
    LatencyHistogram h = new LatencyHistogram();
    long[] values = new long[10_001];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) (Math.exp(r.nextGaussian() * 1.5 + 13)); // ~0.4 ms median
      h.record(values[i]);
    }
    Arrays.sort(values);
    for (double p : new double[] {50, 90, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      long got = h.percentile(p);
      assertTrue(got >= exact && got <= exact + exact / 128 + 1, p + ": " + got + " vs " + exact);
    }
    assertEquals(values[values.length - 1], h.percentile(100));
    assertEquals(values[values.length - 1], h.max());
    assertEquals(values[0], h.min());
    assertEquals(values.length, h.count());
  }

  @Test
  void smallExactCasesAddAndReset() {
    LatencyHistogram h = new LatencyHistogram();
    assertEquals(0, h.percentile(50));
    h.record(10);
    h.record(20);
    h.record(30);
    h.record(40);
    assertEquals(20, h.percentile(50));
    assertEquals(40, h.percentile(99));
    LatencyHistogram other = new LatencyHistogram();
    other.record(1_000_000);
    h.add(other);
    assertEquals(5, h.count());
    assertEquals(1_000_000, h.max());
    assertEquals(30, h.percentile(60));
    h.reset();
    assertEquals(0, h.count());
    assertEquals(0, h.max());
  }
}
