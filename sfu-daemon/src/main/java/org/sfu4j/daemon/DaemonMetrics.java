package org.sfu4j.daemon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.signaling.SignalingCounters;
import org.sfu4j.signaling.SignalingService;

/**
 * Prometheus metrics of the daemon. Only numbers that exist are exported: object counts from
 * signaling, worker count, signaling event-loop lag. RTP packet/byte/drop counters and DTLS
 * failures are added when the engine exposes them (none are faked).
 */
final class DaemonMetrics implements AutoCloseable {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SignalingService service;
  private final AtomicLong signalingLagNanos = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicLong> transportsByState = new ConcurrentHashMap<>();
  private final ScheduledExecutorService probe =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sfu4j-lag-probe");
        t.setDaemon(true);
        return t;
      });

  DaemonMetrics(SignalingService service) {
    this.service = service;
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
        .tag("loop", "signaling").baseUnit("seconds")
        .description("delay of a task posted to the loop, sampled every 500 ms").register(registry);
    for (String state : new String[] {"new", "connecting", "connected", "failed", "closed"}) {
      AtomicLong n = new AtomicLong();
      transportsByState.put(state, n);
      Gauge.builder("sfu4j.transports", n, AtomicLong::get).tag("state", state)
          .description("transports by ICE/DTLS state").register(registry);
    }
    probe.scheduleWithFixedDelay(this::sampleLag, 500, 500, TimeUnit.MILLISECONDS);
  }

  private void sampleLag() {
    long posted = System.nanoTime();
    service.onSignalingThread(() -> signalingLagNanos.set(System.nanoTime() - posted));
  }

  /** Prometheus text; refreshes the per-state transport counts first (read on the signaling loop). */
  String scrape() {
    try {
      var states = service.transportStates().get(1, TimeUnit.SECONDS);
      transportsByState.forEach((k, v) -> v.set(states.getOrDefault(k, 0)));
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
