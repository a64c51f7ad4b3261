package org.sfu4j.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal protoo signaling client over the JDK's WebSocket (PROTOCOL.md): requests with ids
 * and futures, every server request answered {@code ok} (so auto-subscribe offers never stall),
 * notifications ignored. Each request's round trip is recorded in a shared histogram.
 */
final class ProtooClient implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger(1);
  /** How the daemon's protoo notifications start (ProtooCodec writes this member first). */
  private static final String NOTIFICATION = "{\"notification\":true";

  private final Map<Integer, Waiting> pending = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private final SignalingLatency latency;
  /** Where a round trip went: per method, sending, and the caller's wake-up after the answer. */
  private final PhaseTimes detail;
  private final WebSocket socket;
  /** Server requests, already answered ok, for callers that wait for one (newConsumer). */
  private final BlockingQueue<JsonNode> serverRequests = new LinkedBlockingQueue<>();

  private ProtooClient(HttpClient http, URI uri, SignalingLatency latency, PhaseTimes detail)
      throws Exception {
    this.latency = latency;
    this.detail = detail;
    this.socket = http.newWebSocketBuilder().subprotocols("protoo")
        .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).get(15, TimeUnit.SECONDS);
  }

  /** Connects {@code peerId} to {@code roomId} at {@code base} (ws://127.0.0.1:PORT). */
  static ProtooClient connect(HttpClient http, String base, String roomId, String peerId,
      SignalingLatency latency, PhaseTimes detail) throws Exception {
    URI uri = URI.create(base + "/ws?roomId=" + roomId + "&peerId=" + peerId);
    return new ProtooClient(http, uri, latency, detail);
  }

  /** A request awaiting its response, with the time the response frame was decoded. */
  private static final class Waiting {
    final CompletableFuture<JsonNode> future = new CompletableFuture<>();
    volatile long receivedNanos;
  }

  /** Sends a request and waits for its ok response's data; throws on an error response. */
  JsonNode request(String method, Object data) throws Exception {
    int id = IDS.getAndIncrement();
    ObjectNode m = JSON.createObjectNode();
    m.put("request", true).put("id", id).put("method", method);
    m.set("data", data == null ? JSON.createObjectNode() : JSON.valueToTree(data));
    Waiting w = new Waiting();
    pending.put(id, w);
    long t0 = System.nanoTime();
    synchronized (socket) {
      socket.sendText(JSON.writeValueAsString(m), true).get(10, TimeUnit.SECONDS);
    }
    long sent = System.nanoTime();
    JsonNode r = w.future.get(20, TimeUnit.SECONDS);
    long woken = System.nanoTime();
    latency.record(woken - t0);
    if (detail != null) {
      detail.record("rtt " + method, woken - t0);
      detail.record("client send", sent - t0);
      detail.record("client wake", woken - w.receivedNanos);
    }
    if (!r.path("ok").asBoolean(false)) {
      throw new IllegalStateException(method + " failed: " + r.path("errorCode").asInt() + " "
          + r.path("errorReason").asText());
    }
    return r.path("data");
  }

  /**
   * Waits for the next server request named {@code method} (answered ok on arrival); requests
   * with other methods that arrive meanwhile are skipped.
   */
  JsonNode awaitServerRequest(String method, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode n = left <= 0 ? null : serverRequests.poll(left, TimeUnit.NANOSECONDS);
      if (n == null) {
        throw new IllegalStateException("no " + method + " request within " + timeout);
      }
      if (method.equals(n.path("method").asText())) {
        return n.path("data");
      }
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static JsonNode tree(Object pojo) {
    return JSON.valueToTree(pojo);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      handle(webSocket, text);
    }
    webSocket.request(1);
    return null;
  }

  private void handle(WebSocket ws, String text) {
    if (text.startsWith(NOTIFICATION)) {
      // Ignored anyway; a storm of N peers brings ~N²/2 newPeer, not worth a JSON parse each.
      return;
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n.path("response").asBoolean(false)) {
        Waiting w = pending.remove(n.path("id").asInt());
        if (w != null) {
          w.receivedNanos = System.nanoTime();
          w.future.complete(n);
        }
      } else if (n.path("request").asBoolean(false)) {
        ObjectNode r = JSON.createObjectNode();
        r.put("response", true).put("id", n.path("id").asLong()).put("ok", true);
        r.set("data", JSON.createObjectNode());
        synchronized (socket) {
          ws.sendText(JSON.writeValueAsString(r), true);
        }
        serverRequests.offer(n);
      }
    } catch (Exception e) {
      // not JSON: ignore, the request waiting for it times out
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    pending.values().forEach(w -> w.future.completeExceptionally(
        new IllegalStateException("socket closed " + statusCode + " " + reason)));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    pending.values().forEach(w -> w.future.completeExceptionally(error));
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      socket.abort();
    }
  }
}
