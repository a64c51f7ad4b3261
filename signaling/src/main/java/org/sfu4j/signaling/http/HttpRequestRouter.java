package org.sfu4j.signaling.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.List;
import org.sfu4j.signaling.Connection;
import org.sfu4j.signaling.SignalingException;
import org.sfu4j.signaling.SignalingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every HTTP connection: WebSocket upgrades at {@code /ws} or {@code /} become
 * protoo peers (400 without roomId/peerId, 401 for a bad token), everything else goes to the
 * routes, then 404.
 */
final class HttpRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final WebSocketDecoderConfig DECODER =
      WebSocketDecoderConfig.newBuilder()
          .maxFramePayloadLength(SignalingServer.MAX_MESSAGE_BYTES)
          .allowExtensions(false)
          .closeOnProtocolViolation(true)
          .build();

  private static final Logger LOG = LoggerFactory.getLogger(HttpRequestRouter.class);

  private final SignalingService service;
  private final List<HttpRoute> routes;

  HttpRequestRouter(SignalingService service, List<HttpRoute> routes) {
    this.service = service;
    this.routes = routes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      HttpResponses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, "bad request");
      return;
    }
    QueryStringDecoder q = new QueryStringDecoder(req.uri());
    String path = q.path();
    boolean upgrade =
        req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    if (upgrade && (path.equals("/ws") || path.equals("/"))) {
      upgrade(ctx, req, q);
      return;
    }
    for (HttpRoute r : routes) {
      if (r.handle(ctx, req, path)) {
        return;
      }
    }
    HttpResponses.error(ctx, req, HttpResponseStatus.NOT_FOUND, "not found");
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder q) {
    String roomId = first(q, "roomId");
    String peerId = first(q, "peerId");
    String token = first(q, "token");
    WebSocketPeerChannel peerChannel = new WebSocketPeerChannel(ctx.channel());
    Connection connection;
    try {
      connection = service.connect(roomId, peerId, token, peerChannel);
    } catch (SignalingException e) {
      HttpResponses.error(ctx, req, HttpResponseStatus.valueOf(e.code()), e.getMessage());
      return;
    }
    String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + q.path();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, "protoo", DECODER).newHandshaker(req);
    if (handshaker == null) {
      connection.onClosed();
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    ctx.pipeline()
        .replace(this, "ws", new WebSocketPeerHandler(connection, peerChannel))
        .addBefore("ws", "ws-aggregator", new WebSocketFrameAggregator(SignalingServer.MAX_MESSAGE_BYTES));
    handshaker.handshake(ctx.channel(), req);
  }

  /**
   * A connection reset (or any I/O error) before the upgrade completed: close quietly. Without
   * this every client that drops mid-handshake put a WARN with a stack trace in the log.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("http error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private static String first(QueryStringDecoder q, String name) {
    List<String> v = q.parameters().get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
