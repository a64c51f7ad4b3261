package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** One room's router. */
public interface MediaRouter {

  String id();

  /** RtpCapabilities JSON (mediasoup v3 shape). */
  JsonNode rtpCapabilities();

  /**
   * Whether a peer with {@code rtpCapabilities} can consume the producer (false when it does not
   * exist or the capabilities are malformed); answered on the router's loop, completes there.
   */
  CompletableFuture<Boolean> canConsume(String producerId, JsonNode rtpCapabilities);

  /** Creates a transport for a peer (WebRtcTransport in the daemon, DirectTransport in tests). */
  CompletableFuture<MediaTransport> createTransport(TransportOptions options);

  /**
   * Queues a consumer request that waits until a matching producer exists (fulfilled at once when
   * one exists already). Exactly one listener method fires, unless the handle is cancelled first.
   */
  PendingConsume consumeWhenProduced(
      MediaTransport transport, ConsumeSpec spec, long timeoutMs, PendingConsume.Listener listener);

  void close();

  /**
   * Sets the listener of the router's dominant-speaker detection (mediasoup's
   * ActiveSpeakerObserver) over the producers added with {@link #observeSpeaker}.
   */
  void setActiveSpeakerListener(ActiveSpeakerListener listener);

  /** Adds an audio producer to the dominant-speaker detection (video producers are ignored). */
  CompletableFuture<Void> observeSpeaker(String producerId);

  /** Removes a producer from it (closing producers leave on their own). */
  void unobserveSpeaker(String producerId);

  /** Dominant-speaker changes, on any thread. */
  interface ActiveSpeakerListener {
    void onDominantSpeaker(String producerId);
  }

  /** What a transport is for; {@code forceTcp} and {@code sctp} are honoured when supported. */
  record TransportOptions(
      boolean forceTcp, boolean producing, boolean consuming, JsonNode sctpCapabilities) {}

  /**
   * What a pending consumer wants: a producer id, or producer owner + optional appData.source +
   * optional kind. {@code rtpCapabilities} are the consuming peer's.
   */
  record ConsumeSpec(
      String producerId,
      String ownerTag,
      String source,
      String kind,
      JsonNode rtpCapabilities,
      boolean paused) {}
}
