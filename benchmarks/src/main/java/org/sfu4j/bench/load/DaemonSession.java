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
import java.util.concurrent.atomic.AtomicReferenceArray;
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
  /** Room ids are {@code load-<run>-<publisher>}: a new run never meets a stale peer. */
  static final String ROOM_PREFIX = "load-";

  private final LoadConfig config;
  private final LoadMeter meter;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SignalingLatency signaling = new SignalingLatency();
  private final List<ProtooClient> clients = new ArrayList<>();
  private final WebRtcTestPeer[] publishers;
  private final SrtpSubscriber[] subscribers;
  private final SubscriberLoop rxLoop = new SubscriberLoop();
  private final DtlsHandshakeExecutor handshakes;
  private final ProcessStats stats;
  private final ConsentKeeper consent = new ConsentKeeper();
  private final long stormStart;
  private final ExecutorService pool;
  private final List<Future<?>> setup = new ArrayList<>();
  /** Publishers that have produced; before that their packets are dropped, not sent. */
  private final AtomicReferenceArray<WebRtcTestPeer> sending;
  private long setupMillis = -1;
  private long droppedBeforeProduce;
  private final PhaseTimes phases = new PhaseTimes();
  /** Signaling round trips per method and their client-side parts (storm diagnosis). */
  private final PhaseTimes rtts = new PhaseTimes();
  private long pendingConsumes;
  private int failedPeers;
  private String firstFailure;
  private boolean closed;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  public DaemonSession(LoadConfig config, LoadMeter meter) throws Exception {
    this.config = config;
    this.meter = meter;
    this.stats = new ProcessStats(config.targetPid(), null, config.metricsUrl());
    this.pool = Executors.newFixedThreadPool(config.concurrency());
    this.handshakes = new DtlsHandshakeExecutor(config.concurrency(), TIMEOUT);
    int p = config.publishers();
    int n = config.subscribers();
    publishers = new WebRtcTestPeer[p];
    sending = new AtomicReferenceArray<>(p);
    subscribers = new SrtpSubscriber[n];
    DtlsCertificate certificate = DtlsCertificate.generateEcdsaP256();
    stormStart = System.nanoTime();
    for (int i = 0; i < p; i++) {
      int idx = i;
      setup.add(pool.submit(() -> tolerate(() -> publish(idx))));
    }
    for (int j = 0; j < n; j++) {
      int idx = j;
      setup.add(pool.submit(() -> tolerate(() -> {
        subscribe(idx, certificate);
        return null;
      })));
    }
    if (!config.mode().equals("storm")) {
      awaitReady();
    }
  }

  /**
   * Waits for every join. In {@code storm} mode the run calls this after starting the
   * publishers' clock, so each publisher sends (and answers PLIs) as soon as it has produced,
   * while the rest of the storm is still joining, as in a real room.
   */
  @Override
  public void awaitReady() throws Exception {
    if (setupMillis >= 0) {
      return;
    }
    try {
      for (Future<?> f : setup) {
        f.get(180, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      pool.shutdownNow();
      close();
      throw e;
    }
    pool.shutdown();
    setupMillis = (System.nanoTime() - stormStart) / 1_000_000;
    System.out.println(config.publishers() + config.subscribers() + " peers set up in "
        + setupMillis + " ms (" + failedPeers + " failed" + (firstFailure == null ? ""
        : ", first: " + firstFailure) + "); " + phases.summary());
    System.out.println(rtts.summary("signaling round trips"));
  }

  /**
   * Runs one peer's set-up. In storm mode a failed peer is counted (with the first reason) and
   * the storm goes on, since how many peers a storm loses is a result; otherwise it fails the run.
   */
  private <T> T tolerate(Callable<T> peerSetup) throws Exception {
    try {
      return peerSetup.call();
    } catch (Exception e) {
      if (!config.mode().equals("storm")) {
        throw e;
      }
      synchronized (phases) {
        failedPeers++;
        if (firstFailure == null) {
          firstFailure = String.valueOf(e.getMessage());
        }
      }
      return null;
    }
  }

  /** Joins publisher {@code idx}, connects, produces; returns its producer ids (video, audio). */
  private String[] publish(int idx) throws Exception {
    String peerId = "pub-" + idx;
    long t0 = System.nanoTime();
    ProtooClient c = join(roomOf(idx), peerId);
    long t = phases.lap("join", t0);
    JsonNode tr = c.request("createWebRtcTransport", transportRequest(true));
    t = phases.lap("create_transport", t);
    WebRtcTestPeer peer = WebRtcTestPeer.create();
    synchronized (publishers) {
      publishers[idx] = peer;
    }
    peer.connectIce(ice(tr), candidate(tr), TIMEOUT);
    consent.add(peer);
    t = phases.lap("ice", t);
    c.request("connectWebRtcTransport", connectRequest(tr, DtlsRole.CLIENT,
        peer.dtlsParameters(DtlsRole.CLIENT).getFingerprints()));
    peer.connectDtls(DtlsRole.CLIENT, fingerprints(tr), TIMEOUT);
    t = phases.lap("dtls", t);
    String[] ids = new String[2];
    ids[0] = produce(c, tr, MediaKind.VIDEO, idx);
    if (config.traffic().audio()) {
      ids[1] = produce(c, tr, MediaKind.AUDIO, idx);
    }
    sending.set(idx, peer);
    phases.lap("produce_consume", t);
    phases.lap("peer_total", t0);
    return ids;
  }

  /**
   * Joins subscriber {@code idx}, connects and consumes its publisher's video (and audio) by peer
   * id and kind, without waiting for the publisher: if it has not produced yet the daemon queues
   * the request ({@code pending}) and later sends {@code newConsumer}, which the client answers ok
   * (the daemon then resumes the consumer). Returns when every consumer exists.
   */
  private void subscribe(int idx, DtlsCertificate certificate) throws Exception {
    int pub = idx / config.subscribersPerPublisher();
    long t0 = System.nanoTime();
    ProtooClient c = join(roomOf(pub), "sub-" + idx);
    long t = phases.lap("join", t0);
    JsonNode tr = c.request("createWebRtcTransport", transportRequest(false));
    t = phases.lap("create_transport", t);
    SrtpSubscriber sub = new SrtpSubscriber(idx, config.subscribersPerPublisher(), meter,
        certificate, handshakes);
    synchronized (subscribers) {
      subscribers[idx] = sub;
    }
    sub.attach(rxLoop.open(sub));
    sub.connectIce(ice(tr), candidate(tr), TIMEOUT);
    t = phases.lap("ice", t);
    c.request("connectWebRtcTransport", connectRequest(tr, DtlsRole.CLIENT,
        sub.dtlsParameters().getFingerprints()));
    sub.connectDtls(fingerprints(tr), TIMEOUT);
    t = phases.lap("dtls", t);
    List<MediaKind> kinds = config.traffic().audio() ? List.of(MediaKind.VIDEO, MediaKind.AUDIO)
        : List.of(MediaKind.VIDEO);
    int pending = 0;
    for (MediaKind kind : kinds) {
      ObjectNode req = ProtooClient.object();
      req.put("transportId", tr.path("id").asText()).put("peerId", "pub-" + pub)
          .put("kind", kind.name().toLowerCase(Locale.ROOT)).put("paused", false);
      JsonNode consumer = c.request("consume", req);
      if (consumer.path("pending").asBoolean(false)) {
        pending++;
        continue;
      }
      ObjectNode resume = ProtooClient.object();
      resume.put("consumerId", consumer.path("id").asText());
      c.request("resumeConsumer", resume); // what mediasoup-client apps do after consume
    }
    for (int i = 0; i < pending; i++) {
      c.awaitServerRequest("newConsumer", Duration.ofSeconds(120));
    }
    if (pending > 0) {
      synchronized (phases) {
        pendingConsumes += pending;
      }
    }
    phases.lap("produce_consume", t);
    phases.lap("peer_total", t0);
  }

  /**
   * Publisher {@code pub} and its S subscribers share a room of their own (a webinar each): the
   * daemon's rooms stay at S + 1 peers ({@code --dev} allows 100 per room) and nobody is offered
   * producers it does not consume.
   */
  private String roomOf(int pub) {
    return ROOM_PREFIX + run + "-" + pub;
  }

  private ProtooClient join(String room, String peerId) throws Exception {
    long t = System.nanoTime();
    ProtooClient c = ProtooClient.connect(http, config.daemonUrl(), room, peerId, signaling, rtts);
    t = phases.lap("join.ws_open", t);
    synchronized (clients) {
      clients.add(c);
    }
    JsonNode caps = c.request("getRouterRtpCapabilities", null);
    t = phases.lap("join.caps", t);
    ObjectNode join = ProtooClient.object();
    join.put("displayName", peerId).put("subscribe", "manual");
    join.putObject("device").put("name", "sfu4j-load");
    join.set("rtpCapabilities", caps);
    c.request("join", join);
    phases.lap("join.join", t);
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
    WebRtcTestPeer peer = sending.get(publisher);
    if (peer == null) {
      droppedBeforeProduce++;
      return;
    }
    peer.sendRtp(Arrays.copyOf(packet, length));
  }

  @Override
  public boolean keyFrameRequested(int publisher) {
    WebRtcTestPeer peer = sending.get(publisher);
    return peer != null && KeyFrameRequests.drain(peer.receivedRtcp());
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
    int expected = config.subscribers() * (config.traffic().audio() ? 2 : 1);
    // Media reached everybody only when every subscriber stream received something.
    long mediaAll = lastFirst < 0 || flowing < expected ? -1
        : (lastFirst - stormStart) / 1_000_000;
    return String.format(Locale.ROOT, "\"peers\":%d,\"join_ms\":%d,\"media_to_all_ms\":%d,"
            + "\"streams_with_media\":%d,\"signaling_requests\":%d,\"signaling_p50_ms\":%.2f,"
            + "\"signaling_p99_ms\":%.2f,\"signaling_max_ms\":%.2f,"
            + "\"packets_before_produce\":%d,\"pending_consumes\":%d,\"failed_peers\":%d,"
            + "\"concurrency\":%d,%s%s",
        config.publishers() + config.subscribers(), setupMillis, mediaAll, flowing,
        signaling.count(), signaling.percentileMs(50), signaling.percentileMs(99),
        signaling.maxMs(), droppedBeforeProduce, pendingConsumes, failedPeers, config.concurrency(),
        phases.json(), rtts.json().isEmpty() ? "" : "," + rtts.json("signaling_rtt_ms"));
  }

  @Override
  public void close() {
    consent.close();
    if (closed) {
      return;
    }
    closed = true;
    pool.shutdownNow();
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
