package org.sfu4j.media.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.media.NotFoundException;
import org.sfu4j.media.ortc.MediaKind;

/**
 * mediasoup's {@code RtpObserver}: a router-level observer fed by audio producers. Producers are
 * added by id; each one gets a sink the producer calls with the ssrc-audio-level byte of every
 * packet (two field updates, no map, no allocation). The router's tick drives the evaluation.
 * Loop-confined; public methods post to the worker's loop.
 */
public abstract class RtpObserver {
  private final String id = UUID.randomUUID().toString();
  final Router router;
  private final Map<String, Object> appData;
  private final Map<String, AudioLevelSink> sinks = new HashMap<>();
  private final Map<String, Producer> producers = new HashMap<>();
  boolean paused;
  private boolean closed;

  RtpObserver(Router router, Map<String, Object> appData) {
    this.router = router;
    this.appData = appData == null ? new HashMap<>() : appData;
  }

  public final String id() {
    return id;
  }

  public final Map<String, Object> appData() {
    return appData;
  }

  /** Loop-confined views. */
  public final boolean paused() {
    return paused;
  }

  public final boolean closed() {
    return closed;
  }

  /** Starts observing an audio producer of the router. */
  public final CompletableFuture<Void> addProducer(String producerId) {
    return router.worker().call(() -> {
      Producer p = router.producer(producerId);
      if (p == null) {
        throw new NotFoundException("producer not found: " + producerId);
      }
      if (closed || sinks.containsKey(producerId) || p.kind() != MediaKind.AUDIO) {
        return null;
      }
      AudioLevelSink sink = newSink(producerId);
      sinks.put(producerId, sink);
      producers.put(producerId, p);
      p.addAudioLevelSink(sink);
      return null;
    });
  }

  public final CompletableFuture<Void> removeProducer(String producerId) {
    return router.worker().call(() -> {
      removeNow(producerId);
      return null;
    });
  }

  public final CompletableFuture<Void> pause() {
    return router.worker().call(() -> {
      if (!paused) {
        paused = true;
        onPause();
      }
      return null;
    });
  }

  public final CompletableFuture<Void> resume() {
    return router.worker().call(() -> {
      paused = false;
      return null;
    });
  }

  public final CompletableFuture<Void> close() {
    return router.worker().call(() -> {
      closeInternal();
      return null;
    });
  }

  final void removeNow(String producerId) {
    AudioLevelSink sink = sinks.remove(producerId);
    Producer p = producers.remove(producerId);
    if (sink != null) {
      p.removeAudioLevelSink(sink);
      onSinkRemoved(sink);
    }
  }

  final void closeInternal() {
    if (closed) {
      return;
    }
    closed = true;
    for (String pid : new java.util.ArrayList<>(sinks.keySet())) {
      removeNow(pid);
    }
    router.onRtpObserverClosed(this);
  }

  /** Producer closed: forget it. */
  final void onProducerClosed(Producer p) {
    if (sinks.containsKey(p.id())) {
      removeNow(p.id());
    }
  }

  abstract AudioLevelSink newSink(String producerId);

  abstract void onSinkRemoved(AudioLevelSink sink);

  void onPause() {}

  /** Router tick. */
  abstract void tick(long nowMs);
}
