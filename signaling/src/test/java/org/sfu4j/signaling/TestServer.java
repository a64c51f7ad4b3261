package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sfu4j.signaling.http.HttpRoute;
import org.sfu4j.signaling.http.SignalingServer;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.signaling.media.EngineMediaBackend;
import org.sfu4j.signaling.media.TransportFactory;

/** Signaling service + real Netty server on 127.0.0.1 (random port) for protocol tests. */
public final class TestServer implements AutoCloseable {
  /** Live media objects of the engine backend (leak checks). */
  public final java.util.function.IntSupplier liveMediaObjects;
  public final EngineMediaBackend backend;
  public final SignalingService service;
  public final SignalingServer server;
  public final int port;

  public TestServer(SignalingConfig config, String secret) throws InterruptedException {
    this(config, secret, List.of());
  }

  public TestServer(SignalingConfig config, String secret, List<HttpRoute> routes)
      throws InterruptedException {
    // The real engine with in-process DirectTransports (no ICE/DTLS in protocol tests).
    EngineMediaBackend engine =
        new EngineMediaBackend(
            2,
            new WorkerSettings().pendingConsumerTimeoutMs(config.pendingConsumerTimeoutMs()),
            EngineMediaBackend.defaultMediaCodecs(),
            TransportFactory.direct());
    backend = engine;
    liveMediaObjects = engine::liveObjects;
    service = new SignalingService(config, backend, new TokenAuthenticator(secret));
    server = new SignalingServer(service, routes, 1);
    port = server.bind("127.0.0.1", 0).getPort();
  }

  public SignalingCounters counters() {
    return service.counters();
  }

  /** Waits until every object count is zero (after peers left). */
  public void awaitEmpty() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      SignalingCounters c = counters();
      if (c.rooms() + c.peers() + c.transports() + c.producers() + c.consumers()
              + c.pendingConsumers() + c.serverRequests() == 0
          && liveMediaObjects.getAsInt() == 0) {
        return;
      }
      sleep(10);
    }
    throw new AssertionError("objects left: " + counters() + " backend=" + liveMediaObjects.getAsInt());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A joined peer with a connected send transport and a recv transport, like mediasoup-demo. */
  public Joined join(String room, String peer, String subscribe) {
    return join(room, peer, subscribe, Fixtures.deviceCaps());
  }

  /** {@link #join(String, String, String)} with the given device rtpCapabilities. */
  public Joined join(String room, String peer, String subscribe, JsonNode rtpCapabilities) {
    WsClient c = WsClient.connect(port, room, peer);
    c.ok("getRouterRtpCapabilities", WsClient.obj());
    ObjectNode sendOpts = WsClient.obj().put("forceTcp", false).put("producing", true).put("consuming", false);
    JsonNode send = c.ok("createWebRtcTransport", sendOpts);
    ObjectNode recvOpts = WsClient.obj().put("forceTcp", false).put("producing", false).put("consuming", true);
    JsonNode recv = c.ok("createWebRtcTransport", recvOpts);
    ObjectNode connect = WsClient.obj().put("transportId", send.path("id").asText());
    connect.set("dtlsParameters", Fixtures.dtls("chrome-produce-opus.json"));
    c.ok("connectWebRtcTransport", connect);
    ObjectNode join = WsClient.obj().put("displayName", peer);
    join.putObject("device").put("name", "junit").put("flag", "java").put("version", "1");
    join.set("rtpCapabilities", rtpCapabilities);
    if (subscribe != null) {
      join.put("subscribe", subscribe);
    }
    JsonNode joined = c.ok("join", join);
    return new Joined(c, send.path("id").asText(), recv.path("id").asText(), joined);
  }

  /** A joined client and its transport ids. */
  public record Joined(WsClient ws, String sendId, String recvId, JsonNode joinResponse) {
    public String produce(String fixture) {
      return ws.ok("produce", Fixtures.produce(fixture, sendId)).path("id").asText();
    }
  }

  @Override
  public void close() {
    server.close();
    service.shutdown().orTimeout(5, TimeUnit.SECONDS).join();
  }
}
