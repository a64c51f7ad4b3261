package org.sfu4j.signaling.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes complete HTTP responses with the right length and keep-alive handling. */
public final class HttpResponses {
  private HttpResponses() {}

  public static void text(
      ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String type, String body) {
    bytes(ctx, req, status, type, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
  }

  /** Sends {@code body} and releases it (ownership passes to the channel). */
  public static void bytes(
      ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String type, ByteBuf body) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    res.headers().set("X-Content-Type-Options", "nosniff");
    boolean keepAlive = HttpUtil.isKeepAlive(req) && status.code() < 400;
    if (keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(res);
    } else {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }

  public static void error(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String message) {
    text(ctx, req, status, "text/plain; charset=utf-8", message + "\n");
  }
}
