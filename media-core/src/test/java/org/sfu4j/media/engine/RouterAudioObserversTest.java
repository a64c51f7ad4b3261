package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.observer.AudioLevelObserver;

/**
 * Router audio observers fed from the producers' ssrc-audio-level extension (id 1 in Chrome's
 * opus parameters): volumes averaged per interval (−dBov), silence, dominant speaker, and
 * removal when the producer closes.
 */
class RouterAudioObserversTest {
  static final long LOUD = 0xA0A0_0001L;
  static final long QUIET = 0xA0A0_0002L;

  @Test
  void volumesSilenceAndDominantSpeakerFromAudioLevelExtension() {
    try (EngineHarness h = new EngineHarness()) {
      Producer loud = h.produce(opus(LOUD, "a1"));
      Producer quiet = h.produce(opus(QUIET, "a2"));
      AudioLevelObserverOptions o = new AudioLevelObserverOptions();
      o.maxEntries = 2;
      o.threshold = -60;
      o.interval = 1000;
      RouterAudioLevelObserver levels = h.router.createAudioLevelObserver(o).join();
      RouterActiveSpeakerObserver speaker = h.router.createActiveSpeakerObserver(null).join();
      List<List<AudioLevelObserver.Volume>> volumes = new ArrayList<>();
      List<String> events = new ArrayList<>();
      levels.addListener(new RouterAudioLevelObserver.Listener() {
        @Override
        public void onVolumes(List<AudioLevelObserver.Volume> v) {
          volumes.add(v);
        }

        @Override
        public void onSilence() {
          events.add("silence");
        }
      });
      speaker.addListener(id -> events.add("dominant:" + id));
      for (RtpObserver obs : List.of(levels, speaker)) {
        obs.addProducer(loud.id()).join();
        obs.addProducer(quiet.id()).join();
      }
      tick(h, 0);
      int seq = 0;
      for (int i = 0; i < 50; i++) { // 1 s of 20 ms packets
        h.inject(packet(LOUD, seq, 20 + (i % 2) * 2)); // -20 / -22 dBov -> average -21
        h.inject(packet(QUIET, seq, 70)); // -70 dBov: below the threshold
        seq++;
        if (i % 15 == 14) {
          tick(h, 300);
        }
      }
      tick(h, 1000 - 3 * 300);
      assertEquals(1, volumes.size(), "one volumes event");
      assertEquals(List.of(new AudioLevelObserver.Volume(loud.id(), -21)), volumes.get(0));
      assertTrue(events.contains("dominant:" + loud.id()), events.toString());

      quiet.close().join();
      loud.close().join();
      tick(h, 1000);
      assertTrue(events.contains("silence"), events.toString());
      assertEquals(0, h.onLoop(() -> loud.audioLevelSinkCount()));
    }
  }

  private static ProducerOptions opus(long ssrc, String mid) {
    ProducerOptions o = EngineHarness.producerOptions("chrome-produce-opus.json");
    o.rtpParameters.encodings.get(0).ssrc = ssrc;
    o.rtpParameters.mid = mid;
    return o;
  }

  private static io.netty.buffer.ByteBuf packet(long ssrc, int seq, int level) {
    return EngineHarness.rtp(111, seq, seq * 960L, ssrc,
        EngineHarness.ext(1, new byte[] {(byte) level}), new byte[] {1, 2, 3});
  }

  private static void tick(EngineHarness h, long ms) {
    h.advance(ms);
    h.onLoop(() -> {
      h.router.tick(h.worker.nowMs());
      return null;
    });
  }
}
