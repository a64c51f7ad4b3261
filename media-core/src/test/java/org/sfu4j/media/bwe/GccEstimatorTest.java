package org.sfu4j.media.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.TransportCcFeedback;

class GccEstimatorTest {

  /**
   * Sender → bottleneck (FIFO, drop-tail at 300 ms of queue, optional random loss) → receiver
   * that generates real TWCC feedback bytes → back to the sender after 20 ms. 1 ms steps.
   */
  static final class Sim {
    final GccEstimator est = new GccEstimator(300_000, 50_000, 10_000_000);
    final TransportCcSendHistory history = new TransportCcSendHistory();
    final TransportCcSendHistory.PacketResults results = new TransportCcSendHistory.PacketResults();
    final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {seq, arrivalUs}
    final ArrayDeque<Object[]> feedback = new ArrayDeque<>(); // {deliverMs, bytes}
    final TransportCcFeedback view = new TransportCcFeedback();
    final Random rnd = new Random(11);
    long capacityBps = 1_000_000;
    double randomLoss;
    long linkFreeAtUs;
    long now;
    double credit;
    long queueDelaySumUs;
    long queueSamples;
    final TransportCcFeedbackGenerator gen;

    Sim() {
      gen = new TransportCcFeedbackGenerator(b -> {
        ByteBuf out = Unpooled.buffer(b.sizeInBytes());
        b.writeTo(out);
        feedback.add(new Object[] {now + 20, out});
      }, 100);
    }

    void run(long ms) {
      long end = now + ms;
      for (; now < end; now++) {
        long nowUs = now * 1000;
        credit += est.availableBitrate() / 1000.0;
        while (credit >= 1200 * 8) {
          credit -= 1200 * 8;
          int seq = history.onPacketSent(1200, now);
          long queueUs = Math.max(0, linkFreeAtUs - nowUs);
          if (queueUs > 300_000 || rnd.nextDouble() < randomLoss) {
            continue;
          }
          queueDelaySumUs += queueUs;
          queueSamples++;
          long depart = Math.max(nowUs, linkFreeAtUs) + 1200L * 8 * 1_000_000 / capacityBps;
          linkFreeAtUs = depart;
          inFlight.add(new long[] {seq, depart + 20_000});
        }
        while (!inFlight.isEmpty() && inFlight.peek()[1] <= nowUs) {
          long[] p = inFlight.poll();
          gen.onPacket((int) p[0], p[1]);
        }
        gen.onTick(now);
        while (!feedback.isEmpty() && (long) feedback.peek()[0] <= now) {
          ByteBuf b = (ByteBuf) feedback.poll()[1];
          view.wrap(b, 0, b.readableBytes());
          history.onFeedback(view, now, results);
          est.onPacketResults(results, now);
          b.release();
        }
      }
    }

    long avgQueueMsAndReset() {
      long r = queueSamples == 0 ? 0 : queueDelaySumUs / queueSamples / 1000;
      queueDelaySumUs = 0;
      queueSamples = 0;
      return r;
    }
  }

  @Test
  void convergesToCapacityFollowsADropAndClimbsBack() {
    Sim sim = new Sim();
    sim.run(30_000);
    long e1 = sim.est.availableBitrate();
    long q1 = sim.avgQueueMsAndReset();
    sim.capacityBps = 500_000;
    sim.run(5_000);
    long e2 = sim.est.availableBitrate();
    sim.run(10_000);
    long q2 = sim.avgQueueMsAndReset();
    sim.capacityBps = 2_500_000;
    sim.run(30_000);
    long e3 = sim.est.availableBitrate();
    System.out.printf("GCC sim: 1 Mbit/s -> %d bps (avg queue %d ms); 500 kbit/s -> %d bps after 5 s "
        + "(avg queue %d ms); 2.5 Mbit/s -> %d bps after 30 s%n", e1, q1, e2, q2, e3);
    assertTrue(e1 > 650_000 && e1 < 1_150_000, "1 Mbit/s link: " + e1);
    assertTrue(e2 < 600_000, "500 kbit/s link: " + e2);
    assertTrue(q2 < 200, "queue at 500 kbit/s: " + q2);
    assertTrue(e3 > 1_500_000, "2.5 Mbit/s link: " + e3);
  }

  @Test
  void heavyRandomLossLowersTheEstimate() {
    Sim sim = new Sim();
    sim.capacityBps = 5_000_000;
    sim.run(10_000);
    long before = sim.est.availableBitrate();
    sim.randomLoss = 0.25;
    sim.run(5_000);
    long after = sim.est.availableBitrate();
    System.out.printf("GCC sim: no loss %d bps; 25%% loss -> %d bps (loss fraction %.2f)%n",
        before, after, sim.est.lastLossFraction());
    // The last batch (>= 20 packets) is a noisy sample of 25 % random loss.
    assertTrue(sim.est.lastLossFraction() > 0.05, "loss seen: " + sim.est.lastLossFraction());
    assertTrue(after < before / 2, before + " -> " + after);
  }

  @Test
  void rembAloneIsTheEstimateWithinBounds() {
    GccEstimator est = new GccEstimator(300_000, 50_000, 10_000_000);
    assertEquals(300_000, est.availableBitrate());
    assertEquals(1_234_000, est.onRemb(1_234_000, 0));
    assertEquals(10_000_000, est.onRemb(20_000_000, 1)); // ceiling
    assertEquals(50_000, est.onRemb(1, 2)); // floor
  }
}
