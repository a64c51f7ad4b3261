package org.sfu4j.media.engine;

import java.util.ArrayList;
import java.util.List;
import org.sfu4j.media.observer.AudioLevelObserver;

/**
 * mediasoup's {@code router.createAudioLevelObserver()}: every interval the loudest producers
 * ({@code volumes}) or {@code silence}, from {@link AudioLevelObserver}.
 */
public final class RouterAudioLevelObserver extends RtpObserver {
  /** Events on the worker's loop. */
  public interface Listener {
    default void onVolumes(List<AudioLevelObserver.Volume> volumes) {}

    default void onSilence() {}
  }

  private final AudioLevelObserver observer;
  private final List<Listener> listeners = new ArrayList<>();

  RouterAudioLevelObserver(Router router, AudioLevelObserverOptions o) {
    super(router, o.appData);
    this.observer = new AudioLevelObserver(new AudioLevelObserver.Listener() {
      @Override
      public void onVolumes(List<AudioLevelObserver.Volume> volumes) {
        for (Listener l : new ArrayList<>(listeners)) {
          l.onVolumes(volumes);
        }
      }

      @Override
      public void onSilence() {
        for (Listener l : new ArrayList<>(listeners)) {
          l.onSilence();
        }
      }
    }, o.maxEntries, o.threshold, o.interval);
  }

  public void addListener(Listener l) {
    router.worker().execute(() -> listeners.add(l));
  }

  @Override
  AudioLevelSink newSink(String producerId) {
    return new Sink(observer.addProducer(producerId));
  }

  @Override
  void onSinkRemoved(AudioLevelSink sink) {
    observer.removeProducer(((Sink) sink).source);
  }

  @Override
  void onPause() {
    observer.pause();
  }

  @Override
  void tick(long nowMs) {
    if (paused) {
      return;
    }
    if (observer.isPaused()) {
      observer.resume();
    }
    observer.onTick(nowMs);
  }

  private static final class Sink implements AudioLevelSink {
    final AudioLevelObserver.Source source;

    Sink(AudioLevelObserver.Source source) {
      this.source = source;
    }

    @Override
    public void onAudioLevel(int extensionByte) {
      source.onAudioLevel(extensionByte);
    }
  }
}
