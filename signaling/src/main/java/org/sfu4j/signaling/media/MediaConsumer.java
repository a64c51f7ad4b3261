package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** A consumer. */
public interface MediaConsumer {

  String id();

  String producerId();

  String kind();

  /** Consumer RtpParameters JSON for the client. */
  JsonNode rtpParameters();

  /** {@code simple}, {@code simulcast}, {@code svc} or {@code pipe}. */
  String type();

  boolean paused();

  boolean producerPaused();

  CompletableFuture<Void> pause();

  CompletableFuture<Void> resume();

  CompletableFuture<Void> setPreferredLayers(int spatialLayer, Integer temporalLayer);

  CompletableFuture<Void> setPriority(int priority);

  CompletableFuture<Void> requestKeyFrame();

  CompletableFuture<JsonNode> getStats();

  void close();

  void setListener(Listener listener);

  /** Consumer events, on any thread. */
  interface Listener {
    void onProducerClosed();

    void onTransportClosed();

    void onProducerPaused();

    void onProducerResumed();

    /** The layers being forwarded changed; both null when none are (e.g. no key frame yet). */
    default void onLayersChanged(Integer spatialLayer, Integer temporalLayer) {}

    /**
     * The score changed (mediasoup's {@code score} event; JSON {@code {score, producerScore, producerScores}}). Called on the
     * media loop: call {@code score.get()} off it (it builds the JSON tree).
     */
    default void onScore(java.util.function.Supplier<JsonNode> score) {}
  }
}
