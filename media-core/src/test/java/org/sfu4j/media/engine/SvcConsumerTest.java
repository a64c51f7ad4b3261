package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpParameters;

/** VP9 SVC through DirectTransports: exact seq, marker bits, layer events and drop counters. */
class SvcConsumerTest {
  private static final long SSRC = 0x9090L;

  static ProducerOptions vp9(String scalabilityMode) {
    ProducerOptions o = new ProducerOptions();
    o.kind = MediaKind.VIDEO;
    o.rtpParameters = Ortc.fromJson("{\"codecs\":[{\"mimeType\":\"video/VP9\",\"payloadType\":98,"
        + "\"clockRate\":90000,\"parameters\":{\"profile-id\":0},\"rtcpFeedback\":[{\"type\":\"nack\"},"
        + "{\"type\":\"nack\",\"parameter\":\"pli\"},{\"type\":\"ccm\",\"parameter\":\"fir\"}]}],"
        + "\"headerExtensions\":[],\"encodings\":[{\"ssrc\":" + SSRC + ",\"scalabilityMode\":\""
        + scalabilityMode + "\"}],\"rtcp\":{\"cname\":\"svc\"}}", RtpParameters.class, "rtpParameters");
    return o;
  }

  /**
   * VP9 non-flexible descriptor: I (15-bit picture id), P, L, B, E; layer byte TID/U/SID/D=0,
   * TL0PICIDX; then one payload byte.
   */
  static byte[] vp9Payload(boolean interPicture, int pic, int tid, boolean u, int sid, int tl0) {
    int b0 = 0x80 | 0x20 | 0x08 | 0x04 | (interPicture ? 0x40 : 0);
    return new byte[] {(byte) b0, (byte) (0x80 | (pic >> 8)), (byte) pic,
        (byte) ((tid << 5) | (u ? 0x10 : 0) | (sid << 1)), (byte) tl0, 0x77};
  }

  private int seq = 10;

  /** One picture of three spatial-layer frames (one packet each), marker on SID 2. */
  private void picture(EngineHarness h, boolean key, int pic, int tid, boolean u, int tl0) {
    for (int sid = 0; sid < 3; sid++) {
      var b = EngineHarness.rtp(98, seq++, 3000L * pic, SSRC, null,
          vp9Payload(!key, pic, tid, u, sid, tl0));
      if (sid == 2) {
        b.setByte(1, b.getByte(1) | 0x80);
      }
      h.inject(b);
    }
  }

  private static List<Integer> seqs(List<EngineHarness.Out> out) {
    List<Integer> l = new ArrayList<>();
    out.forEach(o -> l.add(o.seq));
    return l;
  }

  private static List<Boolean> markers(List<EngineHarness.Out> out) {
    List<Boolean> l = new ArrayList<>();
    out.forEach(o -> l.add((o.bytes[1] & 0x80) != 0));
    return l;
  }

  @Test
  void vp9L3T3FiltersSpatialAndTemporalLayersWithMarkerOnTheHighestForwardedLayer() {
    try (EngineHarness h = new EngineHarness(new WorkerSettings(), EngineHarness.codecsWithVp9())) {
      Producer producer = h.produce(vp9("L3T3"));
      assertEquals(ProducerType.SVC, producer.type());
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.preferredLayers = new ConsumerLayers(1, 1);
      Consumer consumer = h.recv.consume(co).join();
      assertEquals(ConsumerType.SVC, consumer.type());
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs());
      List<ConsumerLayers> events = new ArrayList<>();
      consumer.addListener(new Consumer.Listener() {
        @Override
        public void onLayersChange(ConsumerLayers layers) {
          events.add(layers);
        }
      });
      h.sync();

      picture(h, false, 99, 0, false, 0); // before the key frame: dropped
      picture(h, true, 100, 0, false, 1); // seq 13..15
      picture(h, false, 101, 2, true, 1);
      picture(h, false, 102, 1, true, 1);
      picture(h, false, 103, 2, false, 1);
      picture(h, false, 104, 0, false, 2);
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(13, 14, 15, 16, 17, 18), seqs(out), "continuous: dropped layers leave no gap");
      assertEquals(List.of(false, true, false, true, false, true), markers(out));
      assertEquals(List.of(new ConsumerLayers(1, 1)), events);
      for (EngineHarness.Out o : out) {
        assertEquals(consumer.ssrc(), o.ssrc);
        assertEquals(103, o.pt);
      }

      // Up to {2, 2}: temporal at the next U picture, spatial only at the (requested) key frame.
      h.advance(600);
      consumer.setPreferredLayers(new ConsumerLayers(2, 2)).join();
      assertEquals(List.of(SSRC), h.takePliMediaSsrcs());
      picture(h, false, 105, 2, true, 2);
      picture(h, true, 106, 0, false, 3);
      out = h.take();
      assertEquals(List.of(19, 20, 21, 22, 23), seqs(out));
      assertEquals(List.of(false, true, false, false, true), markers(out));
      assertEquals(new ConsumerLayers(2, 2), consumer.currentLayers().join());

