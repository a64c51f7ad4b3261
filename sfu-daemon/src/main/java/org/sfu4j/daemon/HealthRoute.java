package org.sfu4j.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.sfu4j.signaling.SignalingCounters;
import org.sfu4j.signaling.SignalingService;
import org.sfu4j.signaling.http.HttpResponses;
import org.sfu4j.signaling.http.HttpRoute;
import org.sfu4j.signaling.media.MediaBackend;

/** {@code GET /health}: 200 with worker states while every worker runs, 503 otherwise. */
final class HealthRoute implements HttpRoute {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SignalingService service;

  HealthRoute(SignalingService service) {
    this.service = service;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
    if (!path.equals("/health")) {
      return false;
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode workers = body.putArray("workers");
    boolean healthy = true;
    for (MediaBackend.WorkerStatus w : service.media().workers()) {
      workers.addObject().put("index", w.index()).put("state", w.state()).put("routers", w.routers())
          .put("eventLoopLagMs", w.eventLoopLagMicros() / 1000);
      healthy &= "running".equals(w.state());
    }
    SignalingCounters c = service.counters();
    body.put("status", healthy ? "ok" : "degraded");
    body.put("rooms", c.rooms()).put("peers", c.peers());
    HttpResponses.text(ctx, req, healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
        "application/json", body.toString());
    return true;
  }
}
