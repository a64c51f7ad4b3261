package org.sfu4j.media.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;

/**
 * A media room: transports, the producers they created (indexed here by id so any transport can
 * consume them) and the pending consume requests waiting for producers.
 *
 * <p>Network transports plug in through {@link #createTransport(Function)}: the router creates a
 * {@link TransportContext} (router, loop, allocator, clock, new id), calls the factory on the loop
 * with it, and registers the returned {@link Transport} (whose constructor took that context).
 */
public final class Router {
  /** Router-level events, delivered on the loop; signaling reacts to them. */
  public interface Listener {
    default void onNewTransport(Transport transport) {}

    default void onNewProducer(Producer producer) {}

    default void onProducerClose(Producer producer) {}

    default void onClose() {}
  }

  private final String id = UUID.randomUUID().toString();
  private final Worker worker;
  private final Map<String, Object> appData;
  private final RtpCapabilities rtpCapabilities;
  private final Map<String, Transport> transports = new LinkedHashMap<>();
  private final Map<String, Producer> producers = new HashMap<>();
  private final PendingConsumerQueue pending;
  private final List<Listener> listeners = new ArrayList<>();
  private boolean closed;
  private final List<RtpObserver> rtpObservers = new ArrayList<>();
  /**
   * One timer per router services every stream's media-quality work (NACK retries, ...); this is
   * its default period ({@link WorkerSettings#routerTickIntervalMs()}).
   */
  static final long TICK_MS = 20;
  /** Null when the settings disable the real-time tick (tests then call {@link #tick}). */
  private final java.util.concurrent.ScheduledFuture<?> tickTimer;
  /**
   * Time of the last {@link #tick} (creation time before the first): the coarse clock consumers
   * read per packet now that a consumer is no longer visited on every tick.
   */
  private long tickNowMs;
  /** Transports the last ticks visited / skipped as not due (tests and the profile section). */
  private long transportTicks;
  private long transportTicksSkipped;

