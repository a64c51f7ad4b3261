package org.sfu4j.daemon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.signaling.SignalingCounters;
import org.sfu4j.signaling.SignalingService;
import org.sfu4j.signaling.media.WebRtcNetworkCounters;

/**
 * Prometheus metrics of the daemon: object counts from signaling, transports by state, the
 * signaling loop's lag, and the engine's per-worker counters ({@link EngineMeters}).
 */
final class DaemonMetrics implements AutoCloseable {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SignalingService service;
  private final WebRtcNetworkCounters network;
  private final AtomicLong signalingLagNanos = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicLong> transportsByState = new ConcurrentHashMap<>();
  private final ScheduledExecutorService probe =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sfu4j-lag-probe");
        t.setDaemon(true);
        return t;
      });

  DaemonMetrics(SignalingService service, List<Worker> workers, WebRtcNetworkCounters network) {
    this.service = service;
    this.network = network;
    SignalingCounters c = service.counters();
    Gauge.builder("sfu4j.workers", () -> service.media().workers().size())
        .description("media workers").register(registry);
    Gauge.builder("sfu4j.rooms", c, SignalingCounters::rooms).description("rooms").register(registry);
    Gauge.builder("sfu4j.peers", c, SignalingCounters::peers).description("connected peers").register(registry);
    Gauge.builder("sfu4j.producers", c, SignalingCounters::producers).description("producers").register(registry);
    Gauge.builder("sfu4j.consumers", c, SignalingCounters::consumers).description("consumers").register(registry);
    Gauge.builder("sfu4j.pending.consumers", c, SignalingCounters::pendingConsumers)
        .description("queued consume requests waiting for a producer").register(registry);
    Gauge.builder("sfu4j.event.loop.lag", signalingLagNanos, v -> v.get() / 1e9)
        .tags("loop", "signaling", "worker", "").baseUnit("seconds")
        .description("delay of a task posted to the loop, sampled every 500 ms").register(registry);
    for (String state : new String[] {"new", "connecting", "connected", "disconnected", "failed", "closed"}) {
      AtomicLong n = new AtomicLong();
      transportsByState.put(state, n);
      Gauge.builder("sfu4j.transports", n, AtomicLong::get).tag("state", state)
          .description("transports by ICE/DTLS state").register(registry);
    }
    EngineMeters.bind(registry, workers, network);
    probe.scheduleWithFixedDelay(this::sampleLag, 500, 500, TimeUnit.MILLISECONDS);
  }

  private void sampleLag() {
    long posted = System.nanoTime();
    service.onSignalingThread(() -> signalingLagNanos.set(System.nanoTime() - posted));
  }

  /**
   * Prometheus text. Called off every loop (the HTTP blocking thread); refreshes the per-state
   * transport counts (read on the signaling loop) and the WebRTC socket counters (posted to the
   * worker loops) first, waiting a bounded time and keeping the previous samples otherwise.
   */
  String scrape() {
    CompletableFuture<Void> sockets = network.refreshAll();
    try {
      var states = service.transportStates().get(1, TimeUnit.SECONDS);
      transportsByState.forEach((k, v) -> v.set(states.getOrDefault(k, 0)));
    } catch (Exception e) {
      // keep the previous sample
    }
    try {
      sockets.get(500, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // keep the previous sample
    }
    return registry.scrape();
  }

  @Override
  public void close() {
    probe.shutdownNow();
    registry.close();
  }
}
