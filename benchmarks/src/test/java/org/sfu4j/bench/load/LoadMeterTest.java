package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoadMeterTest {
  private static final long[] LAST_SENT = {99};
  private static final int[] ONE_PUBLISHER = {0};

  private static void feed(LoadMeter m, long... seqs) {
    for (long s : seqs) {
      m.onPacket(0, s, 0, 100, 1_000_000);
    }
  }

  @Test
  void inOrderWithoutLoss() {
    LoadMeter m = new LoadMeter(1);
    m.startMeasuring();
    for (long s = 0; s < 100; s++) {
      m.onPacket(0, s, 0, 1000, 500_000);
    }
    LoadMeter.Totals t = m.totals(LAST_SENT, ONE_PUBLISHER);
    assertEquals(100, t.expected());
    assertEquals(100, t.received());
    assertEquals(0, t.lost());
    assertEquals(100, t.packets());
    assertEquals(100_000, t.bytes());
    assertEquals(500_000, t.latency().max());
  }

  @Test
  void gapsReorderingAndDuplicatesAreExact() {
    LoadMeter m = new LoadMeter(1);
    feed(m, 10, 11, 13, 12, 12, 15, 11, 20);
    // first 10, highest 20: expected 11 (10..20); unique 10,11,12,13,15,20 = 6
    LoadMeter.Interval i = m.takeInterval();
    assertEquals(11, i.expected());
    assertEquals(5, i.lost());
    assertEquals(8, i.packets());
    LoadMeter.Totals t = m.totals(new long[] {20}, ONE_PUBLISHER);
    assertEquals(11, t.expected());
    assertEquals(6, t.received());
    assertEquals(2, t.duplicates());
    assertEquals(1, t.reordered());
  }

  @Test
  void tailLossCountsAgainstWhatThePublisherSent() {
    LoadMeter m = new LoadMeter(1);
    feed(m, 0, 1, 2);
    LoadMeter.Totals t = m.totals(new long[] {9}, ONE_PUBLISHER);
    assertEquals(10, t.expected());
    assertEquals(3, t.received());
    assertEquals(70.0, t.lossPercent(), 1e-9);
  }

  @Test
  void bigJumpsClearTheWindowAndSilentStreamsCount() {
    LoadMeter m = new LoadMeter(2);
    feed(m, 5, 5 + LoadMeter.WINDOW_BITS * 3L, 6 + LoadMeter.WINDOW_BITS * 3L);
    // a sequence one window old again is not a duplicate
    feed(m, 6 + LoadMeter.WINDOW_BITS * 2L + 1);
    LoadMeter.Totals t = m.totals(new long[] {6 + LoadMeter.WINDOW_BITS * 3L},
        new int[] {0, 0});
    assertEquals(0, t.duplicates());
    assertEquals(4, t.received());
    assertEquals(1, t.silentStreams());
    long perStream = 6 + LoadMeter.WINDOW_BITS * 3L - 5 + 1;
    assertEquals(perStream + 6 + LoadMeter.WINDOW_BITS * 3L + 1, t.expected());
  }

  @Test
  void earlierThanFirstExtendsTheStream() {
    LoadMeter m = new LoadMeter(1);
    feed(m, 5, 6, 3, 4);
    LoadMeter.Totals t = m.totals(new long[] {6}, ONE_PUBLISHER);
    assertEquals(4, t.expected());
    assertEquals(4, t.received());
    assertEquals(0, t.lost());
    assertEquals(4, m.takeInterval().expected());
  }

  @Test
  void foreignStreamsAreCountedNotMeasured() {
    LoadMeter m = new LoadMeter(1);
    m.onPacket(-1, 0, 0, 10, 0);
    m.onPacket(3, 0, 0, 10, 0);
    assertEquals(2, m.totals(new long[] {-1}, ONE_PUBLISHER).foreign());
  }

  @Test
  void lossDuringTheWarmUpIsNotCountedEvenWhenSeenAfterTheMark() {
    LoadMeter m = new LoadMeter(1);
    feed(m, 0, 1, 2, 4, 5); // 3 lost in the warm-up; 6, 7 sent before the pause, lost too
    m.startMeasuring(new long[] {7}, ONE_PUBLISHER);
    feed(m, 8, 9, 11, 12); // 10 lost while measuring
    LoadMeter.Totals t = m.totals(new long[] {12}, ONE_PUBLISHER);
    assertEquals(5, t.expected()); // 8..12
    assertEquals(4, t.received());
    assertEquals(1, t.lost());
    LoadMeter whole = new LoadMeter(1);
    feed(whole, 0, 1, 2, 4, 5, 8, 9, 11, 12);
    assertEquals(4, whole.totals(new long[] {12}, ONE_PUBLISHER).lost()); // no mark: all of it
  }

  @Test
  void aLateWarmUpPacketDoesNotCountAsMeasured() {
    LoadMeter m = new LoadMeter(1);
    feed(m, 0, 2);
    m.startMeasuring();
    feed(m, 1, 3, 4); // 1 is a warm-up packet arriving late
    LoadMeter.Totals t = m.totals(new long[] {4}, ONE_PUBLISHER);
    assertEquals(2, t.expected());
    assertEquals(2, t.received());
    assertEquals(0, t.lost());
  }
}
