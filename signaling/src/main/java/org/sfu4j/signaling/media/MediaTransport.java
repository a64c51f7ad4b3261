package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/** A peer's transport. */
public interface MediaTransport {

  String id();

  /** {@code {id, iceParameters, iceCandidates, dtlsParameters, sctpParameters?}} for the client. */
  ObjectNode clientParameters();

  CompletableFuture<Void> connect(JsonNode dtlsParameters);

  /** New ICE parameters. */
  CompletableFuture<JsonNode> restartIce();

  /** Produces; {@code ownerTag} is the peer id, used by pending-consumer matching. */
  CompletableFuture<MediaProducer> produce(
      String kind, JsonNode rtpParameters, ObjectNode appData, String ownerTag);

  /** Consumes a producer of the same router. */
  CompletableFuture<MediaConsumer> consume(
      String producerId, JsonNode rtpCapabilities, boolean paused, ObjectNode appData);

  /** Data producer over SCTP; fails with UnsupportedException when the transport has no SCTP. */
  CompletableFuture<String> produceData(
      JsonNode sctpStreamParameters, String label, String protocol, ObjectNode appData);

  CompletableFuture<JsonNode> getStats();

  /** {@code "new"}, {@code "connecting"}, {@code "connected"}, {@code "disconnected"}, {@code "failed"}, {@code "closed"}. */
  String state();

  void close();

  /** Sets the listener (one per transport). */
  void setListener(Listener listener);

  /** Transport events, on any thread. */
  interface Listener {
    /**
     * Once a second while the downlink estimate runs (the receiver sends transport-cc feedback or
     * REMB): what the consumers want, what they get with the allowed layers, the estimate; bps.
     */
    void onDownlinkBwe(long desiredBitrate, long effectiveDesiredBitrate, long availableBitrate);
  }
}
