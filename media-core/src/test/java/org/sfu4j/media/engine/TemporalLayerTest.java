package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Temporal-layer filtering through DirectTransports: exact seq, picture id, TL0PICIDX, events. */
class TemporalLayerTest {
  private static final long SSRC = 0x5151L;

  /**
   * VP8 payload: descriptor X=1, S={@code start}, PID 0; I (15-bit picture id), L (TL0PICIDX),
   * T (TID, Y); then 3 bytes of VP8 payload (key frames P=0).
   */
  static byte[] vp8(boolean key, boolean start, int pic, int tl0, int tid, boolean y) {
    return new byte[] {(byte) (start ? 0x90 : 0x80), (byte) 0xE0, (byte) (0x80 | (pic >> 8)), (byte) pic,
        (byte) tl0, (byte) ((tid << 6) | (y ? 0x20 : 0)), (byte) (key ? 0x10 : 0x11), 0x02, 0x00};
  }

  static int pictureIdOf(EngineHarness.Out o) {
    int p = o.bytes.length - 9;
    return ((o.bytes[p + 2] & 0x7F) << 8) | (o.bytes[p + 3] & 0xFF);
  }

  static int tl0Of(EngineHarness.Out o) {
    return o.bytes[o.bytes.length - 9 + 4] & 0xFF;
  }

  private static List<ConsumerLayers> layerEvents(EngineHarness h, Consumer c) {
    List<ConsumerLayers> events = new ArrayList<>();
    c.addListener(new Consumer.Listener() {
      @Override
      public void onLayersChange(ConsumerLayers layers) {
        events.add(layers);
      }
    });
    h.sync();
    return events;
  }

  /** Sends one single-packet frame; returns nothing, the harness records what came out. */
  private static void frame(EngineHarness h, int seq, int pic, int tl0, int tid, boolean y) {
    h.inject(EngineHarness.rtp(96, seq, 3000L * pic, SSRC, null, vp8(false, true, pic, tl0, tid, y)));
  }

  @Test
  void simpleConsumerFiltersVp8L1T3WithContinuousSeqAndPictureIds() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.vp8Simple(SSRC);
      po.rtpParameters.encodings.get(0).scalabilityMode = "L1T3";
      Producer producer = h.produce(po);
      assertEquals(ProducerType.SIMPLE, producer.type());
      Consumer consumer = h.consume(producer, false);
      assertEquals(ConsumerType.SIMPLE, consumer.type());
      assertEquals(new ConsumerLayers(0, 2), consumer.preferredLayers().join());
      assertNull(consumer.currentLayers().join());
      List<ConsumerLayers> events = layerEvents(h, consumer);

