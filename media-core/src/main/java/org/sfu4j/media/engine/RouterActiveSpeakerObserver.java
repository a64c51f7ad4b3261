package org.sfu4j.media.engine;

import java.util.ArrayList;
import java.util.List;
import org.sfu4j.media.observer.ActiveSpeakerObserver;

/**
 * mediasoup's {@code router.createActiveSpeakerObserver()}: {@code dominantspeaker} events with
 * hysteresis, from {@link ActiveSpeakerObserver}. The daemon forwards them as
 * {@code activeSpeaker}.
 */
public final class RouterActiveSpeakerObserver extends RtpObserver {
  /** Events on the worker's loop. */
  public interface Listener {
    void onDominantSpeaker(String producerId);
  }

  private final ActiveSpeakerObserver observer;
  private final List<Listener> listeners = new ArrayList<>();

  RouterActiveSpeakerObserver(Router router, ActiveSpeakerObserverOptions o) {
    super(router, o.appData);
    ActiveSpeakerObserver.Listener fire = producerId -> {
      for (Listener l : new ArrayList<>(listeners)) {
        l.onDominantSpeaker(producerId);
      }
    };
    long interval = o.interval > 0 ? o.interval : 300;
    this.observer = new ActiveSpeakerObserver(fire, interval, 1000, 1.5, 70, 5, 0.5);
  }

  public void addListener(Listener l) {
    router.worker().execute(() -> listeners.add(l));
  }

  /** Current dominant speaker's producer id, or null; loop-confined. */
  public String dominantSpeaker() {
    return observer.dominantSpeaker();
  }

  @Override
  AudioLevelSink newSink(String producerId) {
    ActiveSpeakerObserver.Source s = observer.addProducer(producerId);
    return new Sink(s);
  }

  @Override
  void onSinkRemoved(AudioLevelSink sink) {
    observer.removeProducer(((Sink) sink).source);
  }

  @Override
  void tick(long nowMs) {
    if (!paused) {
      observer.onTick(nowMs);
    }
  }

  private static final class Sink implements AudioLevelSink {
    final ActiveSpeakerObserver.Source source;

    Sink(ActiveSpeakerObserver.Source source) {
      this.source = source;
    }

    @Override
    public void onAudioLevel(int extensionByte) {
      source.onAudioLevel(extensionByte);
    }
  }
}
