package org.sfu4j.media.engine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ManualIoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.sfu4j.media.InvalidStateException;

/**
 * The root of the object tree: one Netty event loop thread that owns every router, transport,
 * producer and consumer created under it.
 *
 * <p>Threading contract (the whole engine follows it): state is touched only on {@link #eventLoop()};
 * public methods may be called from any thread and return a {@link CompletableFuture} that runs the
 * work inline when already on the loop, or posts it. Events are delivered on the loop. Never block
 * on such a future from the loop itself (that would deadlock). A network transport registers its
 * channel on the same loop so that packets reach the engine without a thread hop.
 */
public final class Worker {
  private final String id = UUID.randomUUID().toString();
  private final WorkerSettings settings;
  /** Null with a manual loop. */
  private final MultiThreadIoEventLoopGroup group;
  private final EventLoop loop;
  /** Non-null when {@link WorkerSettings#manualEventLoop()}. */
  private final ManualIoEventLoop manualLoop;
  private final LongSupplier clock;
  private final ByteBufAllocator allocator;
  /** Where consumers build outgoing packets (see {@link ReusableSendBuffer}); loop only. */
  private final ReusableSendBuffer sendBuffer = new ReusableSendBuffer();
  private final Map<String, Router> routers = new LinkedHashMap<>();
  private boolean closed;

  /** Written on the loop only (see {@link WorkerCounters} for why plain fields). */
  private final WorkerCounters counters = new WorkerCounters();
  /** Last snapshot made on the loop; the only path by which other threads see the counters. */
  private volatile WorkerStats publishedStats;
  private volatile long eventLoopLagMs;
  private final Runnable lagProbeTask = this::onLagProbe;
  /** When the pending probe should run (System.nanoTime); loop-confined after the first post. */
  private long lagProbeDueNanos;

  private Worker(WorkerSettings settings) {
    this.settings = settings;
    IoHandlerFactory factory = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    if (settings.manualEventLoop()) {
      this.group = null;
      this.manualLoop = new ManualIoEventLoop(Thread.currentThread(), factory);
      this.loop = manualLoop;
    } else {
      this.group = new MultiThreadIoEventLoopGroup(1, factory);
      this.manualLoop = null;
      this.loop = (EventLoop) group.next();
    }
    this.clock = settings.nowMs();
    this.allocator = settings.allocator();
    this.publishedStats = counters.snapshot(clock.getAsLong(), 0);
    // Off the loop, once per JVM: the first SRTP packet must not pay for cold crypto (seconds).
    org.sfu4j.srtp.CryptoWarmUp.start();
    if (settings.eventLoopLagProbeIntervalMs() > 0) {
      scheduleLagProbe();
    }
  }

  /** Starts a worker with its own event loop thread. */
  public static Worker create(WorkerSettings settings) {
    return new Worker(settings == null ? new WorkerSettings() : settings);
  }

  public String id() {
    return id;
  }

  public WorkerSettings settings() {
    return settings;
  }

  /** The single loop thread owning this worker's state; network channels register here. */
  public EventLoop eventLoop() {
    return loop;
  }

  /** Allocator of outbound per-consumer copies (pooled). */
  public ByteBufAllocator allocator() {
    return allocator;
  }

  ReusableSendBuffer sendBuffer() {
    return sendBuffer;
  }

  /** Current time from the injected clock. */
  public long nowMs() {
    return clock.getAsLong();
  }

  /** Whether {@link #close()} ran (loop-confined view; racy when read off the loop). */
  public boolean closed() {
    return closed;
  }

  /** Creates a router with capabilities derived from {@code options.mediaCodecs}. */
  public CompletableFuture<Router> createRouter(RouterOptions options) {
    return call(() -> {
      checkOpen();
      Router router = new Router(this, options == null ? new RouterOptions() : options);
      routers.put(router.id(), router);
      return router;
    });
  }

