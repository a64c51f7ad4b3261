package org.sfu4j.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsCertificate;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsHandshakeExecutor;
import org.sfu4j.srtp.DtlsRole;

/**
 * The daemon over its WebSocket signaling (PROTOCOL.md), as a mediasoup-client app would drive
 * it: each peer connects, loads router capabilities, joins with {@code subscribe: "manual"},
 * creates a WebRtcTransport, runs ICE + DTLS against it and calls {@code connectWebRtcTransport};
 * publishers {@code produce} VP8 (and opus), subscriber {@code j} {@code consume}s publisher
 * {@code j / S}'s producers. All peers join concurrently (32 at a time), which with
 * {@code --mode storm} is the join storm: the report adds the time until media reached every
 * subscriber, counted from the first connect, and the signaling round-trip percentiles.
 */
public final class DaemonSession implements LoadSession {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String ROOM = "load";

  private final LoadConfig config;
  private final LoadMeter meter;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SignalingLatency signaling = new SignalingLatency();
  private final List<ProtooClient> clients = new ArrayList<>();
  private final WebRtcTestPeer[] publishers;
  private final SrtpSubscriber[] subscribers;
  private final SubscriberLoop rxLoop = new SubscriberLoop();
  private final DtlsHandshakeExecutor handshakes = new DtlsHandshakeExecutor(32, TIMEOUT);
  private final ProcessStats stats;
  private final long stormStart;
  private final long setupMillis;

