package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerLayers;
import org.sfu4j.media.engine.DownlinkBwe;
import org.sfu4j.media.engine.Transport;

/**
 * Bandwidth-driven simulcast over real UDP: A publishes three VP8 layers (150 / 400 / 1000
 * kbit/s); B's relay limits the SFU→B direction with a token bucket (200 ms queue, then tail
 * drop). B answers with transport-cc feedback. The consumer must settle on a layer that fits
 * within a few seconds of the limit, and climb back to the top layer after the limit is lifted.
 */
class BandwidthSimulcastUdpTest {
  static final long LIMIT_BPS = 600_000;

  @Test
  void simulcastConsumerFollowsTheDownlinkEstimate() throws Exception {
    try (QualityUdpRig rig = new QualityUdpRig(7)) {
      rig.produceAndConsume(3);
      List<String> layerLog = new CopyOnWriteArrayList<>();
      AtomicReference<ConsumerLayers> current = new AtomicReference<>();
      AtomicReference<DownlinkBwe> lastBwe = new AtomicReference<>();
      long t0 = System.nanoTime();
      rig.consumer.addListener(new Consumer.Listener() {
        @Override
        public void onLayersChange(ConsumerLayers layers) {
          current.set(layers);
          layerLog.add(String.format("%.1fs:%s", (System.nanoTime() - t0) / 1e9,
              layers == null ? "-" : layers.spatialLayer));
        }
      });
      rig.tb.addListener(new Transport.Listener() {
        @Override
        public void onDownlinkBwe(DownlinkBwe bwe) {
          lastBwe.set(bwe);
        }
      });
      MediaReceiver rx = new MediaReceiver(rig.b, rig.consumerSsrc, rig.consumerRtxSsrc,
          rig.consumerTwccId, true).start();
      MediaSender tx = new MediaSender(rig.a, QualityUdpRig.SSRCS, QualityUdpRig.RTX_SSRCS,
          new long[] {150_000, 400_000, 1_000_000}).start();
      try {
        // Phase 1: unlimited. The estimate starts at 600 kbit/s and probes upward.
        Thread.sleep(3000);
        long topAt = waitForLayer(current, 2, 8000);
        report("unlimited", rig, rx, lastBwe.get(), current.get());

        // Phase 2: 600 kbit/s bottleneck.
        rig.relayB.setRateToPeer(LIMIT_BPS);
        long limitAt = System.nanoTime();
        long downMs = waitForLayerAtMost(current, 1, 6000);
        long settledSince = System.nanoTime();
        Thread.sleep(4000);
        ConsumerLayers limited = current.get();
        long bytesBefore = rx.bytes.get();
        Thread.sleep(2000);
        long rxBps = (rx.bytes.get() - bytesBefore) * 8 / 2;
        report("limited", rig, rx, lastBwe.get(), limited);

        // Phase 3: limit lifted.
        rig.relayB.setRateToPeer(0);
        long upMs = waitForLayer(current, 2, 16000);
        report("lifted", rig, rx, lastBwe.get(), current.get());
        System.out.printf("[bwe] top layer after %d ms unlimited; limit %d kbit/s: layer <= 1 after"
            + " %d ms, then layer %s at %d kbit/s received; lifted: top layer again after %d ms;"
            + " layer changes %s%n", topAt, LIMIT_BPS / 1000, downMs,
            limited == null ? "-" : limited.spatialLayer, rxBps / 1000, upMs, layerLog);

        assertTrue(downMs >= 0, "consumer left the top layer within 6 s of the limit: " + layerLog);
        assertNotNull(limited);
        assertTrue(limited.spatialLayer <= 1, "settled on a layer that fits: " + layerLog);
        assertTrue(rxBps <= LIMIT_BPS * 11 / 10, "received " + rxBps + " bps through the limit");
        assertTrue(upMs >= 0, "climbed back to the top layer within 16 s: " + layerLog);
        assertEquals(2, current.get().spatialLayer);
        assertNotNull(lastBwe.get(), "downlinkBwe events");
        assertTrue(settledSince - limitAt > 0);
      } finally {
        tx.stop();
        rx.stop();
      }
    }
  }

  private static void report(String phase, QualityUdpRig rig, MediaReceiver rx, DownlinkBwe bwe,
      ConsumerLayers layers) {
    Map<String, Object> s = WebRtcFixture.get(rig.tb.getStats()).get(0);
    System.out.printf("[bwe %s] layer %s, downlinkBwe %s, available %s, probes %s (last %s), "
        + "padding %s (B got %d), feedbacks %s, relay policed %d%n", phase,
        layers == null ? "-" : layers.spatialLayer, bwe, s.get("availableOutgoingBitrate"),
        s.get("bweProbes"), s.get("bweLastProbeBitrate"), s.get("paddingPacketsSent"),
        rx.paddingPackets.get(),
        s.get("transportCcFeedbacks"), rig.relayB.policedToPeer.get());
  }

  /** Ms until the current spatial layer is {@code layer}, or -1 after {@code timeoutMs}. */
  private static long waitForLayer(AtomicReference<ConsumerLayers> current, int layer,
      long timeoutMs) throws InterruptedException {
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1_000_000 < timeoutMs) {
      ConsumerLayers l = current.get();
      if (l != null && l.spatialLayer == layer) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(20);
    }
    return -1;
  }

  private static long waitForLayerAtMost(AtomicReference<ConsumerLayers> current, int layer,
      long timeoutMs) throws InterruptedException {
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1_000_000 < timeoutMs) {
      ConsumerLayers l = current.get();
      if (l != null && l.spatialLayer <= layer) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(20);
    }
    return -1;
  }
}
