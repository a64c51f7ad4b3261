package org.sfu4j.daemon;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.Executor;
import org.sfu4j.signaling.http.HttpResponses;
import org.sfu4j.signaling.http.HttpRoute;

/** {@code GET /metrics}: Prometheus text exposition (scraped off the I/O loop). */
final class MetricsRoute implements HttpRoute {
  private final DaemonMetrics metrics;
  private final Executor blocking;

  MetricsRoute(DaemonMetrics metrics, Executor blocking) {
    this.metrics = metrics;
    this.blocking = blocking;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
    if (!path.equals("/metrics")) {
      return false;
    }
    req.retain();
    blocking.execute(() -> {
      try {
        String text = metrics.scrape();
        ctx.executor().execute(() -> {
          try {
            HttpResponses.text(ctx, req, HttpResponseStatus.OK,
                "text/plain; version=0.0.4; charset=utf-8", text);
          } finally {
            req.release();
          }
        });
      } catch (RuntimeException e) {
        ctx.executor().execute(() -> {
          try {
            HttpResponses.error(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, "metrics failed");
          } finally {
            req.release();
          }
        });
      }
    });
    return true;
  }
}
