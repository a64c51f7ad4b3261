package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.RtpHeaderExtensionParameters;
import org.sfu4j.media.ortc.RtpParameters;

/** Packets through DirectTransports with exact seq/ts/ssrc values on the consumer side. */
class ForwardingScenarioTest {
  private static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

  private static int extId(RtpParameters p, String uri) {
    for (RtpHeaderExtensionParameters e : p.headerExtensions) {
      if (e.uri.equals(uri)) {
        return e.id;
      }
    }
    return -1;
  }

  @Test
  void audioRewritesSsrcPayloadTypeAndExtensionsAndKeepsSeqContinuousAcrossPause() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.producerOptions("chrome-produce-opus.json");
      long inSsrc = po.rtpParameters.encodings.get(0).ssrc;
      String mid = po.rtpParameters.mid;
      int pMidId = extId(po.rtpParameters, MID_URI);
      Producer producer = h.produce(po);
      Consumer consumer = h.consume(producer, false);
      RtpParameters cp = consumer.rtpParameters();
      assertEquals("0", cp.mid);
      int cMidId = extId(cp, MID_URI);
      int cPt = cp.codecs.get(0).payloadType;
      assertEquals(100, cPt); // router's opus payload type, not Chrome's 111

      for (int i = 0; i < 5; i++) {
        h.inject(EngineHarness.rtp(111, 1000 + i, 48_000 + 960L * i, inSsrc,
            EngineHarness.ext(pMidId, mid), new byte[] {1, 2, 3, (byte) i}));
      }
      List<EngineHarness.Out> out = h.take();
      assertEquals(5, out.size());
      for (int i = 0; i < 5; i++) {
        EngineHarness.Out o = out.get(i);
        assertEquals(1000 + i, o.seq);
        assertEquals(48_000 + 960L * i, o.ts);
        assertEquals(consumer.ssrc(), o.ssrc);
        assertEquals(cPt, o.pt);
        assertArrayEquals("0".getBytes(), o.extensions.get(cMidId), "mid rewritten to the consumer's");
        assertEquals(consumer, o.consumer);
      }
      assertNotEquals(inSsrc, consumer.ssrc());

      consumer.pause().join();
      for (int i = 5; i < 10; i++) {
        h.inject(EngineHarness.rtp(111, 1000 + i, 48_000 + 960L * i, inSsrc, null, new byte[] {9}));
      }
      assertTrue(h.take().isEmpty(), "paused consumer forwards nothing");
      consumer.resume().join();
      for (int i = 10; i < 12; i++) {
        h.inject(EngineHarness.rtp(111, 1000 + i, 48_000 + 960L * i, inSsrc, null, new byte[] {9}));
      }
      out = h.take();
      assertEquals(List.of(1005, 1006), seqs(out), "no gap after resume");
      assertEquals(48_000 + 960L * 10, out.get(0).ts, "timestamps keep the source clock");

