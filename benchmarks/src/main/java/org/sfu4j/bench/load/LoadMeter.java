package org.sfu4j.bench.load;

import java.util.Arrays;

/**
 * The subscriber side: counts what every subscriber stream receives and derives exact loss from
 * the probe sequences. Each receiving stream (a subscriber's copy of one publisher's video or
 * audio) keeps its first and highest sequence and a 4,096-sequence bitmap, so reordered packets
 * still count once and duplicates are recognised. Loss of a stream = expected - unique received,
 * where expected runs from its first received sequence to the highest seen (per interval) or to
 * the publisher's last sent sequence (final, after a drain), so tail loss counts too.
 *
 * <p>Owned by one thread (the receive loop); {@link #onPacket} allocates nothing.
 */
public final class LoadMeter {
  static final int WINDOW_BITS = 4096;
  static final int WINDOW_WORDS = WINDOW_BITS / 64;

  private final int streams;
  private final long[] first;
  private final long[] highest;
  private final long[] unique;
  private final long[] window;
  private final long[] firstArrival;
  /** Highest sequence per stream when measuring started (-1: none yet); loss counts above it. */
  private final long[] measureFrom;
  private final long[] measuredUnique;
  private final LatencyHistogram interval = new LatencyHistogram();
  private final LatencyHistogram total = new LatencyHistogram();

  private long packets;
  private long bytes;
  private long duplicates;
  private long reordered;
  private long foreign;
  private long seen;
  private long intervalPackets;
  private long intervalBytes;
  private long intervalExpected;
  private long intervalUnique;
  private boolean recordTotals;

  /** {@code streams} receiving streams, ids 0..streams-1. */
  public LoadMeter(int streams) {
    this.streams = streams;
    first = new long[streams];
    highest = new long[streams];
    unique = new long[streams];
    measuredUnique = new long[streams];
    measureFrom = new long[streams];
    Arrays.fill(measureFrom, -1);
    window = new long[streams * WINDOW_WORDS];
    firstArrival = new long[streams];
    Arrays.fill(first, -1);
    Arrays.fill(highest, -1);
  }

  public int streams() {
    return streams;
  }

  /**
   * From now on, packets also count into the final totals (call when the warm-up ends, after
   * the drain). Loss is counted only for sequences above each stream's highest at this moment:
   * what the SFU dropped while the JIT warmed up belongs to the warm-up, even when the gap is
   * only seen once the next packet arrives.
   */
  public void startMeasuring() {
    startMeasuring(null, null);
  }

  /**
   * As {@link #startMeasuring()}, with what each publisher stream had sent when the warm-up ended
   * ({@code lastSent[publisherOf[stream]]}, the clock paused): a packet sent before then and lost
   * belongs to the warm-up even if nothing later arrived before the mark. Either may be null.
   */
  public void startMeasuring(long[] lastSent, int[] publisherOf) {
    for (int s = 0; s < streams; s++) {
      long sent = lastSent == null ? -1 : lastSent[publisherOf[s]];
      measureFrom[s] = Math.max(highest[s], sent);
    }
    recordTotals = true;
    total.reset();
    packets = 0;
    bytes = 0;
  }

  /**
   * One packet of {@code length} bytes with probe {@code sequence}/{@code sendNanos} arrived on
   * receiving stream {@code stream} at {@code nowNanos}.
   */
  public void onPacket(int stream, long sequence, long sendNanos, int length, long nowNanos) {
    if (stream < 0 || stream >= streams || sequence < 0) {
      foreign++;
      return;
    }
    seen++;
    intervalPackets++;
    intervalBytes += length;
    long latency = nowNanos - sendNanos;
    interval.record(latency);
    if (recordTotals) {
      packets++;
      bytes += length;
      total.record(latency);
    }
    int base = stream * WINDOW_WORDS;
    long hi = highest[stream];
    if (hi < 0) {
      first[stream] = sequence;
      highest[stream] = sequence;
      firstArrival[stream] = nowNanos;
      setBit(base, sequence);
      countUnique(stream, sequence);
      intervalExpected++;
      intervalUnique++;
      return;
    }
    if (sequence > hi) {
      long gap = sequence - hi;
      if (gap >= WINDOW_BITS) {
        Arrays.fill(window, base, base + WINDOW_WORDS, 0L);
      } else {
        for (long s = hi + 1; s < sequence; s++) {
          clearBit(base, s);
        }
      }
      setBit(base, sequence);
      highest[stream] = sequence;
      countUnique(stream, sequence);
      intervalExpected += gap;
      intervalUnique++;
      return;
    }
    if (hi - sequence >= WINDOW_BITS) {
      // Too old for the bitmap: a very late packet; count it as new (it cannot be told apart).
      reordered++;
      countUnique(stream, sequence);
      intervalUnique++;
      return;
    }
    if (sequence < first[stream]) {
      intervalExpected += first[stream] - sequence;
      first[stream] = sequence;
    }
    if (testBit(base, sequence)) {
      duplicates++;
    } else {
      setBit(base, sequence);
      reordered++;
      countUnique(stream, sequence);
      intervalUnique++;
    }
  }