  Router(Worker worker, RouterOptions options) {
    this.worker = worker;
    this.appData = options.appData == null ? new HashMap<>() : options.appData;
    this.rtpCapabilities = Ortc.generateRouterRtpCapabilities(options.mediaCodecs);
    this.pending = new PendingConsumerQueue(this);
    this.tickNowMs = worker.nowMs();
    long tickMs = worker.settings().routerTickIntervalMs();
    this.tickTimer = tickMs == 0 ? null : worker.eventLoop().scheduleAtFixedRate(
        () -> tick(worker.nowMs()), tickMs, tickMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Media-quality timers of everything under this router; loop only. Tests call it directly.
   * A transport whose timers are not due (see {@link Transport#tickDue}) is skipped, so a tick
   * costs one check per idle transport instead of a visit of every consumer.
   */
  void tick(long nowMs) {
    if (closed) {
      return;
    }
    tickNowMs = nowMs;
    for (Transport t : transports.values()) {
      if (t.tickDue(nowMs)) {
        transportTicks++;
        t.tick(nowMs);
      } else {
        transportTicksSkipped++;
      }
    }
    for (int i = 0; i < rtpObservers.size(); i++) {
      rtpObservers.get(i).tick(nowMs);
    }
  }

  /** mediasoup's {@code router.createAudioLevelObserver()}. */
  public CompletableFuture<RouterAudioLevelObserver> createAudioLevelObserver(
      AudioLevelObserverOptions options) {
    AudioLevelObserverOptions o = options == null ? new AudioLevelObserverOptions() : options;
    return worker.call(() -> {
      checkOpen();
      RouterAudioLevelObserver obs = new RouterAudioLevelObserver(this, o);
      rtpObservers.add(obs);
      return obs;
    });
  }

  /** mediasoup's {@code router.createActiveSpeakerObserver()}. */
  public CompletableFuture<RouterActiveSpeakerObserver> createActiveSpeakerObserver(
      ActiveSpeakerObserverOptions options) {
    ActiveSpeakerObserverOptions o = options == null ? new ActiveSpeakerObserverOptions() : options;
    return worker.call(() -> {
      checkOpen();
      RouterActiveSpeakerObserver obs = new RouterActiveSpeakerObserver(this, o);
      rtpObservers.add(obs);
      return obs;
    });
  }

  void onRtpObserverClosed(RtpObserver o) {
    rtpObservers.remove(o);
  }

  public String id() {
    return id;
  }

  public Map<String, Object> appData() {
    return appData;
  }

  public Worker worker() {
    return worker;
  }

  /** Whether the router closed (loop-confined; racy off the loop). */
  public boolean closed() {
    return closed;
  }

  /** A deep copy of the router's RTP capabilities (what clients load into their device). */
  public RtpCapabilities rtpCapabilities() {
    return rtpCapabilities.deepCopy();
  }

  RtpCapabilities rtpCapabilitiesShared() {
    return rtpCapabilities;
  }

  /** Adds a listener (posted to the loop when called elsewhere). */
  public void addListener(Listener listener) {
    worker.execute(() -> listeners.add(listener));
  }

  public void removeListener(Listener listener) {
    worker.execute(() -> listeners.remove(listener));
  }

  /**
   * mediasoup's {@code router.createWebRtcTransport()}: ICE-lite + DTLS-SRTP over the worker's UDP
   * socket. Delegates to {@link org.sfu4j.media.transport.WebRtcTransport#create} (webrtc branch).
   */
  public CompletableFuture<org.sfu4j.media.transport.WebRtcTransport> createWebRtcTransport(
      org.sfu4j.media.transport.WebRtcTransportOptions options) {
    return org.sfu4j.media.transport.WebRtcTransport.create(this, options);
  }

  public CompletableFuture<DirectTransport> createDirectTransport(DirectTransportOptions options) {
    DirectTransportOptions o = options == null ? new DirectTransportOptions() : options;
    return createTransport(ctx -> new DirectTransport(ctx, o));
  }

  /**
   * The seam for transports written elsewhere (WebRtcTransport, PlainTransport): {@code factory}
   * runs on the loop with a fresh {@link TransportContext} and must return a transport constructed
   * with exactly that context; the router then registers it and fires {@code onNewTransport}.
   */
  public <T extends Transport> CompletableFuture<T> createTransport(Function<TransportContext, T> factory) {
    return worker.call(() -> {
      checkOpen();
      TransportContext ctx = new TransportContext(this, UUID.randomUUID().toString());
      T transport = factory.apply(ctx);
      if (transport == null || transport.router() != this || !transport.id().equals(ctx.id())) {
        throw new IllegalArgumentException("factory must return a transport built with the given context");
      }
      transports.put(transport.id(), transport);
      for (Listener l : new ArrayList<>(listeners)) {
        l.onNewTransport(transport);
      }
      return transport;
    });
  }

  /** Whether a consumer with {@code caps} could consume the producer (false if it does not exist). */
  public CompletableFuture<Boolean> canConsume(String producerId, RtpCapabilities caps) {
    RtpCapabilities copy = caps == null ? null : caps.deepCopy(); // validation normalises it
    return worker.call(() -> canConsumeNow(producerId, copy));
  }

  /**
   * {@link #canConsume} answered synchronously, for code already running on the worker's loop
   * (e.g. signaling handlers executed there). The capabilities are copied, never modified.
   *
   * @throws IllegalStateException when called off the worker's loop (the producer table is
   *     loop-confined; use {@link #canConsume} there)
   */
  public boolean canConsumeSync(String producerId, RtpCapabilities caps) {
    if (!worker.eventLoop().inEventLoop()) {
      throw new IllegalStateException("canConsumeSync must run on the worker's event loop; use canConsume");
    }
    return canConsumeNow(producerId, caps == null ? null : caps.deepCopy());
  }

  boolean canConsumeNow(String producerId, RtpCapabilities caps) {
    Producer p = producers.get(producerId);
    if (p == null || caps == null) {
      return false;
    }
    try {
      return Ortc.canConsume(p.consumableRtpParametersShared(), caps);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Queues a consume request that is fulfilled as soon as a matching producer exists (immediately
   * if one does). See {@link PendingConsumeRequest} for matching and {@link PendingConsume} for the
   * outcomes. Never throws: errors (closed router, foreign transport, bound exceeded) complete the
   * outcome exceptionally.
   */
  public PendingConsume consumeWhenProduced(PendingConsumeRequest request) {
    PendingConsume handle = new PendingConsume(UUID.randomUUID().toString(), this);
    worker.execute(() -> pending.add(handle, request));
    if (worker.eventLoop().isShuttingDown()) {
      handle.outcomeFuture().completeExceptionally(new InvalidStateException("worker closed"));
    }
    return handle;
  }

  CompletableFuture<Boolean> cancelPending(PendingConsume handle) {
    return worker.call(() -> pending.cancel(handle.id()));
  }

  /** The live producer with that id, or null. */
  public CompletableFuture<Producer> getProducer(String producerId) {
    return worker.call(() -> producers.get(producerId));
  }

  /** Loop-only lookup (for code already running on the worker's loop). */
  public Producer producer(String producerId) {
    return producers.get(producerId);
  }

  public CompletableFuture<Void> close() {
    return worker.call(() -> {
      closeInternal();
      return null;
    });
  }

  /**
   * Ids of everything under this router: {@code id, transportIds, producerIds, consumerIds,
   * pendingIds, transports:[transport dumps]} so tests and the daemon can count objects.
   */
  public CompletableFuture<Map<String, Object>> dump() {
    return worker.call(this::dumpNow);
  }

  Map<String, Object> dumpNow() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("closed", closed);
    d.put("transportIds", new ArrayList<>(transports.keySet()));
    d.put("producerIds", new ArrayList<>(producers.keySet()));
    List<String> consumerIds = new ArrayList<>();
    List<Object> ts = new ArrayList<>();
    for (Transport t : transports.values()) {
      consumerIds.addAll(t.consumerIdsNow());
      ts.add(t.dumpNow());
    }
    d.put("consumerIds", consumerIds);
    d.put("pendingIds", pending.ids());
    d.put("pendingTimers", pending.liveTimers());
    d.put("transports", ts);
    return d;
  }

  void closeInternal() {
    if (closed) {
      return;
    }
    closed = true;
    if (tickTimer != null) {
      tickTimer.cancel(false);
    }
    pending.dropAll();
    for (RtpObserver o : new ArrayList<>(rtpObservers)) {
      o.closeInternal();
    }
    for (Transport t : new ArrayList<>(transports.values())) {
      t.closeInternal(true);
    }
    transports.clear();
    producers.clear();
    worker.onRouterClosed(this);
    for (Listener l : new ArrayList<>(listeners)) {
      l.onClose();
    }
    listeners.clear();
  }

  void checkOpen() {
    if (closed) {
      throw new InvalidStateException("router closed");
    }
  }

  // ---- called by transports, on the loop ----

  void addProducer(Producer producer) {
    if (producers.containsKey(producer.id())) {
      throw new IllegalArgumentException("producer id already in use: " + producer.id());
    }
    producers.put(producer.id(), producer);
    for (Listener l : new ArrayList<>(listeners)) {
      l.onNewProducer(producer);
    }
    pending.onProducer(producer);
  }

  void removeProducer(Producer producer) {
    for (RtpObserver o : new ArrayList<>(rtpObservers)) {
      o.onProducerClosed(producer);
    }
    if (producers.remove(producer.id()) != null) {
      for (Listener l : new ArrayList<>(listeners)) {
        l.onProducerClose(producer);
      }
    }
  }

  void onTransportClosed(Transport transport) {
    transports.remove(transport.id());
    pending.dropForTransport(transport);
  }

  boolean hasTransport(Transport transport) {
    return transports.get(transport.id()) == transport;
  }

  Map<String, Producer> producersView() {
    return producers;
  }

  /** See {@link #tickNowMs}. */
  long tickNowMs() {
    return tickNowMs;
  }

  long transportTicks() {
    return transportTicks;
  }

  long transportTicksSkipped() {
    return transportTicksSkipped;
  }

  int transportCount() {
    return transports.size();
  }
}
