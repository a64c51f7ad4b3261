package org.sfu4j.media.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveSpeakerObserverTest {
  private final List<String> events = new ArrayList<>();
  private long now;
  private final ActiveSpeakerObserver o = new ActiveSpeakerObserver(
      id -> events.add(id + "@" + this.now), 300, 1000, 1.5, 70, 5, 0.5);

  /** One 300 ms interval: 15 packets per source at the given level (-1 = no packets). */
  private void interval(ActiveSpeakerObserver.Source a, int levelA, ActiveSpeakerObserver.Source b,
      int levelB) {
    for (int i = 0; i < 15; i++) {
      if (levelA >= 0) {
        a.onAudioLevel(levelA);
      }
      if (levelB >= 0) {
        b.onAudioLevel(levelB);
      }
    }
    now += 300;
    o.onTick(now);
  }

  @Test
  void dominantSpeakerWithHysteresis() {
    ActiveSpeakerObserver.Source a = o.addProducer("a");
    ActiveSpeakerObserver.Source b = o.addProducer("b");
    o.onTick(now);
    assertNull(o.dominantSpeaker());
    interval(a, 30, b, 127); // a: 0.5 * 40 = 20 -> elected at once
    assertEquals(List.of("a@300"), events);
    // b interjects for one interval only: never holds 1 s
    interval(a, 30, b, 20);
    interval(a, 30, b, 127);
    interval(a, 30, b, 127);
    assertEquals("a", o.dominantSpeaker());
    // a stops, b talks. Smoothed activity (a, b): t=1500 (18.75, 28.125) — exactly 1.5x, not
    // more; t=1800 (9.4, 39.1) the challenge starts; it must hold 1 s: b wins at t=3000.
    interval(a, 127, b, 20);
    interval(a, 127, b, 20);
    interval(a, 127, b, 20);
    interval(a, 127, b, 20);
    interval(a, -1, b, 20); // t=2700: 900 ms (missing packets count as silence)
    assertEquals(List.of("a@300"), events);
    interval(a, -1, b, 20);
    assertEquals(List.of("a@300", "b@3000"), events);
  }

  @Test
  void removingTheDominantElectsTheNextSpeaker() {
    ActiveSpeakerObserver.Source a = o.addProducer("a");
    ActiveSpeakerObserver.Source b = o.addProducer("b");
    o.onTick(now);
    interval(a, 20, b, 40);
    assertEquals("a", o.dominantSpeaker());
    o.removeProducer(a);
    assertNull(o.dominantSpeaker());
    interval(a, 20, b, 40);
    assertEquals(List.of("a@300", "b@600"), events);
  }
}
