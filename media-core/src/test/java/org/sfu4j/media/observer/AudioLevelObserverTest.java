package org.sfu4j.media.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioLevelObserverTest {
  private final List<String> events = new ArrayList<>();
  private final AudioLevelObserver.Listener listener = new AudioLevelObserver.Listener() {
    @Override
    public void onVolumes(List<AudioLevelObserver.Volume> volumes) {
      events.add(volumes.toString());
    }

    @Override
    public void onSilence() {
      events.add("silence");
    }
  };

  @Test
  void reportsLoudestAboveThresholdThenSilenceOnce() {
    AudioLevelObserver o = new AudioLevelObserver(listener, 2, -60, 1000);
    AudioLevelObserver.Source a = o.addProducer("a");
    AudioLevelObserver.Source b = o.addProducer("b");
    AudioLevelObserver.Source c = o.addProducer("c");
    AudioLevelObserver.Source d = o.addProducer("d");
    o.onTick(0);
    a.onAudioLevel(20);
    a.onAudioLevel(0x80 | 30); // V bit ignored
    b.onAudioLevel(50);
    c.onAudioLevel(70); // -70 < -60: not reported
    d.onAudioLevel(55); // third loudest: cut by maxEntries
    o.onTick(999);
    assertEquals(List.of(), events);
    o.onTick(1000);
    assertEquals(List.of("[Volume[producerId=a, volume=-25], Volume[producerId=b, volume=-50]]"),
        events);
    events.clear();
    o.onTick(2000);
    o.onTick(3000);
    assertEquals(List.of("silence"), events);
    events.clear();
    o.removeProducer(a);
    a.onAudioLevel(0);
    b.onAudioLevel(10);
    o.onTick(4000);
    assertEquals(List.of("[Volume[producerId=b, volume=-10]]"), events);
  }

  @Test
  void pauseStopsReporting() {
    AudioLevelObserver o = new AudioLevelObserver(listener, 1, -80, 1000);
    AudioLevelObserver.Source a = o.addProducer("a");
    o.onTick(0);
    a.onAudioLevel(10);
    o.pause();
    assertTrue(o.isPaused());
    a.onAudioLevel(10);
    o.onTick(1000);
    o.resume();
    assertFalse(o.isPaused());
    o.onTick(2000);
    assertEquals(List.of(), events);
  }

  @Test
  void extensionByteHelpersAndValidation() {
    assertEquals(42, AudioLevelObserver.level(0x80 | 42));
    assertTrue(AudioLevelObserver.voiceActivity(0x80 | 42));
    assertFalse(AudioLevelObserver.voiceActivity(42));
    assertThrows(IllegalArgumentException.class, () -> new AudioLevelObserver(listener, 0, -80, 1000));
    assertThrows(IllegalArgumentException.class, () -> new AudioLevelObserver(listener, 1, 5, 1000));
  }
}
