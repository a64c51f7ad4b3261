package org.sfu4j.daemon;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.sfu4j.signaling.SignalingService;
import org.sfu4j.signaling.TokenAuthenticator;
import org.sfu4j.signaling.http.SignalingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running sfu4j: media workers, signaling, HTTP server, metrics. */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final DaemonConfig config;
  private final SignalingService service;
  private final SignalingServer server;
  private final DaemonMetrics metrics;
  private final ExecutorService blocking;
  private final InetSocketAddress address;
  private volatile boolean closed;

  private Daemon(DaemonConfig config) throws InterruptedException {
    this.config = config;
    MediaBackends.Media media = MediaBackends.create(config);
    this.service = new SignalingService(
        config.toSignalingConfig(), media.backend(), new TokenAuthenticator(config.auth.secret));
    this.metrics = new DaemonMetrics(service, media.backend().engineWorkers(), media.transports().counters());
    this.blocking = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sfu4j-http-blocking");
      t.setDaemon(true);
      return t;
    });
    this.server =
        new SignalingServer(
            service,
            List.of(new HealthRoute(service), new MetricsRoute(metrics, blocking), new StaticRoute("static")),
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    this.address = server.bind(config.http.ip, config.http.port);
  }

  /** Starts everything; throws if the port cannot be bound. */
  public static Daemon start(DaemonConfig config) throws InterruptedException {
    config.validate();
    return new Daemon(config);
  }

  public InetSocketAddress address() {
    return address;
  }

  public SignalingService service() {
    return service;
  }

  public DaemonConfig config() {
    return config;
  }

  /** Graceful stop: peers get a 1001 close, transports close, sockets and loops stop. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    long t0 = System.nanoTime();
    try {
      service.shutdown().get(4, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("signaling shutdown: {}", e.toString());
    }
    server.close();
    metrics.close();
    blocking.shutdownNow();
    LOG.info("sfu4j stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }
}
