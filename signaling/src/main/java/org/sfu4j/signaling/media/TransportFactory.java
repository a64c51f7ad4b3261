package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.DirectTransport;
import org.sfu4j.media.engine.DirectTransportOptions;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.Transport;
import org.sfu4j.signaling.media.MediaRouter.TransportOptions;

/**
 * Which engine transport a peer's {@code createWebRtcTransport} creates, and how its
 * transport-specific calls (client parameters, connect, ICE restart, state) map. The daemon plugs
 * in WebRtcTransport; tests and embedders without a network use {@link #direct()}.
 */
public interface TransportFactory {

  CompletableFuture<? extends Transport> create(Router router, TransportOptions options);

  /** {@code {id, iceParameters, iceCandidates, dtlsParameters, sctpParameters?}}. */
  ObjectNode clientParameters(Transport transport);

  CompletableFuture<Void> connect(Transport transport, JsonNode dtlsParameters);

  CompletableFuture<JsonNode> restartIce(Transport transport);

  String state(Transport transport);

  /** In-process DirectTransports: no ICE/DTLS, "connect" is a no-op, always "connected". */
  static TransportFactory direct() {
    return new TransportFactory() {
      @Override
      public CompletableFuture<DirectTransport> create(Router router, TransportOptions options) {
        return router.createDirectTransport(new DirectTransportOptions());
      }

      @Override
      public ObjectNode clientParameters(Transport t) {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("id", t.id()).put("direct", true);
        return o;
      }

      @Override
      public CompletableFuture<Void> connect(Transport t, JsonNode dtlsParameters) {
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public CompletableFuture<JsonNode> restartIce(Transport t) {
        return CompletableFuture.failedFuture(
            new UnsupportedException("restartIce is not supported on a DirectTransport"));
      }

      @Override
      public String state(Transport t) {
        return t.closed() ? "closed" : "connected";
      }
    };
  }
}
