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

    default void onScore(JsonNode score) {}
  }
}