  private void setBit(int base, long seq) {
    int bit = (int) (seq & (WINDOW_BITS - 1));
    window[base + (bit >>> 6)] |= 1L << (bit & 63);
  }

  private void clearBit(int base, long seq) {
    int bit = (int) (seq & (WINDOW_BITS - 1));
    window[base + (bit >>> 6)] &= ~(1L << (bit & 63));
  }

  private boolean testBit(int base, long seq) {
    int bit = (int) (seq & (WINDOW_BITS - 1));
    return (window[base + (bit >>> 6)] & (1L << (bit & 63))) != 0;
  }

  /** Receiving streams that got at least one packet. */
  public int streamsWithMedia() {
    int n = 0;
    for (long h : highest) {
      n += h >= 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * The latest first arrival over all streams that received media (nanoTime), or -1 if none:
   * "media reached everybody" when {@link #streamsWithMedia} covers every expected stream.
   */
  public long lastFirstArrivalNanos() {
    long max = -1;
    for (int s = 0; s < streams; s++) {
      if (highest[s] >= 0 && firstArrival[s] > max) {
        max = firstArrival[s];
      }
    }
    return max;
  }

  /** Packets accepted since creation (a progress counter for draining). */
  public long packetsSeen() {
    return seen;
  }

  /** Snapshot of the interval since the last call, then starts a new interval. */
  public Interval takeInterval() {
    Interval i = new Interval(intervalPackets, intervalBytes,
        Math.max(0, intervalExpected - intervalUnique), Math.max(intervalExpected, 0),
        interval.percentile(50), interval.percentile(99), interval.max());
    intervalPackets = 0;
    intervalBytes = 0;
    intervalExpected = 0;
    intervalUnique = 0;
    interval.reset();
    return i;
  }

  /** Packets/bytes per interval, loss counted against the highest sequence seen. */
  public record Interval(long packets, long bytes, long lost, long expected, long p50Nanos,
      long p99Nanos, long maxNanos) {}

  /**
   * Final loss: {@code lastSent[publisherStreamId]} is what the publisher sent last;
   * {@code publisherOf[stream]} maps each receiving stream to its publisher stream id. A stream
   * that never received anything counts every sent packet as lost.
   */
  public Totals totals(long[] lastSent, int[] publisherOf) {
    if (recordTotals) {
      return measuredTotals(lastSent, publisherOf);
    }
    long expected = 0;
    long received = 0;
    int silent = 0;
    for (int s = 0; s < streams; s++) {
      long last = lastSent[publisherOf[s]];
      if (highest[s] < 0) {
        if (last >= 0) {
          silent++;
          expected += last + 1;
        }
        continue;
      }
      long end = Math.max(last, highest[s]);
      expected += end - first[s] + 1;
      received += unique[s];
    }
    return new Totals(packets, bytes, expected, Math.min(received, expected), duplicates,
        reordered, foreign, silent, total);
  }

  private Totals measuredTotals(long[] lastSent, int[] publisherOf) {
    long expected = 0;
    long received = 0;
    int silent = 0;
    for (int s = 0; s < streams; s++) {
      long last = lastSent[publisherOf[s]];
      long from = measureFrom[s] + 1;
      if (highest[s] < 0) {
        if (last >= from) {
          silent++;
          expected += last - from + 1;
        }
        continue;
      }
      long begin = Math.max(from, first[s]);
      long end = Math.max(last, highest[s]);
      if (end >= begin) {
        expected += end - begin + 1;
      }
      received += measuredUnique[s];
    }
    return new Totals(packets, bytes, expected, Math.min(received, expected), duplicates,
        reordered, foreign, silent, total);
  }

  private void countUnique(int stream, long sequence) {
    unique[stream]++;
    if (recordTotals && sequence > measureFrom[stream]) {
      measuredUnique[stream]++;
    }
  }

  /** Whole-run figures; {@code latency} is the measured-window histogram (shared, don't mutate). */
  public record Totals(long packets, long bytes, long expected, long received, long duplicates,
      long reordered, long foreign, int silentStreams, LatencyHistogram latency) {
    public long lost() {
      return expected - received;
    }

    public double lossPercent() {
      return expected == 0 ? 0 : 100.0 * lost() / expected;
    }
  }
}
