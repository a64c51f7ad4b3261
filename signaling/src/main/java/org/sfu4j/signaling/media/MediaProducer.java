package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** A producer. */
public interface MediaProducer {

  String id();

  String kind();

  boolean paused();

  CompletableFuture<Void> pause();

  CompletableFuture<Void> resume();

  CompletableFuture<JsonNode> getStats();

  /** Closes the producer and, in the engine, every consumer of it. */
  void close();

  /** Sets the listener (one per producer). */
  void setListener(Listener listener);

  /** Producer events, on any thread. */
  interface Listener {
    void onTransportClosed();

    /**
     * The score changed (mediasoup's {@code score} event; JSON {@code [{encodingIdx, ssrc, rid, score}]}). Called on the
     * media loop: call {@code score.get()} off it (it builds the JSON tree).
     */
    default void onScore(java.util.function.Supplier<JsonNode> score) {}
  }
}
