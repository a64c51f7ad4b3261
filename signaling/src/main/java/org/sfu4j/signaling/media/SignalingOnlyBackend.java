package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.UnsupportedException;

/**
 * A media backend that implements the object model and its events (ids, close cascades, pause
 * propagation, pending consumers with timeouts, stats shapes) but forwards no media and opens no
 * sockets. It lets the protocol layer run and be tested end to end before the engine adapter is
 * wired, and keeps protocol tests independent of ICE/DTLS. Each "worker" is one executor thread
 * that owns its routers' state, like the engine's workers.
 */
public final class SignalingOnlyBackend implements MediaBackend {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final List<FakeWorker> workers = new ArrayList<>();
  private final JsonNode routerCaps;

  public SignalingOnlyBackend(int workerCount) {
    for (int i = 0; i < workerCount; i++) {
      workers.add(
          new FakeWorker(
              i, new DefaultEventExecutor(new DefaultThreadFactory("sfu4j-fake-worker-" + i, true))));
    }
    this.routerCaps = defaultRouterCapabilities();
  }

  /** opus + VP8 + VP9 + H264 with rtx, the mediasoup-demo default set, in v3 JSON. */
  static JsonNode defaultRouterCapabilities() {
    ObjectNode caps = JSON.objectNode();
    ArrayNode codecs = caps.putArray("codecs");
    ObjectNode opus = codecs.addObject().put("kind", "audio").put("mimeType", "audio/opus")
        .put("preferredPayloadType", 100).put("clockRate", 48000).put("channels", 2);
    opus.putObject("parameters");
    opus.putArray("rtcpFeedback").addObject().put("type", "transport-cc").put("parameter", "");
    int pt = 101;
    for (String mime : new String[] {"video/VP8", "video/VP9", "video/H264"}) {
      ObjectNode v = codecs.addObject().put("kind", "video").put("mimeType", mime)
          .put("preferredPayloadType", pt).put("clockRate", 90000);
      ObjectNode params = v.putObject("parameters");
      if (mime.equals("video/H264")) {
        params.put("packetization-mode", 1).put("level-asymmetry-allowed", 1)
            .put("profile-level-id", "4d0032");
      }
      ArrayNode fb = v.putArray("rtcpFeedback");
      fb.addObject().put("type", "nack").put("parameter", "");
      fb.addObject().put("type", "nack").put("parameter", "pli");
      fb.addObject().put("type", "ccm").put("parameter", "fir");
      fb.addObject().put("type", "goog-remb").put("parameter", "");
      fb.addObject().put("type", "transport-cc").put("parameter", "");
      ObjectNode rtx = codecs.addObject().put("kind", "video").put("mimeType", "video/rtx")
          .put("preferredPayloadType", pt + 1).put("clockRate", 90000);
      rtx.putObject("parameters").put("apt", pt);
      rtx.putArray("rtcpFeedback");
      pt += 2;
    }
    ArrayNode exts = caps.putArray("headerExtensions");
    exts.addObject().put("kind", "audio").put("uri", "urn:ietf:params:rtp-hdrext:sdes:mid")
        .put("preferredId", 1).put("preferredEncrypt", false).put("direction", "sendrecv");
    exts.addObject().put("kind", "video").put("uri", "urn:ietf:params:rtp-hdrext:sdes:mid")
        .put("preferredId", 1).put("preferredEncrypt", false).put("direction", "sendrecv");
    return caps;
  }

  @Override
  public CompletableFuture<MediaRouter> createRouter() {
    FakeWorker w = workers.get(0);
    for (FakeWorker c : workers) {
      if (c.routers.get() < w.routers.get()) {
        w = c;
      }
    }
    FakeWorker chosen = w;
    chosen.routers.incrementAndGet();
    return chosen.call(() -> new FakeRouter(chosen));
  }

