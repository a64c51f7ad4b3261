package org.sfu4j.srtp;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run DTLS handshakes. BouncyCastle drives a handshake by blocking the calling
 * thread, so handshakes must stay off the event loops; this pool bounds how many run at once (one
 * thread each, no queue: the excess is rejected immediately, so a ClientHello flood costs neither
 * threads nor memory) and gives each a deadline after which it is abandoned. Share one per worker
 * or per process. Thread-safe.
 */
public final class DtlsHandshakeExecutor implements AutoCloseable {
  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private final ThreadPoolExecutor pool;
  private final Duration deadline;
  private final AtomicLong rejected = new AtomicLong();

  /**
   * @param maxConcurrentHandshakes handshakes (= threads) allowed at once; more are rejected
   * @param deadline how long one handshake may take, from its start to its last message
   */
  public DtlsHandshakeExecutor(int maxConcurrentHandshakes, Duration deadline) {
    if (maxConcurrentHandshakes < 1) {
      throw new IllegalArgumentException("maxConcurrentHandshakes must be >= 1");
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
    this.deadline = deadline;
    int poolId = POOL_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "dtls-handshake-" + poolId + "-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = new ThreadPoolExecutor(maxConcurrentHandshakes, maxConcurrentHandshakes,
        30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory,
        new ThreadPoolExecutor.AbortPolicy());
    this.pool.allowCoreThreadTimeOut(true);
  }

  /** The per-handshake deadline. */
  public Duration deadline() {
    return deadline;
  }

  /** Handshakes running now. */
  public int activeHandshakes() {
    return pool.getActiveCount();
  }

  /** Handshakes refused because the pool was full (or closed), since creation. */
  public long rejectedHandshakes() {
    return rejected.get();
  }

  /** Runs {@code handshake} on a free thread; {@code false} when at capacity or closed. */
  boolean trySubmit(Runnable handshake) {
    try {
      pool.execute(handshake);
      return true;
    } catch (RejectedExecutionException e) {
      rejected.incrementAndGet();
      return false;
    }
  }

  /**
   * Stops accepting handshakes and interrupts the running ones (their endpoints report
   * failure). Does not wait.
   */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Waits up to {@code timeout} for running handshakes to end after {@link #close()}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
