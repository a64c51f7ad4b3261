package org.sfu4j.daemon;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sfu4j.signaling.http.HttpResponses;
import org.sfu4j.signaling.http.HttpRoute;

/**
 * Serves the demo page from the classpath folder {@code static/}. Only plain file names made of
 * safe characters are looked up, so no path can climb out of that folder.
 */
final class StaticRoute implements HttpRoute {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "map", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8");

  private final String root;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  StaticRoute(String classpathRoot) {
    this.root = classpathRoot;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest req, String rawPath) {
    if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
      return false;
    }
    String path = QueryStringDecoder.decodeComponent(rawPath);
    if (path.equals("/")) {
      path = "/index.html";
    }
    if (!isSafe(path)) {
      HttpResponses.error(ctx, req, HttpResponseStatus.NOT_FOUND, "not found");
      return true;
    }
    String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(ext);
    byte[] body = type == null ? null : load(path);
    if (body == null) {
      return false;
    }
    ByteBuf buf = req.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    HttpResponses.bytes(ctx, req, HttpResponseStatus.OK, type, buf);
    return true;
  }

  /** Only {@code /name.ext} or {@code /dir/name.ext} made of [A-Za-z0-9._-], no dot segments. */
  static boolean isSafe(String path) {
    if (!path.startsWith("/") || path.length() > 200) {
      return false;
    }
    String[] parts = path.substring(1).split("/", -1);
    for (String p : parts) {
      if (p.isEmpty() || p.equals(".") || p.equals("..") || p.startsWith(".")) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
            || c == '.' || c == '_' || c == '-';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private byte[] load(String path) {
    byte[] cached = cache.get(path);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = StaticRoute.class.getResourceAsStream("/" + root + path)) {
      if (in == null) {
        return null;
      }
      byte[] b = in.readAllBytes();
      cache.put(path, b);
      return b;
    } catch (IOException e) {
      return null;
    }
  }
}
