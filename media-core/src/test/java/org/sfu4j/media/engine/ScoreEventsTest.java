package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.ReceiverReport;

/**
 * mediasoup's producer and consumer {@code score} events: a producer stream scored from its loss
 * after repair at each Receiver Report we send (fanned out to its consumers as their
 * {@code producerScore}), and a consumer scored from the loss its receiver reports between two
 * report blocks. Values follow {@link org.sfu4j.media.quality.StreamScore}: round(10 * r^4).
 */
class ScoreEventsTest {
  static final long SSRC = 0x3333_0000L;

  @Test
  void producerLossLowersTheProducerScoreAndTheConsumersProducerScore() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      Consumer consumer = h.consume(producer, false);
      List<List<ProducerScore>> producerEvents = new ArrayList<>();
      List<ConsumerScore> consumerEvents = new ArrayList<>();
      producer.addListener(new Producer.Listener() {
        @Override
        public void onScore(List<ProducerScore> scores) {
          producerEvents.add(scores);
        }
      });
      consumer.addListener(new Consumer.Listener() {
        @Override
        public void onScore(ConsumerScore score) {
          consumerEvents.add(score);
        }
      });
      long t0 = h.clock.get();
      h.onLoop(() -> {
        for (int i = 0; i < 10; i++) {
          if (i == 3 || i == 5) {
            continue; // lost, never repaired
          }
          ByteBuf p = EngineHarness.rtp(96, 100 + i, 3000L * i, SSRC, null,
              EngineHarness.vp8Payload(i == 0));
          h.send.injectRtp(p);
          p.release();
        }
        h.router.tick(t0);
        return null;
      });
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 1000); // the first RR: 8 of 10 delivered
        return null;
      });
      h.sync();
      assertEquals(1, producerEvents.size(), "one event per change");
      ProducerScore s = producerEvents.get(0).get(0);
      assertEquals(0, s.encodingIdx);
      assertEquals(SSRC, s.ssrc);
      assertEquals(4, s.score); // round(10 * 0.8^4) = round(4.096)
      assertEquals(4, (int) h.onLoop(producer::score));
      assertEquals(1, consumerEvents.size(), "the consumer hears of its producer's score");
      ConsumerScore c = consumerEvents.get(0);
      assertEquals(10, c.score, "nothing reported about the consumer's own stream yet");
      assertEquals(4, c.producerScore);
      assertEquals(List.of(4), c.producerScores);

      // A clean second interval: history (4, 10) weighted 1, 2 -> round(24 / 3) = 8.
      h.onLoop(() -> {
        for (int i = 10; i < 20; i++) {
          ByteBuf p = EngineHarness.rtp(96, 100 + i, 3000L * i, SSRC, null,
              EngineHarness.vp8Payload(false));
          h.send.injectRtp(p);
          p.release();
        }
        return null;
      });
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 2000);
        return null;
      });
      h.sync();
      assertEquals(2, producerEvents.size());
      assertEquals(8, producerEvents.get(1).get(0).score);
      assertEquals(8, consumerEvents.get(1).producerScore);
    }
  }

  @Test
  void aCleanStreamIsAnnouncedOnceAtTen() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      List<List<ProducerScore>> events = new ArrayList<>();
      producer.addListener(new Producer.Listener() {
        @Override
        public void onScore(List<ProducerScore> scores) {
          events.add(scores);
        }
      });
      long t0 = h.clock.get();
      assertEquals(0, (int) h.onLoop(producer::score), "not scored yet");
      for (int round = 0; round < 3; round++) {
        int first = 100 + 10 * round;
        h.onLoop(() -> {
          for (int i = 0; i < 10; i++) {
            ByteBuf p = EngineHarness.rtp(96, first + i, 3000L * (first + i), SSRC, null,
                EngineHarness.vp8Payload(first + i == 100));
            h.send.injectRtp(p);
            p.release();
          }
          return null;
        });
        long now = t0 + 1000L * round;
        h.onLoop(() -> {
          h.router.tick(now);
          return null;
        });
        h.advance(1000);
      }
      h.sync();
      assertEquals(1, events.size(), "0 -> 10 once, then no change");
      assertEquals(10, events.get(0).get(0).score);
    }
  }

  @Test
  void reportedDownstreamLossLowersTheConsumerScore() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      Consumer consumer = h.consume(producer, false);
      List<ConsumerScore> events = new ArrayList<>();
      consumer.addListener(new Consumer.Listener() {
        @Override
        public void onScore(ConsumerScore score) {
          events.add(score);
        }
      });
      h.sync();
      injectReceiverReport(h, consumer.ssrc(), 0, 1000);
      h.sync();
      assertEquals(List.of(), events, "the first block is only the baseline");
      injectReceiverReport(h, consumer.ssrc(), 10, 1100); // 10 of 100 lost
      h.sync();
      assertEquals(1, events.size());
      assertEquals(7, events.get(0).score); // round(10 * 0.9^4) = round(6.561)
      assertEquals(7, (int) h.onLoop(consumer::score));
      injectReceiverReport(h, consumer.ssrc(), 10, 1100); // no new packets: unchanged, no event
      injectReceiverReport(h, consumer.ssrc(), 10, 1050); // stale report: ignored
      h.sync();
      assertEquals(1, events.size());
      // A listener that is gone hears nothing; a closed consumer fires nothing.
      h.onLoop(() -> consumer.close());
      injectReceiverReport(h, consumer.ssrc(), 50, 1200);
      h.sync();
      assertEquals(1, events.size());
    }
  }

  private static void injectReceiverReport(EngineHarness h, long mediaSsrc, int cumulativeLost,
      long extendedHighestSeq) {
    ReceiverReport.Builder b = new ReceiverReport.Builder().senderSsrc(0x4444);
    b.addReportBlock(mediaSsrc, 0, cumulativeLost, extendedHighestSeq, 0, 0, 0);
    ByteBuf out = Unpooled.buffer(b.sizeInBytes());
    b.writeTo(out);
    h.onLoop(() -> {
      h.recv.injectRtcp(out);
      return null;
    });
    out.release();
  }
}
