package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.quality.NackGenerator.PacketOutcome;

class NackGeneratorTest {

  /** Records every callback as text so tests compare exact sequences of decisions. */
  static final class Recorder implements NackGenerator.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onNackRequired(int[] seqs, int count) {
      events.add("NACK " + Arrays.toString(Arrays.copyOf(seqs, count)));
    }

    @Override
    public void onKeyFrameRequired() {
      events.add("KF");
    }

    List<String> drain() {
      List<String> copy = new ArrayList<>(events);
      events.clear();
      return copy;
    }
  }

  private final Recorder rec = new Recorder();

  @Test
  void inOrderPacketsProduceNothing() {
    NackGenerator g = new NackGenerator(rec);
    for (int i = 0; i < 100; i++) {
      assertEquals(PacketOutcome.IN_ORDER, g.onPacket(i, false, i));
    }
    g.onTick(1000);
    assertEquals(List.of(), rec.drain());
  }

  @Test
  void gapIsNackedImmediatelyThenRetriedEveryRtt() {
    NackGenerator g = new NackGenerator(rec);
    g.setRtt(50);
    g.onPacket(10, false, 0);
    assertEquals(PacketOutcome.GAP, g.onPacket(13, false, 0));
    assertEquals(List.of("NACK [11, 12]"), rec.drain());
    g.onTick(49);
    assertEquals(List.of(), rec.drain());
    g.onTick(50);
    assertEquals(List.of("NACK [11, 12]"), rec.drain());
    assertEquals(PacketOutcome.RECOVERED, g.onPacket(11, false, 60));
    g.onTick(100);
    assertEquals(List.of("NACK [12]"), rec.drain());
    assertEquals(1, g.pendingCount());
    assertTrue(g.isPending(12));
    assertFalse(g.isPending(11));
    assertEquals(PacketOutcome.OLD, g.onPacket(11, false, 101));
    assertEquals(5, g.nacksSent());
  }

  @Test
  void retryIntervalHasAFloorAndAFactor() {
    NackGenerator g = new NackGenerator(rec, 1000, 1000, 10, 20, 1.5);
    g.setRtt(5);
    assertEquals(30, g.retryIntervalMs());
    g.setRtt(100);
    assertEquals(150, g.retryIntervalMs());
  }

  @Test
  void givesUpAfterMaxRetriesAndAsksForKeyFrame() {
    NackGenerator g = new NackGenerator(rec, 1000, 10_000, 3, 20, 1.0);
    g.setRtt(10); // interval = 20 ms floor
    g.onPacket(0, true, 0);
    g.onPacket(2, false, 0);
    assertEquals(List.of("NACK [1]"), rec.drain()); // retry 1
    g.onTick(20);
    assertEquals(List.of("NACK [1]"), rec.drain()); // retry 2
    g.onTick(40);
    assertEquals(List.of("NACK [1]"), rec.drain()); // retry 3
    g.onTick(59);
    assertEquals(List.of(), rec.drain());
    g.onTick(60); // interval elapsed after the last retry: give up
    assertEquals(List.of("KF"), rec.drain());
    assertEquals(0, g.pendingCount());
    assertEquals(1, g.givenUpCount());
    assertEquals(PacketOutcome.OLD, g.onPacket(1, false, 70));
  }

  @Test
  void givesUpAtMaxAge() {
    NackGenerator g = new NackGenerator(rec, 1000, 100, 100, 20, 1.0);
    g.setRtt(40);
    g.onPacket(100, false, 0);
    g.onPacket(102, false, 0);
    rec.drain();
    g.onTick(40);
    g.onTick(80);
    assertEquals(List.of("NACK [101]", "NACK [101]"), rec.drain());
    g.onTick(100);
    assertEquals(List.of("KF"), rec.drain());
  }

  @Test
  void lossBeforeANewerKeyFrameNeedsNoKeyFrame() {
    NackGenerator g = new NackGenerator(rec, 1000, 100, 100, 20, 1.0);
    g.onPacket(0, false, 0);
    g.onPacket(5, false, 0); // 1..4 missing
    g.onPacket(6, true, 1); // key frame after the loss
    rec.drain();
    g.onTick(100);
    assertEquals(List.of(), rec.drain());
    assertEquals(0, g.pendingCount());
    assertEquals(4, g.givenUpCount());
  }

  @Test
  void wrapAroundGap() {
    NackGenerator g = new NackGenerator(rec);
    g.onPacket(65533, false, 0);
    g.onPacket(2, false, 0);
    assertEquals(List.of("NACK [65534, 65535, 0, 1]"), rec.drain());
    assertEquals(PacketOutcome.RECOVERED, g.onPacket(65535, false, 1));
    assertEquals(PacketOutcome.RECOVERED, g.onPacket(0, false, 1));
    g.onTick(100);
    assertEquals(List.of("NACK [65534, 1]"), rec.drain());
  }

  @Test
  void reorderingWithinTheGapRecovers() {
    NackGenerator g = new NackGenerator(rec);
    g.onPacket(1, false, 0);
    g.onPacket(3, false, 0);
    g.onPacket(2, false, 1);
    g.onPacket(4, false, 1);
    assertEquals(List.of("NACK [2]"), rec.drain());
    assertEquals(1, g.recoveredCount());
    g.onTick(1000);
    assertEquals(List.of(), rec.drain());
  }

  @Test
  void tooLargeGapResetsAndRequestsKeyFrame() {
    NackGenerator g = new NackGenerator(rec, 100, 1000, 10, 20, 1.0);
    g.onPacket(0, false, 0);
    g.onPacket(3, false, 0);
    rec.drain();
    assertEquals(PacketOutcome.TOO_LARGE_GAP, g.onPacket(200, false, 5));
    assertEquals(List.of("KF"), rec.drain());
    assertEquals(0, g.pendingCount());
    // A too-large gap that lands on a key frame needs no request.
    assertEquals(PacketOutcome.TOO_LARGE_GAP, g.onPacket(400, true, 6));
    assertEquals(List.of(), rec.drain());
  }

  @Test
  void windowOverflowDropsOldestEntries() {
    NackGenerator g = new NackGenerator(rec, 10, 1000, 10, 20, 1.0);
    g.onPacket(0, false, 0);
    g.onPacket(5, false, 0); // 1..4 pending
    g.onPacket(13, false, 0); // window is [3, 12]: 1 and 2 fall out
    assertEquals(List.of("NACK [1, 2, 3, 4]", "NACK [6, 7, 8, 9, 10, 11, 12]", "KF"), rec.drain());
    assertEquals(9, g.pendingCount());
    assertFalse(g.isPending(2));
    assertTrue(g.isPending(3));
  }

  @Test
  void resetForgetsTheStream() {
    NackGenerator g = new NackGenerator(rec);
    g.onPacket(0, false, 0);
    g.onPacket(5, false, 0);
    g.reset();
    assertEquals(0, g.pendingCount());
    assertEquals(PacketOutcome.IN_ORDER, g.onPacket(30_000, false, 1));
    g.onTick(1000);
    rec.drain();
    assertEquals(List.of(), rec.drain());
  }

  /** Seeded 10 % loss with retransmissions that arrive one RTT later: nothing is left behind. */
  @Test
  void seededLossIsFullyRecoveredWhenRetransmissionsArrive() {
    java.util.Random rnd = new java.util.Random(7);
    List<int[]> requested = new ArrayList<>();
    NackGenerator g = new NackGenerator(new NackGenerator.Listener() {
      @Override
      public void onNackRequired(int[] seqs, int count) {
        requested.add(Arrays.copyOf(seqs, count));
      }

      @Override
      public void onKeyFrameRequired() {
        throw new AssertionError("no key frame expected");
      }
    });
    g.setRtt(40);
    int lostOnce = 0;
    for (int t = 0; t < 20_000; t++) {
      int seq = t & 0xFFFF;
      if (t == 0 || rnd.nextInt(10) != 0) {
        g.onPacket(seq, false, t);
      } else {
        lostOnce++;
      }
      // the sender answers NACKs instantly; the network drops 10 % of the retransmissions too
      if (t % 20 == 0) {
        g.onTick(t);
      }
      List<int[]> batch = new ArrayList<>(requested);
      requested.clear();
      for (int[] b : batch) {
        for (int s : b) {
          if (rnd.nextInt(10) != 0) {
            g.onPacket(s, false, t);
          }
        }
      }
    }
    g.onPacket(20_000 & 0xFFFF, false, 20_000);
    for (int t = 20_000; t < 22_000; t += 20) {
      g.onTick(t);
      for (int[] b : requested) {
        for (int s : b) {
          g.onPacket(s, false, t);
        }
      }
      requested.clear();
    }
    assertTrue(lostOnce > 1800, "lost " + lostOnce);
    assertEquals(0, g.pendingCount());
    assertEquals(lostOnce, g.recoveredCount());
    assertEquals(0, g.givenUpCount());
  }
}
