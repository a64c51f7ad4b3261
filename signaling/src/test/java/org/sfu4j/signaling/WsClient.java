package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.sfu4j.signaling.protoo.ProtooCodec;

/**
 * A protoo client over the JDK's WebSocket: an independent implementation of the wire side, used
 * by the protocol tests against the real Netty server on 127.0.0.1.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<JsonNode> inbox = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket ws;
  private long nextId = 1;
  public volatile int closeCode = -1;
  public volatile String closeReason;
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  public static WsClient connect(int port, String query) {
    WsClient c = new WsClient();
    c.ws =
        HTTP.newWebSocketBuilder()
            .subprotocols("protoo")
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?" + query), c)
            .join();
    return c;
  }

  /** A peer with automatic answering of newConsumer requests disabled. */
  public static WsClient connect(int port, String room, String peer) {
    return connect(port, "roomId=" + room + "&peerId=" + peer);
  }

  public WebSocket socket() {
    return ws;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode n = ProtooCodec.MAPPER.readTree(partial.toString());
        synchronized (inbox) {
          inbox.add(n);
          inbox.notifyAll();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode = statusCode;
    closeReason = reason;
    closed.complete(statusCode);
    synchronized (inbox) {
      inbox.notifyAll();
    }
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-2);
  }

  public void sendText(String text) {
    ws.sendText(text, true).join();
  }

  public long sendRequest(String method, JsonNode data) {
    long id = nextId++;
    sendText(ProtooCodec.request(id, method, data));
    return id;
  }

  /** Sends a request and waits for its response (any ok). */
  public JsonNode call(String method, JsonNode data) {
    long id = sendRequest(method, data);
    return take(n -> n.path("response").asBoolean() && n.path("id").asLong() == id, 5000);
  }

  /** Sends a request and returns the response data, asserting ok. */
  public JsonNode ok(String method, JsonNode data) {
    JsonNode r = call(method, data);
    assertTrue(r.path("ok").asBoolean(), method + " failed: " + r);
    return r.path("data");
  }

  /** Sends a request and asserts it fails with {@code code}. */
  public JsonNode error(String method, JsonNode data, int code) {
    JsonNode r = call(method, data);
    assertEquals(false, r.path("ok").asBoolean(), method + " should fail: " + r);
    assertEquals(code, r.path("errorCode").asInt(), method + ": " + r);
    assertTrue(r.path("errorReason").isTextual());
    assertTrue(!r.path("errorReason").asText().contains("Exception"), "leaks an exception: " + r);
    return r;
  }

  public JsonNode notification(String method) {
    return take(n -> n.path("notification").asBoolean() && method.equals(n.path("method").asText()), 5000);
  }

  public JsonNode serverRequest(String method) {
    return take(n -> n.path("request").asBoolean() && method.equals(n.path("method").asText()), 5000);
  }

  /** Accepts the next newConsumer request and returns its data. */
  public JsonNode acceptNewConsumer() {
    JsonNode req = serverRequest("newConsumer");
    sendText(ProtooCodec.okResponse(req.path("id").asLong(), JSON.objectNode()));
    return req.path("data");
  }

  /** True if a matching message arrives within {@code ms} (consumed). */
  public boolean receives(java.util.function.Predicate<JsonNode> p, long ms) {
    return poll(p, ms) != null;
  }

  public JsonNode take(java.util.function.Predicate<JsonNode> p, long ms) {
    JsonNode n = poll(p, ms);
    assertNotNull(n, "no matching message within " + ms + " ms; inbox=" + snapshot());
    return n;
  }

  public JsonNode poll(java.util.function.Predicate<JsonNode> p, long ms) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    synchronized (inbox) {
      while (true) {
        for (Iterator<JsonNode> it = inbox.iterator(); it.hasNext(); ) {
          JsonNode n = it.next();
          if (p.test(n)) {
            it.remove();
            return n;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(inbox, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
  }

  public List<JsonNode> snapshot() {
    synchronized (inbox) {
      return new ArrayList<>(inbox);
    }
  }

  public void clear() {
    synchronized (inbox) {
      inbox.clear();
    }
  }

  public int awaitClose(long ms) {
    try {
      return closed.get(ms, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return -1;
    }
  }

  /** Drops the TCP connection without a close handshake. */
  public void abort() {
    ws.abort();
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      try {
        ws.sendClose(1000, "bye").get(2, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // already closing
      }
    }
    awaitClose(2000);
    ws.abort();
  }

  public static ObjectNode obj() {
    return JSON.objectNode();
  }
}