      producer.pause().join();
      h.inject(EngineHarness.rtp(111, 1012, 0, inSsrc, null, new byte[] {9}));
      assertTrue(h.take().isEmpty(), "paused producer forwards nothing");
      producer.resume().join();
      h.inject(EngineHarness.rtp(111, 1013, 48_000 + 960L * 13, inSsrc, null, new byte[] {9}));
      assertEquals(List.of(1007), seqs(h.take()));
    }
  }

  @Test
  void videoWaitsForKeyFrameAndRequestsOneOnStartAndResume() {
    try (EngineHarness h = new EngineHarness()) {
      long inSsrc = 0x11223344L;
      Producer producer = h.produce(EngineHarness.vp8Simple(inSsrc));
      Consumer consumer = h.consume(producer, false);
      assertEquals(List.of(inSsrc), h.takePliMediaSsrcs(), "a new consumer asks for a key frame");

      h.inject(EngineHarness.rtp(96, 500, 9000, inSsrc, null, EngineHarness.vp8Payload(false)));
      h.inject(EngineHarness.rtp(96, 501, 9000, inSsrc, null, EngineHarness.vp8Payload(false)));
      assertTrue(h.take().isEmpty(), "delta frames before the first key frame are dropped");
      assertTrue(h.takePliMediaSsrcs().isEmpty(), "PLI rate-limited (500 ms)");

      h.inject(EngineHarness.rtp(96, 502, 12000, inSsrc, null, EngineHarness.vp8Payload(true)));
      h.inject(EngineHarness.rtp(96, 503, 15000, inSsrc, null, EngineHarness.vp8Payload(false)));
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(502, 503), seqs(out));
      assertEquals(101, out.get(0).pt); // router VP8 payload type

      consumer.pause().join();
      h.inject(EngineHarness.rtp(96, 504, 18000, inSsrc, null, EngineHarness.vp8Payload(true)));
      h.advance(600);
      consumer.resume().join();
      assertEquals(List.of(inSsrc), h.takePliMediaSsrcs(), "resume asks for a key frame");
      h.inject(EngineHarness.rtp(96, 505, 21000, inSsrc, null, EngineHarness.vp8Payload(false)));
      h.inject(EngineHarness.rtp(96, 506, 24000, inSsrc, null, EngineHarness.vp8Payload(true)));
      h.inject(EngineHarness.rtp(96, 507, 27000, inSsrc, null, EngineHarness.vp8Payload(false)));
      out = h.take();
      assertEquals(List.of(504, 505), seqs(out), "resumed at the key frame, continuing 502,503");
      assertEquals(List.of(24000L, 27000L), List.of(out.get(0).ts, out.get(1).ts));

      // PLI from the receiver is routed by the consumer's SSRC to the producer stream.
      h.advance(600);
      io.netty.buffer.ByteBuf pli = io.netty.buffer.Unpooled.buffer(12);
      pli.writeByte(0x81).writeByte(206).writeShort(2).writeInt(1).writeInt((int) consumer.ssrc());
      try {
        h.recv.injectRtcp(pli);
      } finally {
        pli.release();
      }
      h.sync();
      assertEquals(List.of(inSsrc), h.takePliMediaSsrcs());
    }
  }

  @Test
  void simulcastLearnsRidsSwitchesOnKeyFramesWithContinuousSeqAndTimestamps() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json");
      int midId = extId(po.rtpParameters, MID_URI);
      int ridId = extId(po.rtpParameters, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
      String mid = po.rtpParameters.mid;
      Producer producer = h.produce(po);
      assertEquals(ProducerType.SIMULCAST, producer.type());
      Consumer consumer = h.consume(producer, false);
      assertEquals(ConsumerType.SIMULCAST, consumer.type());
      List<ConsumerLayers> layerEvents = new ArrayList<>();
      consumer.addListener(new Consumer.Listener() {
        @Override
        public void onLayersChange(ConsumerLayers layers) {
          layerEvents.add(layers);
        }
      });
      h.sync();
      long[] ssrc = {0xA0000001L, 0xB0000002L, 0xC0000003L};
      int[] seq = {100, 5000, 30000};
      long[] ts = {9000, 70000, 500000};
      String[] rid = {"r0", "r1", "r2"};

      // t=0: a key frame on each layer, low to high: the consumer climbs 0 -> 1 -> 2.
      for (int l = 0; l < 3; l++) {
        h.inject(EngineHarness.rtp(96, seq[l]++, ts[l], ssrc[l],
            EngineHarness.ext(midId, mid, ridId, rid[l]), EngineHarness.vp8Payload(true)));
      }
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(100, 101, 102), seqs(out));
      assertEquals(List.of(9000L, 9001L, 9002L), tss(out), "switch at the same instant: +1 tick");
      assertEquals(List.of(new ConsumerLayers(0, 2), new ConsumerLayers(1, 2), new ConsumerLayers(2, 2)), layerEvents);
      assertFalse(out.get(2).extensions.containsKey(ridId), "rid extension not forwarded");

      // t=33ms: deltas on every layer; only layer 2 passes, timestamps continue on its clock.
      h.advance(33);
      for (int l = 0; l < 3; l++) {
        ts[l] += 2970;
        h.inject(EngineHarness.rtp(96, seq[l]++, ts[l], ssrc[l], EngineHarness.ext(midId, mid), EngineHarness.vp8Payload(false)));
      }
      out = h.take();
      assertEquals(List.of(103), seqs(out));
      assertEquals(List.of(9002L + 2970), tss(out));
      assertEquals(ssrc[2], producer.getStats().join().get(2).get("ssrc"));

      // Prefer layer 0: PLI for r0; layer 2 keeps flowing until r0's key frame arrives.
      h.takePliMediaSsrcs();
      h.advance(600);
      consumer.setPreferredLayers(new ConsumerLayers(0, null)).join();
      assertEquals(List.of(ssrc[0]), h.takePliMediaSsrcs());
      ts[0] += 2970;
      ts[2] += 2970;
      h.inject(EngineHarness.rtp(96, seq[0]++, ts[0], ssrc[0], null, EngineHarness.vp8Payload(false)));
      h.inject(EngineHarness.rtp(96, seq[2]++, ts[2], ssrc[2], null, EngineHarness.vp8Payload(false)));
      out = h.take();
      assertEquals(List.of(104), seqs(out));
      long lastTs = out.get(0).ts;
      assertEquals(9002L + 2 * 2970, lastTs);
      h.advance(40);
      ts[0] += 3600;
      h.inject(EngineHarness.rtp(96, seq[0]++, ts[0], ssrc[0], null, EngineHarness.vp8Payload(true)));
      ts[0] += 3600;
      h.inject(EngineHarness.rtp(96, seq[0]++, ts[0], ssrc[0], null, EngineHarness.vp8Payload(false)));
      ts[2] += 3600;
      h.inject(EngineHarness.rtp(96, seq[2]++, ts[2], ssrc[2], null, EngineHarness.vp8Payload(false)));
      out = h.take();
      assertEquals(List.of(105, 106), seqs(out), "layer 2 dropped after switching down");
      assertEquals(List.of(lastTs + 40 * 90, lastTs + 40 * 90 + 3600), tss(out));
      assertEquals(new ConsumerLayers(0, 2), layerEvents.get(layerEvents.size() - 1));
      assertEquals(new ConsumerLayers(0, 2), consumer.currentLayers().join());
      for (EngineHarness.Out o : out) {
        assertEquals(consumer.ssrc(), o.ssrc);
      }
      consumer.pause().join();
      assertNull(layerEvents.get(layerEvents.size() - 1), "pause reports no layers");
      assertNull(consumer.currentLayers().join());
    }
  }

  /** VP8 descriptor with a 15-bit picture id and TL0PICIDX. */
  private static byte[] vp8WithPictureId(boolean key, int pictureId, int tl0) {
    return new byte[] {(byte) 0x90, (byte) 0xC0, (byte) (0x80 | (pictureId >> 8)), (byte) pictureId,
        (byte) tl0, (byte) (key ? 0x10 : 0x11), 0x02, 0x00};
  }

  private static int pictureIdOf(EngineHarness.Out o) {
    int payload = o.bytes.length - 8;
    return ((o.bytes[payload + 2] & 0x7F) << 8) | (o.bytes[payload + 3] & 0xFF);
  }

  private static int tl0Of(EngineHarness.Out o) {
    return o.bytes[o.bytes.length - 8 + 4] & 0xFF;
  }

  @Test
  void simulcastSwitchKeepsVp8PictureIdAndTl0PicIdxContinuous() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json");
      int midId = extId(po.rtpParameters, MID_URI);
      int ridId = extId(po.rtpParameters, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
      String mid = po.rtpParameters.mid;
      Producer producer = h.produce(po);
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.preferredLayers = new ConsumerLayers(0, null);
      Consumer consumer = h.recv.consume(co).join();
      // Layer 0 at picture id 32760 (wraps at 32768), tl0 250; layer 1 at picture id 7, tl0 90.
      h.inject(EngineHarness.rtp(96, 10, 1000, 0xA1L, EngineHarness.ext(midId, mid, ridId, "r0"),
          vp8WithPictureId(true, 32760, 250)));
      h.inject(EngineHarness.rtp(96, 11, 4000, 0xA1L, null, vp8WithPictureId(false, 32761, 251)));
      h.inject(EngineHarness.rtp(96, 900, 5000, 0xB2L, EngineHarness.ext(midId, mid, ridId, "r1"),
          vp8WithPictureId(false, 7, 90)));
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(10, 11), seqs(out));
      assertEquals(32760, pictureIdOf(out.get(0)));
      assertEquals(251, tl0Of(out.get(1)));
      consumer.setPreferredLayers(new ConsumerLayers(1, null)).join();
      h.inject(EngineHarness.rtp(96, 901, 8000, 0xB2L, null, vp8WithPictureId(true, 8, 91)));
      h.inject(EngineHarness.rtp(96, 902, 11000, 0xB2L, null, vp8WithPictureId(false, 9, 92)));
      out = h.take();
      assertEquals(List.of(12, 13), seqs(out));
      assertEquals(List.of(32762, 32763), List.of(pictureIdOf(out.get(0)), pictureIdOf(out.get(1))));
      assertEquals(List.of(252, 253), List.of(tl0Of(out.get(0)), tl0Of(out.get(1))));
      assertEquals(new ConsumerLayers(1, 2), consumer.currentLayers().join());
    }
  }

  @Test
  void transportCountsUnknownSsrcAndInvalidPackets() {
    try (EngineHarness h = new EngineHarness()) {
      h.inject(EngineHarness.rtp(96, 1, 1, 0xDEADBEEFL, null, new byte[] {1}));
      io.netty.buffer.ByteBuf junk = io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {0x00, 1, 2});
      h.inject(junk);
      Map<String, Object> stats = h.send.getStats().join().get(0);
      @SuppressWarnings("unchecked")
      Map<String, Object> drops = (Map<String, Object>) stats.get("rtpDrops");
      assertEquals(1L, drops.get("UNKNOWN_SSRC"));
      assertEquals(1, drops.size() - 1, "plus exactly one parse drop reason: " + drops);
    }
  }

  private static List<Integer> seqs(List<EngineHarness.Out> out) {
    List<Integer> l = new ArrayList<>();
    for (EngineHarness.Out o : out) {
      l.add(o.seq);
    }
    return l;
  }

  private static List<Long> tss(List<EngineHarness.Out> out) {
    List<Long> l = new ArrayList<>();
    for (EngineHarness.Out o : out) {
      l.add(o.ts);
    }
    return l;
  }
}
