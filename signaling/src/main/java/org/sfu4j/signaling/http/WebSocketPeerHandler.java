package org.sfu4j.signaling.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.sfu4j.signaling.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds aggregated WebSocket messages to a {@link Connection}; answers ping and close. */
final class WebSocketPeerHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketPeerHandler.class);

  private final Connection connection;
  private final WebSocketPeerChannel peerChannel;

  WebSocketPeerHandler(Connection connection, WebSocketPeerChannel peerChannel) {
    this.connection = connection;
    this.peerChannel = peerChannel;
  }

  /** Releases {@code frame} (SimpleChannelInboundHandler does, after this returns). */
  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame text) {
      connection.onText(text.text());
    } else if (frame instanceof BinaryWebSocketFrame) {
      connection.onBinary();
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame) {
      if (!peerChannel.closing()) {
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.close();
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    connection.onClosed();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException
        || cause instanceof CorruptedWebSocketFrameException c
            && c.closeStatus() != null
            && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
      peerChannel.close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
      return;
    }
    LOG.debug("websocket error: {}", cause.toString());
    peerChannel.close(WebSocketCloseStatus.PROTOCOL_ERROR.code(), "protocol error");
  }
}
