package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.Remb;
import org.sfu4j.media.rtcp.RtcpPacketType;

/**
 * The router tick visits a transport only when it has timer work: a transport with producers on
 * every tick (NACK retries, key frame requests), a consumers-only transport at its BWE allocation
 * (every 200 ms) and its consumers' Sender Reports (every second) — which still go out at exactly
 * the tick times they did when every consumer was visited every 20 ms — and on every tick again
 * once its BWE is active (probing). Fake clock, hand-driven ticks.
 */
class RouterTickScheduleTest {
  static final long SSRC = 0x3333_0000L;
  static final long TICK = Router.TICK_MS;

  @Test
  void consumersOnlyTransportIsVisitedOnlyWhenDueAndSenderReportsKeepTheirTimes() {
    try (EngineHarness h = new EngineHarness()) {
      List<Long> srTimes = new ArrayList<>();
      h.recv.setRtcpListener(buf -> {
        if ((buf.getByte(buf.readerIndex() + 1) & 0xFF) == RtcpPacketType.SR) {
          srTimes.add(h.clock.get());
        }
      });
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      Consumer consumer = h.consume(producer, false);
      long t0 = h.clock.get();
      for (int i = 0; i < 5; i++) {
        h.inject(EngineHarness.rtp(96, 700 + i, 3000L * i, SSRC, null,
            EngineHarness.vp8Payload(i == 0)));
      }
      assertEquals(5, h.take().size(), "the consumer forwarded the packets");
      long[] before = counts(h);
      // 101 ticks, t0 .. t0 + 2000 ms.
      for (long t = t0; t <= t0 + 2000; t += TICK) {
        tickAt(h, t);
      }
      long[] after = counts(h);
      // send (a producer): every tick. recv (a consumer only): the first tick (arms the SR timer
      // and the BWE), then its BWE allocation every 200 ms, which also covers the SRs at 1000
      // and 2000: t0, +200, +400, ..., +2000 = 11 visits, 90 skips.
      assertEquals(101 + 11, after[0] - before[0], "transports visited");
      assertEquals(90, after[1] - before[1], "transports skipped as not due");
      // The SR timer armed on the first tick fires on the first tick at or after 1 s, then again.
      assertEquals(List.of(t0 + 1000, t0 + 2000), srTimes);
      consumer.close().join();
      producer.close().join();
    }
  }

  @Test
  void consumersOnlyTransportWithActiveBweIsVisitedEveryTick() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      Consumer consumer = h.consume(producer, false);
      long t0 = h.clock.get();
      tickAt(h, t0);
      tickAt(h, t0 + TICK);
      long[] before = counts(h);
      tickAt(h, t0 + 2 * TICK);
      assertEquals(1, counts(h)[1] - before[1], "recv not due before feedback");
      // A REMB from the receiving endpoint activates the downlink estimate: probing and the
      // DownlinkBwe event then need every tick, from the very next one.
      Remb.Builder remb = new Remb.Builder().set(h.recv.rtcpSsrc(), 2_000_000);
      remb.addSsrc(consumer.ssrc());
      ByteBuf buf = Unpooled.buffer(remb.sizeInBytes());
      remb.writeTo(buf);
      h.onLoop(() -> {
        h.recv.injectRtcp(buf);
        return null;
      });
      buf.release();
      before = counts(h);
      for (int i = 3; i < 13; i++) {
        tickAt(h, t0 + i * TICK);
      }
      long[] after = counts(h);
      assertEquals(20, after[0] - before[0], "both transports visited on each of 10 ticks");
      assertEquals(0, after[1] - before[1]);
      consumer.close().join();
      producer.close().join();
    }
  }

  @Test
  void newConsumerMakesItsTransportDueOnTheNextTick() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      Consumer first = h.consume(producer, false);
      long t0 = h.clock.get();
      tickAt(h, t0);
      long[] before = counts(h);
      tickAt(h, t0 + TICK);
      assertEquals(1, counts(h)[1] - before[1], "recv skipped");
      Consumer second = h.consume(producer, false);
      before = counts(h);
      tickAt(h, t0 + 2 * TICK);
      assertEquals(2, counts(h)[0] - before[0], "recv visited to arm the new consumer's timers");
      second.close().join();
      first.close().join();
      producer.close().join();
    }
  }

  private static void tickAt(EngineHarness h, long t) {
    h.clock.set(t);
    h.onLoop(() -> {
      h.router.tick(t);
      return null;
    });
  }

  private static long[] counts(EngineHarness h) {
    return h.onLoop(() -> new long[] {h.router.transportTicks(), h.router.transportTicksSkipped()});
  }
}
