package org.sfu4j.signaling.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A plain HTTP endpoint next to the WebSocket upgrade (the daemon adds /health, /metrics and the
 * static demo page). Called on the channel's event loop.
 */
public interface HttpRoute {

  /**
   * Handles the request if it is this route's; returns false to let the next route try.
   * Does not release {@code request} (the server does); must write a response when it returns true.
   */
  boolean handle(ChannelHandlerContext ctx, FullHttpRequest request, String path);
}