  public DaemonSession(LoadConfig config, LoadMeter meter) throws Exception {
    this.config = config;
    this.meter = meter;
    this.stats = new ProcessStats(config.targetPid(), null, config.metricsUrl());
    int p = config.publishers();
    int n = config.subscribers();
    publishers = new WebRtcTestPeer[p];
    subscribers = new SrtpSubscriber[n];
    DtlsCertificate certificate = DtlsCertificate.generateEcdsaP256();
    List<CompletableFuture<String[]>> produced = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      produced.add(new CompletableFuture<>());
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    stormStart = System.nanoTime();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        int idx = i;
        all.add(pool.submit(() -> {
          try {
            produced.get(idx).complete(publish(idx));
          } catch (Exception e) {
            produced.get(idx).completeExceptionally(e);
            throw e;
          }
          return null;
        }));
      }
      for (int j = 0; j < n; j++) {
        int idx = j;
        all.add(pool.submit(() -> {
          subscribe(idx, certificate, produced.get(idx / config.subscribersPerPublisher()));
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get(180, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      pool.shutdownNow();
      close();
      throw e;
    }
    pool.shutdown();
    setupMillis = (System.nanoTime() - stormStart) / 1_000_000;
  }

  /** Joins publisher {@code idx}, connects, produces; returns its producer ids (video, audio). */
  private String[] publish(int idx) throws Exception {
    String peerId = "pub-" + idx;
    ProtooClient c = join(peerId);
    JsonNode t = c.request("createWebRtcTransport", transportRequest(true));
    WebRtcTestPeer peer = WebRtcTestPeer.create();
    synchronized (publishers) {
      publishers[idx] = peer;
    }
    peer.connectIce(ice(t), candidate(t), TIMEOUT);
    c.request("connectWebRtcTransport", connectRequest(t, DtlsRole.CLIENT,
        peer.dtlsParameters(DtlsRole.CLIENT).getFingerprints()));
    peer.connectDtls(DtlsRole.CLIENT, fingerprints(t), TIMEOUT);
    String[] ids = new String[2];
    ids[0] = produce(c, t, MediaKind.VIDEO, idx);
    if (config.traffic().audio()) {
      ids[1] = produce(c, t, MediaKind.AUDIO, idx);
    }
    return ids;
  }

  private void subscribe(int idx, DtlsCertificate certificate,
      CompletableFuture<String[]> producer) throws Exception {
    int pub = idx / config.subscribersPerPublisher();
    ProtooClient c = join("sub-" + idx);
    JsonNode t = c.request("createWebRtcTransport", transportRequest(false));
    SrtpSubscriber sub = new SrtpSubscriber(idx, config.subscribersPerPublisher(), meter,
        certificate, handshakes);
    synchronized (subscribers) {
      subscribers[idx] = sub;
    }
    sub.attach(rxLoop.open(sub));
    sub.connectIce(ice(t), candidate(t), TIMEOUT);
    c.request("connectWebRtcTransport", connectRequest(t, DtlsRole.CLIENT,
        sub.dtlsParameters().getFingerprints()));
    sub.connectDtls(fingerprints(t), TIMEOUT);
    String[] ids = producer.get(120, TimeUnit.SECONDS);
    for (String producerId : ids) {
      if (producerId == null) {
        continue;
      }
      ObjectNode req = ProtooClient.object();
      req.put("transportId", t.path("id").asText()).put("peerId", "pub-" + pub)
          .put("producerId", producerId).put("paused", false);
      JsonNode consumer = c.request("consume", req);
      if (consumer.has("id")) {
        ObjectNode resume = ProtooClient.object();
        resume.put("consumerId", consumer.path("id").asText());
        try {
          c.request("resumeConsumer", resume);
        } catch (IllegalStateException alreadyRunning) {
          // not paused: fine
        }
      }
    }
  }

  private ProtooClient join(String peerId) throws Exception {
    ProtooClient c = ProtooClient.connect(http, config.daemonUrl(), ROOM, peerId, signaling);
    synchronized (clients) {
      clients.add(c);
    }
    JsonNode caps = c.request("getRouterRtpCapabilities", null);
    ObjectNode join = ProtooClient.object();
    join.put("displayName", peerId).put("subscribe", "manual");
    join.putObject("device").put("name", "sfu4j-load");
    join.set("rtpCapabilities", caps);
    c.request("join", join);
    return c;
  }

  private String produce(ProtooClient c, JsonNode t, MediaKind kind, int idx) throws Exception {
    ObjectNode req = ProtooClient.object();
    req.put("transportId", t.path("id").asText()).put("kind", kind.name().toLowerCase(
        Locale.ROOT));
    req.set("rtpParameters", ProtooClient.tree(EngineSession.rtpParameters(kind, idx)));
    req.putObject("appData").put("source", kind == MediaKind.VIDEO ? "webcam" : "mic");
    return c.request("produce", req).path("id").asText();
  }

  private static ObjectNode transportRequest(boolean producing) {
    ObjectNode o = ProtooClient.object();
    o.put("forceTcp", false).put("producing", producing).put("consuming", !producing);
    return o;
  }

  private static ObjectNode connectRequest(JsonNode t, DtlsRole role, List<DtlsFingerprint> fps) {
    ObjectNode o = ProtooClient.object();
    o.put("transportId", t.path("id").asText());
    ObjectNode d = o.putObject("dtlsParameters");
    d.put("role", role == DtlsRole.CLIENT ? "client" : "server");
    ArrayNode a = d.putArray("fingerprints");
    for (DtlsFingerprint f : fps) {
      a.addObject().put("algorithm", f.getAlgorithm()).put("value", f.getValue());
    }
    return o;
  }

  static IceParameters ice(JsonNode t) {
    JsonNode i = t.path("iceParameters");
    return new IceParameters(i.path("usernameFragment").asText(), i.path("password").asText(),
        i.path("iceLite").asBoolean(true));
  }

  /** The first UDP candidate; it must be loopback. */
  static InetSocketAddress candidate(JsonNode t) {
    for (JsonNode c : t.path("iceCandidates")) {
      if (!"udp".equalsIgnoreCase(c.path("protocol").asText("udp"))) {
        continue;
      }
      String ip = c.has("address") ? c.path("address").asText() : c.path("ip").asText();
      return LoadConfig.loopback(ip + ":" + c.path("port").asInt());
    }
    throw new IllegalStateException("no UDP ICE candidate in " + t);
  }

  static List<DtlsFingerprint> fingerprints(JsonNode t) {
    List<DtlsFingerprint> l = new ArrayList<>();
    for (JsonNode f : t.path("dtlsParameters").path("fingerprints")) {
      l.add(new DtlsFingerprint(f.path("algorithm").asText(), f.path("value").asText()));
    }
    return l;
  }

  @Override
  public void send(int publisher, int kind, byte[] packet, int length) throws Exception {
    publishers[publisher].sendRtp(Arrays.copyOf(packet, length));
  }

  @Override
  public <T> T onReceiveThread(Callable<T> task) throws Exception {
    return rxLoop.call(task);
  }

  @Override
  public ProcessStats targetStats() {
    return stats;
  }

  @Override
  public String setupJson() {
    long lastFirst;
    int flowing;
    try {
      lastFirst = rxLoop.call(meter::lastFirstArrivalNanos);
      flowing = rxLoop.call(meter::streamsWithMedia);
    } catch (Exception e) {
      lastFirst = -1;
      flowing = -1;
    }
    long mediaAll = lastFirst < 0 ? -1 : (lastFirst - stormStart) / 1_000_000;
    return String.format(Locale.ROOT, "\"peers\":%d,\"join_ms\":%d,\"media_to_all_ms\":%d,"
            + "\"streams_with_media\":%d,\"signaling_requests\":%d,\"signaling_p50_ms\":%.2f,"
            + "\"signaling_p99_ms\":%.2f,\"signaling_max_ms\":%.2f",
        config.publishers() + config.subscribers(), setupMillis, mediaAll, flowing,
        signaling.count(), signaling.percentileMs(50), signaling.percentileMs(99),
        signaling.maxMs());
  }

  @Override
  public void close() {
    for (SrtpSubscriber s : subscribers) {
      if (s != null) {
        s.close();
      }
    }
    for (WebRtcTestPeer p : publishers) {
      if (p != null) {
        p.close();
      }
    }
    synchronized (clients) {
      clients.forEach(ProtooClient::close);
    }
    rxLoop.close();
    handshakes.close();
  }
}