  @Override
  public List<WorkerStatus> workers() {
    List<WorkerStatus> list = new ArrayList<>();
    for (FakeWorker w : workers) {
      list.add(new WorkerStatus(w.index, w.loop.isShuttingDown() ? "closed" : "running",
          w.routers.get(), 0));
    }
    return list;
  }

  /** Live objects across all workers (leak assertions). */
  public int liveObjects() {
    int n = 0;
    for (FakeWorker w : workers) {
      n += w.objects.get();
    }
    return n;
  }

  @Override
  public CompletableFuture<Void> close() {
    CompletableFuture<?>[] all = new CompletableFuture<?>[workers.size()];
    for (int i = 0; i < workers.size(); i++) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      workers.get(i).loop.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS)
          .addListener(x -> f.complete(null));
      all[i] = f;
    }
    return CompletableFuture.allOf(all);
  }

  private static final class FakeWorker {
    final int index;
    final EventExecutor loop;
    final AtomicInteger routers = new AtomicInteger();
    /** Routers + transports + producers + consumers + pending entries alive. */
    final AtomicInteger objects = new AtomicInteger();

    FakeWorker(int index, EventExecutor loop) {
      this.index = index;
      this.loop = loop;
    }

    <T> CompletableFuture<T> call(Supplier<T> s) {
      CompletableFuture<T> f = new CompletableFuture<>();
      try {
        loop.execute(() -> {
          try {
            f.complete(s.get());
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
      } catch (RuntimeException rejected) {
        f.completeExceptionally(new InvalidStateException("worker closed"));
      }
      return f;
    }

    void run(Runnable r) {
      try {
        loop.execute(r);
      } catch (RuntimeException rejected) {
        // worker closed: nothing left to do
      }
    }
  }

  private final class FakeRouter implements MediaRouter {
    final FakeWorker w;
    final String id = UUID.randomUUID().toString();
    final Map<String, FakeProducer> producers = new ConcurrentHashMap<>();
    final List<FakeTransport> transports = new ArrayList<>();
    final List<FakePending> pendings = new ArrayList<>();
    boolean closed;

    FakeRouter(FakeWorker w) {
      this.w = w;
      w.objects.incrementAndGet();
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public JsonNode rtpCapabilities() {
      return routerCaps.deepCopy();
    }

    @Override
    public boolean canConsume(String producerId, JsonNode caps) {
      FakeProducer p = producers.get(producerId);
      if (p == null || caps == null) {
        return false;
      }
      String mime = p.rtpParameters.path("codecs").path(0).path("mimeType").asText("");
      for (JsonNode c : caps.path("codecs")) {
        if (mime.equalsIgnoreCase(c.path("mimeType").asText())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public CompletableFuture<MediaTransport> createTransport(TransportOptions options) {
      return w.call(() -> {
        if (closed) {
          throw new InvalidStateException("router closed");
        }
        FakeTransport t = new FakeTransport(this);
        transports.add(t);
        return t;
      });
    }

    @Override
    public PendingConsume consumeWhenProduced(
        MediaTransport transport, ConsumeSpec spec, long timeoutMs, PendingConsume.Listener l) {
      FakePending p = new FakePending(this, (FakeTransport) transport, spec, l);
      w.run(() -> p.start(timeoutMs));
      return p;
    }

    /** Fulfils the pendings that match a new producer, in the same turn (engine semantics). */
    void producerAppeared(FakeProducer p) {
      for (FakePending pending : new ArrayList<>(pendings)) {
        if (pending.matches(p)) {
          pending.finish();
          FakeConsumer c = pending.transport.consumeNow(p, true);
          if (c == null) {
            pending.listener.onFailed(new UnsupportedException("cannot consume"));
          } else {
            pending.listener.onFulfilled(c);
          }
        }
      }
    }

    @Override
    public void close() {
      w.run(() -> {
        if (closed) {
          return;
        }
        closed = true;
        for (FakeTransport t : new ArrayList<>(transports)) {
          t.closeNow();
        }
        w.objects.decrementAndGet();
        w.routers.decrementAndGet();
      });
    }
  }

  private static final class FakePending implements PendingConsume {
    final FakeRouter router;
    final FakeTransport transport;
    final MediaRouter.ConsumeSpec spec;
    final PendingConsume.Listener listener;
    ScheduledFuture<?> timer;
    boolean done;

    FakePending(FakeRouter router, FakeTransport t, MediaRouter.ConsumeSpec spec, Listener l) {
      this.router = router;
      this.transport = t;
      this.spec = spec;
      this.listener = l;
    }

    void start(long timeoutMs) {
      if (done) {
        return; // cancelled before it started
      }
      if (transport.closed) {
        done = true;
        listener.onDropped();
        return;
      }
      router.pendings.add(this);
      router.w.objects.incrementAndGet();
      for (FakeProducer p : router.producers.values()) {
        if (matches(p)) {
          router.producerAppeared(p);
          return;
        }
      }
      timer = router.w.loop.schedule(() -> {
        if (!done) {
          finish();
          listener.onExpired();
        }
      }, timeoutMs, TimeUnit.MILLISECONDS);
    }

    boolean matches(FakeProducer p) {
      if (done) {
        return false;
      }
      if (spec.producerId() != null && !spec.producerId().equals(p.id)) {
        return false;
      }
      if (spec.ownerTag() != null && !spec.ownerTag().equals(p.ownerTag)) {
        return false;
      }
      if (spec.kind() != null && !spec.kind().equals(p.kind)) {
        return false;
      }
      return spec.source() == null || spec.source().equals(p.appData.path("source").asText(null));
    }

    void finish() {
      if (done) {
        return;
      }
      done = true;
      if (router.pendings.remove(this)) {
        router.w.objects.decrementAndGet();
      }
      if (timer != null) {
        timer.cancel(false);
      }
    }

    @Override
    public void cancel() {
      router.w.run(() -> {
        if (!done) {
          finish();
        }
      });
    }
  }

  private static final class FakeTransport implements MediaTransport {
    final FakeRouter router;
    final String id = UUID.randomUUID().toString();
    final List<FakeProducer> producers = new ArrayList<>();
    final List<FakeConsumer> consumers = new ArrayList<>();
    volatile boolean closed;
    volatile String state = "new";

    FakeTransport(FakeRouter router) {
      this.router = router;
      router.w.objects.incrementAndGet();
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public ObjectNode clientParameters() {
      ObjectNode o = JSON.objectNode().put("id", id);
      o.set("iceParameters", ice());
      ArrayNode cands = o.putArray("iceCandidates");
      cands.addObject().put("foundation", "udpcandidate").put("priority", 1076302079L)
          .put("ip", "127.0.0.1").put("address", "127.0.0.1").put("protocol", "udp")
          .put("port", 40000).put("type", "host");
      ObjectNode dtls = o.putObject("dtlsParameters").put("role", "auto");
      dtls.putArray("fingerprints").addObject().put("algorithm", "sha-256")
          .put("value", "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
      return o;
    }

    private static ObjectNode ice() {
      return JSON.objectNode().put("usernameFragment", UUID.randomUUID().toString().substring(0, 8))
          .put("password", UUID.randomUUID().toString().replace("-", "")).put("iceLite", true);
    }

    @Override
    public CompletableFuture<Void> connect(JsonNode dtlsParameters) {
      return router.w.call(() -> {
        if (closed) {
          throw new InvalidStateException("transport closed");
        }
        state = "connected";
        return null;
      });
    }

    @Override
    public CompletableFuture<JsonNode> restartIce() {
      return router.w.call(FakeTransport::ice);
    }

    @Override
    public CompletableFuture<MediaProducer> produce(
        String kind, JsonNode rtpParameters, ObjectNode appData, String ownerTag) {
      return router.w.call(() -> {
        if (closed) {
          throw new InvalidStateException("transport closed");
        }
        String mime = rtpParameters.path("codecs").path(0).path("mimeType").asText("");
        if (!mime.toLowerCase().startsWith(kind + "/")) {
          throw new UnsupportedException("codec " + mime + " does not match kind " + kind);
        }
        FakeProducer p = new FakeProducer(this, kind, rtpParameters.deepCopy(), appData, ownerTag);
        producers.add(p);
        router.producers.put(p.id, p);
        router.producerAppeared(p);
        return p;
      });
    }

    @Override
    public CompletableFuture<MediaConsumer> consume(
        String producerId, JsonNode caps, boolean paused, ObjectNode appData) {
      return router.w.call(() -> {
        if (closed) {
          throw new InvalidStateException("transport closed");
        }
        FakeProducer p = router.producers.get(producerId);
        if (p == null) {
          throw new org.sfu4j.media.NotFoundException("producer " + producerId + " not found");
        }
        return consumeNow(p, paused);
      });
    }

    FakeConsumer consumeNow(FakeProducer p, boolean paused) {
      FakeConsumer c = new FakeConsumer(this, p, paused);
      consumers.add(c);
      p.consumers.add(c);
      return c;
    }

    @Override
    public CompletableFuture<String> produceData(
        JsonNode sctp, String label, String protocol, ObjectNode appData) {
      return CompletableFuture.failedFuture(
          new UnsupportedException("data channels (SCTP) are not supported yet"));
    }

    @Override
    public CompletableFuture<JsonNode> getStats() {
      return router.w.call(() -> {
        ArrayNode a = JSON.arrayNode();
        a.addObject().put("type", "webrtc-transport").put("transportId", id)
            .put("timestamp", System.currentTimeMillis()).put("iceState", state)
            .put("bytesReceived", 0).put("bytesSent", 0);
        return a;
      });
    }

    @Override
    public String state() {
      return closed ? "closed" : state;
    }

    @Override
    public void close() {
      router.w.run(this::closeNow);
    }

    void closeNow() {
      if (closed) {
        return;
      }
      closed = true;
      for (FakePending p : new ArrayList<>(router.pendings)) {
        if (p.transport == this) {
          p.finish();
          p.listener.onDropped();
        }
      }
      for (FakeConsumer c : new ArrayList<>(consumers)) {
        c.closeNow();
        if (c.listener != null) {
          c.listener.onTransportClosed();
        }
      }
      for (FakeProducer p : new ArrayList<>(producers)) {
        p.closeNow();
        if (p.listener != null) {
          p.listener.onTransportClosed();
        }
      }
      router.transports.remove(this);
      router.w.objects.decrementAndGet();
    }
  }

  private static final class FakeProducer implements MediaProducer {
    final FakeTransport transport;
    final String id = UUID.randomUUID().toString();
    final String kind;
    final JsonNode rtpParameters;
    final ObjectNode appData;
    final String ownerTag;
    final List<FakeConsumer> consumers = new ArrayList<>();
    volatile boolean paused;
    volatile Listener listener;
    boolean closed;

    FakeProducer(FakeTransport t, String kind, JsonNode rtp, ObjectNode appData, String ownerTag) {
      this.transport = t;
      this.kind = kind;
      this.rtpParameters = rtp;
      this.appData = appData;
      this.ownerTag = ownerTag;
      t.router.w.objects.incrementAndGet();
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String kind() {
      return kind;
    }

    @Override
    public boolean paused() {
      return paused;
    }

    @Override
    public CompletableFuture<Void> pause() {
      return transport.router.w.call(() -> {
        if (!paused && !closed) {
          paused = true;
          for (FakeConsumer c : consumers) {
            if (c.listener != null) {
              c.listener.onProducerPaused();
            }
          }
        }
        return null;
      });
    }

    @Override
    public CompletableFuture<Void> resume() {
      return transport.router.w.call(() -> {
        if (paused && !closed) {
          paused = false;
          for (FakeConsumer c : consumers) {
            if (c.listener != null) {
              c.listener.onProducerResumed();
            }
          }
        }
        return null;
      });
    }

    @Override
    public CompletableFuture<JsonNode> getStats() {
      return transport.router.w.call(() -> {
        ArrayNode a = JSON.arrayNode();
        a.addObject().put("type", "inbound-rtp").put("kind", kind)
            .put("timestamp", System.currentTimeMillis()).put("packetCount", 0).put("byteCount", 0);
        return a;
      });
    }

    @Override
    public void close() {
      transport.router.w.run(this::closeNow);
    }

    void closeNow() {
      if (closed) {
        return;
      }
      closed = true;
      for (FakeConsumer c : new ArrayList<>(consumers)) {
        c.closeNow();
        if (c.listener != null) {
          c.listener.onProducerClosed();
        }
      }
      transport.producers.remove(this);
      transport.router.producers.remove(id);
      transport.router.w.objects.decrementAndGet();
    }

    @Override
    public void setListener(Listener listener) {
      this.listener = listener;
    }
  }

  private static final class FakeConsumer implements MediaConsumer {
    final FakeTransport transport;
    final FakeProducer producer;
    final String id = UUID.randomUUID().toString();
    final JsonNode rtpParameters;
    volatile boolean paused;
    volatile Listener listener;
    boolean closed;

    FakeConsumer(FakeTransport t, FakeProducer p, boolean paused) {
      this.transport = t;
      this.producer = p;
      this.paused = paused;
      ObjectNode rtp = (ObjectNode) p.rtpParameters.deepCopy();
      ArrayNode enc = rtp.putArray("encodings");
      enc.addObject().put("ssrc", ThreadLocalRandom.current().nextLong(1, 0xffffffffL));
      rtp.putObject("rtcp").put("cname", "sfu4j").put("reducedSize", true).put("mux", true);
      this.rtpParameters = rtp;
      t.router.w.objects.incrementAndGet();
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String producerId() {
      return producer.id;
    }

    @Override
    public String kind() {
      return producer.kind;
    }

    @Override
    public JsonNode rtpParameters() {
      return rtpParameters.deepCopy();
    }

    @Override
    public String type() {
      return producer.rtpParameters.path("encodings").size() > 1 ? "simulcast" : "simple";
    }

    @Override
    public boolean paused() {
      return paused;
    }

    @Override
    public boolean producerPaused() {
      return producer.paused;
    }

    private CompletableFuture<Void> op(Runnable r) {
      return transport.router.w.call(() -> {
        if (closed) {
          throw new InvalidStateException("consumer closed");
        }
        r.run();
        return null;
      });
    }

    @Override
    public CompletableFuture<Void> pause() {
      return op(() -> paused = true);
    }

    @Override
    public CompletableFuture<Void> resume() {
      return op(() -> paused = false);
    }

    @Override
    public CompletableFuture<Void> setPreferredLayers(int spatialLayer, Integer temporalLayer) {
      return op(() -> {});
    }

    @Override
    public CompletableFuture<Void> setPriority(int priority) {
      return op(() -> {});
    }

    @Override
    public CompletableFuture<Void> requestKeyFrame() {
      return op(() -> {});
    }

    @Override
    public CompletableFuture<JsonNode> getStats() {
      return transport.router.w.call(() -> {
        ArrayNode a = JSON.arrayNode();
        a.addObject().put("type", "outbound-rtp").put("kind", producer.kind)
            .put("timestamp", System.currentTimeMillis()).put("packetCount", 0).put("byteCount", 0);
        return a;
      });
    }

    @Override
    public void close() {
      transport.router.w.run(this::closeNow);
    }

    void closeNow() {
      if (closed) {
        return;
      }
      closed = true;
      transport.consumers.remove(this);
      producer.consumers.remove(this);
      transport.router.w.objects.decrementAndGet();
    }

    @Override
    public void setListener(Listener listener) {
      this.listener = listener;
    }
  }
}