      // Down to {0, 0}: at the next picture start, both at once.
      consumer.setPreferredLayers(new ConsumerLayers(0, 0)).join();
      picture(h, false, 107, 2, true, 3);
      picture(h, false, 108, 0, false, 4);
      out = h.take();
      assertEquals(List.of(24), seqs(out));
      assertEquals(List.of(true), markers(out));
      assertEquals(List.of(new ConsumerLayers(1, 1), new ConsumerLayers(1, 2), new ConsumerLayers(2, 2),
          new ConsumerLayers(0, 0)), events);

      Map<String, Object> stats = consumer.getStats().join().get(0);
      assertEquals(3L, stats.get("droppedWaitingKeyFrame"));
      assertEquals(9L, stats.get("droppedTemporalLayer"));
      assertEquals(6L, stats.get("droppedSpatialLayer"));

      consumer.pause().join();
      assertNull(events.get(events.size() - 1));
    }
  }

  @Test
  void vp9TemporalOnlyProducerIsSvcAndFilteredByTid() {
    try (EngineHarness h = new EngineHarness(new WorkerSettings(), EngineHarness.codecsWithVp9())) {
      Producer producer = h.produce(vp9("L1T3"));
      assertEquals(ProducerType.SVC, producer.type());
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.preferredLayers = new ConsumerLayers(0, 0);
      Consumer consumer = h.recv.consume(co).join();
      int[] tids = {0, 2, 1, 2, 0};
      for (int i = 0; i < tids.length; i++) {
        var b = EngineHarness.rtp(98, 60_000 + i, 3000L * i, SSRC, null,
            vp9Payload(i != 0, 7 + i, tids[i], tids[i] != 0, 0, 0));
        b.setByte(1, b.getByte(1) | 0x80);
        h.inject(b);
      }
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(60_000, 60_001), seqs(out));
      assertEquals(List.of(true, true), markers(out));
      assertEquals(new ConsumerLayers(0, 0), consumer.currentLayers().join());
    }
  }

  /** AV1 payload: aggregation header (Z, W=1, N) and, unless continuing, an OBU_FRAME with extension. */
  static byte[] av1Payload(boolean key, boolean continuation, int tid) {
    if (continuation) {
      return new byte[] {(byte) 0x90, 0x11, 0x22};
    }
    return new byte[] {(byte) (0x10 | (key ? 0x08 : 0)), (6 << 3) | 0x04, (byte) (tid << 5), 0x33};
  }

  @Test
  void av1TemporalOnlyProducerIsSvcAndContinuationPacketsFollowTheirFrame() {
    List<org.sfu4j.media.ortc.RtpCodecCapability> codecs = EngineHarness.defaultCodecs();
    org.sfu4j.media.ortc.RtpCodecCapability av1 = new org.sfu4j.media.ortc.RtpCodecCapability();
    av1.kind = MediaKind.VIDEO;
    av1.mimeType = "video/AV1";
    av1.clockRate = 90000;
    codecs.add(av1);
    try (EngineHarness h = new EngineHarness(new WorkerSettings(), codecs)) {
      ProducerOptions o = vp9("L1T3");
      o.rtpParameters.codecs.get(0).mimeType = "video/AV1";
      o.rtpParameters.codecs.get(0).parameters = new java.util.HashMap<>();
      Producer producer = h.produce(o);
      assertEquals(ProducerType.SVC, producer.type());
      org.sfu4j.media.ortc.RtpCapabilities caps = EngineHarness.deviceCaps();
      org.sfu4j.media.ortc.RtpCodecCapability remote = av1.deepCopy();
      remote.preferredPayloadType = 45;
      remote.rtcpFeedback = new ArrayList<>(List.of(new org.sfu4j.media.ortc.RtcpFeedback("nack", "pli")));
      caps.codecs.add(remote);
      ConsumerOptions co = new ConsumerOptions(producer.id(), caps);
      co.preferredLayers = new ConsumerLayers(0, 1);
      Consumer consumer = h.recv.consume(co).join();
      assertEquals(ConsumerType.SVC, consumer.type());
      int[] tids = {0, 2, 1, 2, 0};
      int s = 500;
      for (int i = 0; i < tids.length; i++) {
        h.inject(EngineHarness.rtp(98, s++, 3000L * i, SSRC, null, av1Payload(i == 0, false, tids[i])));
        h.inject(EngineHarness.rtp(98, s++, 3000L * i, SSRC, null, av1Payload(false, true, 0)));
      }
      List<EngineHarness.Out> out = h.take();
      assertEquals(List.of(500, 501, 502, 503, 504, 505), seqs(out), "frames of TL0, TL1, TL0, two packets each");
      assertEquals(new ConsumerLayers(0, 1), consumer.currentLayers().join());
      assertEquals(4L, consumer.getStats().join().get(0).get("droppedTemporalLayer"));
    }
  }
}
