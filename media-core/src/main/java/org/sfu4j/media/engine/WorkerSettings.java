package org.sfu4j.media.engine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Settings of a {@link Worker}. The clock is injectable so tests step time by hand; the allocator is
 * where every per-consumer outbound copy comes from.
 */
public final class WorkerSettings {
  private LongSupplier nowMs = WorkerSettings::monotonicMs;
  private ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
  private long pendingConsumerTimeoutMs = 30_000;
  private int maxPendingConsumersPerTransport = 100;
  private long keyFrameRequestIntervalMs = 500;
  private long eventLoopLagProbeIntervalMs = 500;
  private Map<String, Object> appData = new HashMap<>();
  private boolean manualEventLoop;
  private long routerTickIntervalMs = Router.TICK_MS;

  /** Milliseconds from an arbitrary origin, monotonic: the default clock. */
  public static long monotonicMs() {
    return System.nanoTime() / 1_000_000L;
  }

  public LongSupplier nowMs() {
    return nowMs;
  }

  public WorkerSettings nowMs(LongSupplier clock) {
    this.nowMs = clock;
    return this;
  }

  public ByteBufAllocator allocator() {
    return allocator;
  }

  public WorkerSettings allocator(ByteBufAllocator allocator) {
    this.allocator = allocator;
    return this;
  }

  /** Default expiry of a pending consume request that names no timeout of its own. */
  public long pendingConsumerTimeoutMs() {
    return pendingConsumerTimeoutMs;
  }

  public WorkerSettings pendingConsumerTimeoutMs(long ms) {
    this.pendingConsumerTimeoutMs = ms;
    return this;
  }

  /** Bound on waiting consume requests per requesting transport. */
  public int maxPendingConsumersPerTransport() {
    return maxPendingConsumersPerTransport;
  }

  public WorkerSettings maxPendingConsumersPerTransport(int max) {
    this.maxPendingConsumersPerTransport = max;
    return this;
  }

  /** Minimum interval between two upstream key-frame requests (PLI) for one producer stream. */
  public long keyFrameRequestIntervalMs() {
    return keyFrameRequestIntervalMs;
  }

  public WorkerSettings keyFrameRequestIntervalMs(long ms) {
    this.keyFrameRequestIntervalMs = ms;
    return this;
  }

  /**
   * Period of the event-loop lag probe, which also publishes {@link Worker#stats()}; 0 disables
   * both (stats then stay at their initial zero snapshot; {@link Worker#statsNow()} still works).
   */
  public long eventLoopLagProbeIntervalMs() {
    return eventLoopLagProbeIntervalMs;
  }

  public WorkerSettings eventLoopLagProbeIntervalMs(long ms) {
    this.eventLoopLagProbeIntervalMs = ms;
    return this;
  }

  /**
   * When true, the worker runs no thread of its own: the thread calling {@link Worker#create}
   * owns a Netty {@code ManualIoEventLoop} and drives it with {@link Worker#runPendingTasks()}.
   * Every engine call from that thread then runs inline, which makes single-threaded tests and
   * benchmarks deterministic without weakening the one-owner-thread rule.
   */
  public boolean manualEventLoop() {
    return manualEventLoop;
  }

  public WorkerSettings manualEventLoop(boolean manual) {
    this.manualEventLoop = manual;
    return this;
  }

  /**
   * Real-time period of each router's media-quality tick (NACK retries, Sender Reports, BWE, ...),
   * which reads the injected clock. 0 schedules no tick at all: tests that step a fake clock then
   * call {@code Router.tick} themselves instead of racing a real-time timer against their clock.
   */
  public long routerTickIntervalMs() {
    return routerTickIntervalMs;
  }

  public WorkerSettings routerTickIntervalMs(long ms) {
    if (ms < 0) {
      throw new IllegalArgumentException("routerTickIntervalMs must be >= 0: " + ms);
    }
    this.routerTickIntervalMs = ms;
    return this;
  }

  public Map<String, Object> appData() {
    return appData;
  }

  public WorkerSettings appData(Map<String, Object> appData) {
    this.appData = appData == null ? new HashMap<>() : appData;
    return this;
  }

  // ---- WebRTC transport settings (added by the webrtc branch; mediasoup's names) ----

  private int rtcMinPort = 10000;
  private int rtcMaxPort = 59999;
  private org.sfu4j.srtp.DtlsCertificate dtlsCertificate;
  private int dtlsHandshakeConcurrency = 32;
  private int dtlsHandshakeQueue = org.sfu4j.srtp.DtlsHandshakeExecutor.DEFAULT_QUEUE_CAPACITY;

  /** Lowest UDP port the worker's WebRTC socket may bind (0 with rtcMaxPort 0: ephemeral). */
  public int rtcMinPort() {
    return rtcMinPort;
  }

  public WorkerSettings rtcMinPort(int port) {
    this.rtcMinPort = port;
    return this;
  }

  public int rtcMaxPort() {
    return rtcMaxPort;
  }

  public WorkerSettings rtcMaxPort(int port) {
    this.rtcMaxPort = port;
    return this;
  }

  /** The worker's DTLS identity; null = generate an ECDSA P-256 one when first needed. */
  public org.sfu4j.srtp.DtlsCertificate dtlsCertificate() {
    return dtlsCertificate;
  }

  public WorkerSettings dtlsCertificate(org.sfu4j.srtp.DtlsCertificate certificate) {
    this.dtlsCertificate = certificate;
    return this;
  }

  /**
   * DTLS handshakes running at once on this worker (one thread each). A handshake mostly waits
   * for the peer; its CPU is ~1-2 ms (ECDSA sign, ECDHE), so this bounds threads, not CPU.
   */
  public int dtlsHandshakeConcurrency() {
    return dtlsHandshakeConcurrency;
  }

  public WorkerSettings dtlsHandshakeConcurrency(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("dtlsHandshakeConcurrency must be >= 1: " + n);
    }
    this.dtlsHandshakeConcurrency = n;
    return this;
  }

  /**
   * DTLS handshakes that may wait for a thread (FIFO, within their deadline) before further ones
   * fail: a join storm queues, a flood beyond this is refused.
   */
  public int dtlsHandshakeQueue() {
    return dtlsHandshakeQueue;
  }

  public WorkerSettings dtlsHandshakeQueue(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("dtlsHandshakeQueue must be >= 0: " + n);
    }
    this.dtlsHandshakeQueue = n;
    return this;
  }
}