  /** Closes every router (cascading to all objects) and then shuts the loop down. */
  public CompletableFuture<Void> close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable body = () -> {
      if (!closed) {
        closed = true;
        for (Router r : new ArrayList<>(routers.values())) {
          r.closeInternal();
        }
        routers.clear();
      }
      if (manualLoop != null) {
        manualLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        while (!manualLoop.isTerminated()) {
          manualLoop.runNow();
        }
        done.complete(null);
      } else {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS)
            .addListener(f -> done.complete(null));
      }
    };
    if (loop.inEventLoop()) {
      body.run();
    } else {
      try {
        loop.execute(body);
      } catch (RejectedExecutionException e) {
        done.complete(null);
      }
    }
    return done;
  }

  /**
   * With {@link WorkerSettings#manualEventLoop()}: runs queued tasks and due timers; call from the
   * owning thread. Returns how many ran.
   */
  public int runPendingTasks() {
    if (manualLoop == null) {
      throw new IllegalStateException("not a manual event loop worker");
    }
    return manualLoop.runNow();
  }

  /** Ids of routers and, nested, of everything under them. */
  public CompletableFuture<Map<String, Object>> dump() {
    return call(() -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", id);
      List<Object> rs = new ArrayList<>();
      for (Router r : routers.values()) {
        rs.add(r.dumpNow());
      }
      d.put("routers", rs);
      return d;
    });
  }

  // ---------------------------------------------------------------- metrics

  /**
   * Delay of the last lag-probe tick in ms, from any thread: how long a task due on this loop
   * waited behind other work (packets, timers, API calls). Sampled every
   * {@link WorkerSettings#eventLoopLagProbeIntervalMs()} (default 500 ms) by a task that
   * measures how late it runs; 0 until the first tick.
   */
  public long eventLoopLagMs() {
    return eventLoopLagMs;
  }

  /**
   * The worker's counters as of the last probe tick (at most one probe interval old), from any
   * thread, never blocking: for metrics scrapes.
   */
  public WorkerStats stats() {
    return publishedStats;
  }

  /** A fresh snapshot taken on the loop (and published for {@link #stats()}). */
  public CompletableFuture<WorkerStats> statsNow() {
    return call(() -> {
      WorkerStats s = counters.snapshot(nowMs(), eventLoopLagMs);
      publishedStats = s;
      return s;
    });
  }

  WorkerCounters counters() {
    return counters;
  }

  private void scheduleLagProbe() {
    long intervalMs = settings.eventLoopLagProbeIntervalMs();
    lagProbeDueNanos = System.nanoTime() + intervalMs * 1_000_000L;
    try {
      loop.schedule(lagProbeTask, intervalMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // loop shutting down: no more probes
    }
  }

  /** On the loop: record how late this tick ran, publish the counters, schedule the next one. */
  private void onLagProbe() {
    long lateNanos = System.nanoTime() - lagProbeDueNanos;
    long lag = Math.max(0, lateNanos / 1_000_000L);
    eventLoopLagMs = lag;
    publishedStats = counters.snapshot(nowMs(), lag);
    if (!closed && !loop.isShuttingDown()) {
      scheduleLagProbe();
    }
  }

  void onRouterClosed(Router router) {
    routers.remove(router.id());
  }

  int routerCount() {
    return routers.size();
  }

  void checkOpen() {
    if (closed) {
      throw new InvalidStateException("worker closed");
    }
  }

  /** Work that returns a value or throws; run on the loop. */
  @FunctionalInterface
  interface LoopTask<T> {
    T run();
  }

  /** Runs {@code task} on the loop (inline when already there) and completes a future with it. */
  <T> CompletableFuture<T> call(LoopTask<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (loop.inEventLoop()) {
      runInto(f, task);
    } else {
      try {
        loop.execute(() -> runInto(f, task));
      } catch (RejectedExecutionException e) {
        f.completeExceptionally(new InvalidStateException("worker closed"));
      }
    }
    return f;
  }

  /** Runs {@code r} on the loop (inline when already there); dropped if the loop is gone. */
  void execute(Runnable r) {
    if (loop.inEventLoop()) {
      r.run();
    } else {
      try {
        loop.execute(r);
      } catch (RejectedExecutionException e) {
        // worker closed: nothing left to act on
      }
    }
  }

  private static <T> void runInto(CompletableFuture<T> f, LoopTask<T> task) {
    try {
      f.complete(task.run());
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
    }
  }

  // ---- per-worker services of network transports (added by the webrtc branch) ----

  private final Map<Class<?>, Object> services = new java.util.HashMap<>();

  /**
   * Loop only. The worker-wide service of {@code type} (e.g. the WebRTC UDP socket and DTLS
   * certificate), created by {@code factory} on first use. Services clean up through
   * {@code eventLoop().terminationFuture()}; Netty closes channels registered on the loop.
   */
  public <T> T service(Class<T> type, java.util.function.Function<Worker, T> factory) {
    Object s = services.get(type);
    if (s == null) {
      checkOpen();
      s = factory.apply(this);
      services.put(type, s);
    }
    return type.cast(s);
  }

  /** Loop only. The service of {@code type} if one was created, else null (never creates it). */
  public <T> T existingService(Class<T> type) {
    return type.cast(services.get(type));
  }
}