      // Target 2: the key frame and a full group 2,1,2 pass; TL0 of the next group too.
      h.inject(EngineHarness.rtp(96, 1000, 300_000, SSRC, null, vp8(true, true, 100, 10, 0, false)));
      frame(h, 1001, 101, 10, 2, true);
      frame(h, 1002, 102, 10, 1, true);
      frame(h, 1003, 103, 10, 2, false);
      frame(h, 1004, 104, 11, 0, false);
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(1000, 1001, 1002, 1003, 1004), seqs(out));
      assertEquals(List.of(100, 101, 102, 103, 104), pics(out));
      assertEquals(List.of(new ConsumerLayers(0, 2)), events);

      // Down to TL0: applied at the next frame start; the TL0 frame follows without any gap.
      consumer.setPreferredLayers(new ConsumerLayers(0, 0)).join();
      frame(h, 1005, 105, 11, 2, true);
      frame(h, 1006, 106, 11, 1, true);
      frame(h, 1007, 107, 11, 2, false);
      frame(h, 1008, 108, 12, 0, false);
      out = h.take();
      assertEquals(List.of(1005), seqs(out));
      assertEquals(List.of(105), pics(out));
      assertEquals(List.of(12), tl0s(out));
      assertEquals(new ConsumerLayers(0, 0), events.get(events.size() - 1));
      assertEquals(new ConsumerLayers(0, 0), consumer.currentLayers().join());

      // Up to TL1: a TL2 sync frame is above the target; the TL1 frame with Y=1 switches.
      consumer.setPreferredLayers(new ConsumerLayers(0, 1)).join();
      frame(h, 1009, 109, 12, 2, true);
      frame(h, 1010, 110, 12, 1, true);
      frame(h, 1011, 111, 12, 2, false);
      frame(h, 1012, 112, 13, 0, false);
      out = h.take();
      assertEquals(List.of(1006, 1007), seqs(out));
      assertEquals(List.of(106, 107), pics(out));
      assertEquals(List.of(12, 13), tl0s(out));
      assertEquals(new ConsumerLayers(0, 1), events.get(events.size() - 1));

      // Up to TL2 with non-sync TL2 frames: they wait for the next TL0 frame start.
      consumer.setPreferredLayers(new ConsumerLayers(0, 2)).join();
      frame(h, 1013, 113, 13, 2, false);
      frame(h, 1014, 114, 13, 1, false);
      frame(h, 1015, 115, 13, 2, false);
      assertEquals(new ConsumerLayers(0, 1), consumer.currentLayers().join());
      frame(h, 1016, 116, 14, 0, false);
      frame(h, 1017, 117, 14, 2, false);
      out = h.take();
      assertEquals(List.of(1008, 1009, 1010), seqs(out));
      assertEquals(List.of(108, 109, 110), pics(out));
      assertEquals(new ConsumerLayers(0, 2), events.get(events.size() - 1));

      // A TL2 frame in two packets: lowering the target mid-frame finishes that frame first.
      h.inject(EngineHarness.rtp(96, 1018, 354_000, SSRC, null, vp8(false, true, 118, 14, 2, false)));
      consumer.setPreferredLayers(new ConsumerLayers(0, 0)).join();
      h.inject(EngineHarness.rtp(96, 1019, 354_000, SSRC, null, vp8(false, false, 118, 14, 2, false)));
      frame(h, 1020, 119, 14, 1, false);
      frame(h, 1021, 120, 15, 0, false);
      out = h.take();
      assertEquals(List.of(1011, 1012, 1013), seqs(out));
      assertEquals(List.of(111, 111, 112), pics(out));
      assertEquals(List.of(14, 14, 15), tl0s(out));
      assertEquals(List.of(new ConsumerLayers(0, 2), new ConsumerLayers(0, 0), new ConsumerLayers(0, 1),
          new ConsumerLayers(0, 2), new ConsumerLayers(0, 0)), events);
      assertEquals(8L, consumer.getStats().join().get(0).get("droppedTemporalLayer"));

      consumer.pause().join();
      assertNull(events.get(events.size() - 1));
      assertNull(consumer.currentLayers().join());
    }
  }

  @Test
  void simpleConsumerStartsAtPreferredTemporalLayerAndKeyFrameRaisesToTarget() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.vp8Simple(SSRC);
      po.rtpParameters.encodings.get(0).scalabilityMode = "L1T3";
      Producer producer = h.produce(po);
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.preferredLayers = new ConsumerLayers(0, 1);
      Consumer consumer = h.recv.consume(co).join();
      h.inject(EngineHarness.rtp(96, 7, 0, SSRC, null, vp8(true, true, 32766, 255, 0, false)));
      frame(h, 8, 32767, 255, 2, true);
      frame(h, 9, 0, 255, 1, true);
      frame(h, 10, 1, 255, 2, false);
      frame(h, 11, 2, 0, 0, false);
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(7, 8, 9), seqs(out));
      assertEquals(List.of(32766, 32767, 0), pics(out), "picture id wraps at 2^15");
      assertEquals(List.of(255, 255, 0), tl0s(out));
      assertEquals(new ConsumerLayers(0, 1), consumer.currentLayers().join());
    }
  }

  @Test
  void simulcastConsumerFiltersTemporalLayersOfTheCurrentStreamAndAcrossASwitch() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json");
      int midId = -1;
      int ridId = -1;
      for (var e : po.rtpParameters.headerExtensions) {
        if (e.uri.equals("urn:ietf:params:rtp-hdrext:sdes:mid")) {
          midId = e.id;
        } else if (e.uri.equals("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")) {
          ridId = e.id;
        }
      }
      String mid = po.rtpParameters.mid;
      Producer producer = h.produce(po);
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.preferredLayers = new ConsumerLayers(0, 0);
      Consumer consumer = h.recv.consume(co).join();
      List<ConsumerLayers> events = layerEvents(h, consumer);
      long s0 = 0xA0L;
      long s1 = 0xB0L;
      h.inject(EngineHarness.rtp(96, 100, 0, s0, EngineHarness.ext(midId, mid, ridId, "r0"),
          vp8(true, true, 500, 50, 0, false)));
      h.inject(EngineHarness.rtp(96, 101, 3000, s0, null, vp8(false, true, 501, 50, 2, true)));
      h.inject(EngineHarness.rtp(96, 102, 6000, s0, null, vp8(false, true, 502, 50, 1, true)));
      h.inject(EngineHarness.rtp(96, 103, 9000, s0, null, vp8(false, true, 503, 51, 0, false)));
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(100, 101), seqs(out));
      assertEquals(List.of(500, 501), pics(out));
      assertEquals(List.of(new ConsumerLayers(0, 0)), events);

      // Layer 1 at TL1: the switch happens at its key frame; pictures continue 502, 503, ...
      consumer.setPreferredLayers(new ConsumerLayers(1, 1)).join();
      h.inject(EngineHarness.rtp(96, 7000, 90_000, s1, EngineHarness.ext(midId, mid, ridId, "r1"),
          vp8(true, true, 20, 200, 0, false)));
      h.inject(EngineHarness.rtp(96, 7001, 93_000, s1, null, vp8(false, true, 21, 200, 2, true)));
      h.inject(EngineHarness.rtp(96, 7002, 96_000, s1, null, vp8(false, true, 22, 200, 1, true)));
      h.inject(EngineHarness.rtp(96, 7003, 99_000, s1, null, vp8(false, true, 23, 200, 2, false)));
      h.inject(EngineHarness.rtp(96, 7004, 102_000, s1, null, vp8(false, true, 24, 201, 0, false)));
      out = h.take();
      assertEquals(List.of(102, 103, 104), seqs(out));
      assertEquals(List.of(502, 503, 504), pics(out));
      assertEquals(List.of(52, 52, 53), tl0s(out));
      assertEquals(List.of(new ConsumerLayers(0, 0), new ConsumerLayers(1, 1)), events);
      assertEquals(new ConsumerLayers(1, 1), consumer.currentLayers().join());
    }
  }

  static List<Integer> seqs(List<EngineHarness.Out> out) {
    List<Integer> l = new ArrayList<>();
    out.forEach(o -> l.add(o.seq));
    return l;
  }

  static List<Integer> pics(List<EngineHarness.Out> out) {
    List<Integer> l = new ArrayList<>();
    out.forEach(o -> l.add(pictureIdOf(o)));
    return l;
  }

  static List<Integer> tl0s(List<EngineHarness.Out> out) {
    List<Integer> l = new ArrayList<>();
    out.forEach(o -> l.add(tl0Of(o)));
    return l;
  }
}
