package org.sfu4j.srtp;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run DTLS handshakes, behind a bounded FIFO admission queue.
 *
 * <p>BouncyCastle drives a handshake by blocking the calling thread, so handshakes must stay off
 * the event loops and their number at once must be bounded (one thread each). A join storm
 * (hundreds of ICE-validated peers at the same instant) must not fail for that reason, so a
 * handshake beyond the running ones <em>waits</em> in a queue, in arrival order; only a full queue
 * rejects. Every handshake has one deadline counted from its submission: a handshake still queued
 * at its deadline is abandoned (its endpoint fails with {@link DtlsEndpoint#REASON_TIMEOUT}), one
 * that reaches a thread with less than a tenth of its deadline left is abandoned too (it could
 * not finish; the thread serves the next), and one that started late gets only what is left. A
 * queued entry is one small object pointing at its endpoint; {@link #cancel} (called by
 * {@link DtlsEndpoint#close}) removes it, so reconnect storms leave nothing behind. Share one per worker or per process. Thread-safe.
 *
 * <p>Since all entries of one executor share the same deadline length, the queue is also ordered
 * by deadline: the reaper only ever looks at its head.
 */
public final class DtlsHandshakeExecutor implements AutoCloseable {
  /** Default waiting handshakes per executor (one per worker). */
  public static final int DEFAULT_QUEUE_CAPACITY = 512;

  private static final AtomicInteger POOL_IDS = new AtomicInteger();
  /** One daemon thread reaps the queue heads of every executor of the process. */
  private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "dtls-handshake-reaper");
        t.setDaemon(true);
        return t;
      });

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int EXPIRED = 2;
  private static final int CANCELLED = 3;

  private final ThreadPoolExecutor pool;
  private final BlockingQueue<Runnable> queue;
  private final Duration deadline;
  private final int maxConcurrent;
  private final int queueCapacity;
  /** A handshake is not started with less than this left: it could not finish in time anyway. */
  private final long minStartNanos;
  private final ScheduledFuture<?> reaper;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong expiredInQueue = new AtomicLong();
  private final AtomicLong cancelledInQueue = new AtomicLong();

  /** Same as {@code (maxConcurrentHandshakes, DEFAULT_QUEUE_CAPACITY, deadline)}. */
  public DtlsHandshakeExecutor(int maxConcurrentHandshakes, Duration deadline) {
    this(maxConcurrentHandshakes, DEFAULT_QUEUE_CAPACITY, deadline);
  }

  /**
   * @param maxConcurrentHandshakes handshakes (= threads) running at once
   * @param queueCapacity handshakes allowed to wait for a thread; beyond that they are rejected
   *     (0: no waiting, the excess is rejected at once)
   * @param deadline how long one handshake may take, from its submission to its last message
   */
  public DtlsHandshakeExecutor(int maxConcurrentHandshakes, int queueCapacity, Duration deadline) {
    if (maxConcurrentHandshakes < 1) {
      throw new IllegalArgumentException("maxConcurrentHandshakes must be >= 1");
    }
    if (queueCapacity < 0) {
      throw new IllegalArgumentException("queueCapacity must be >= 0");
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
    this.deadline = deadline;
    this.maxConcurrent = maxConcurrentHandshakes;
    this.queueCapacity = queueCapacity;
    this.minStartNanos = deadline.toNanos() / 10;
    int poolId = POOL_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "dtls-handshake-" + poolId + "-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.queue = queueCapacity == 0 ? new SynchronousQueue<>()
        : new ArrayBlockingQueue<>(queueCapacity);
    this.pool = new ThreadPoolExecutor(maxConcurrentHandshakes, maxConcurrentHandshakes,
        30, TimeUnit.SECONDS, queue, factory, new ThreadPoolExecutor.AbortPolicy());
    this.pool.allowCoreThreadTimeOut(true);
    long periodMs = Math.max(10, Math.min(250, deadline.toMillis() / 10));
    // Weak: an executor nobody closed is still collectable; its reap task then cancels itself.
    this.reaper = REAPER.scheduleWithFixedDelay(new Reap(this), periodMs, periodMs,
        TimeUnit.MILLISECONDS);
  }

  /** The per-handshake deadline, counted from submission. */
  public Duration deadline() {
    return deadline;
  }

  /** Handshakes (= threads) allowed to run at once. */
  public int maxConcurrentHandshakes() {
    return maxConcurrent;
  }

  /** Handshakes allowed to wait for a thread. */
  public int queueCapacity() {
    return queueCapacity;
  }

  /** Handshakes running now. */
  public int activeHandshakes() {
    return pool.getActiveCount();
  }

  /** Handshakes waiting for a thread now. */
  public int queuedHandshakes() {
    return queue.size();
  }

  /** Handshakes accepted (run at once or queued), since creation. */
  public long submittedHandshakes() {
    return submitted.get();
  }

  /** Handshakes that got a thread, since creation. */
  public long startedHandshakes() {
    return started.get();
  }

  /** Handshakes refused because the queue was full (or the executor closed), since creation. */
  public long rejectedHandshakes() {
    return rejected.get();
  }

  /**
   * Handshakes abandoned while waiting, since creation: their deadline passed in the queue, or
   * less than a tenth of it was left when a thread got to them.
   */
  public long expiredInQueue() {
    return expiredInQueue.get();
  }

  /** Handshakes whose endpoint closed while they waited, since creation. */
  public long cancelledInQueue() {
    return cancelledInQueue.get();
  }

  /**
   * Admits {@code endpoint}'s handshake: runs it on a free thread, or queues it. Returns the
   * admission (to {@link #cancel} on close), or null when the queue is full or the executor
   * closed (counted as rejected).
   */
  Admission trySubmit(DtlsEndpoint endpoint, long deadlineNanos) {
    Admission a = new Admission(this, endpoint, deadlineNanos);
    try {
      pool.execute(a);
    } catch (RejectedExecutionException e) {
      rejected.incrementAndGet();
      return null;
    }
    submitted.incrementAndGet();
    return a;
  }

  /**
   * Withdraws a handshake whose endpoint closed: a queued one leaves the queue and will never run;
   * a running one is left to notice the close itself. Delivers no callback.
   */
  void cancel(Admission a) {
    if (a.claim(QUEUED, CANCELLED)) {
      a.endpoint = null;
      pool.remove(a);
      cancelledInQueue.incrementAndGet();
    }
  }

  /** Abandons queued handshakes whose deadline passed; they sit at the head (FIFO, same length). */
  void reapExpired() {
    long now = System.nanoTime();
    while (true) {
      Runnable head = queue.peek();
      if (!(head instanceof Admission a) || now - a.deadlineNanos < 0) {
        return;
      }
      if (a.claim(QUEUED, EXPIRED)) {
        pool.remove(a);
        expire(a);
      } else {
        // Taken by a thread or cancelled meanwhile; make sure it no longer blocks the head.
        queue.remove(a);
      }
    }
  }

  private void expire(Admission a) {
    expiredInQueue.incrementAndGet();
    DtlsEndpoint e = a.endpoint;
    a.endpoint = null;
    if (e != null) {
      e.failQueued(DtlsEndpoint.REASON_TIMEOUT);
    }
  }

  /**
   * Stops accepting handshakes, fails the queued ones ("handshake executor closed") and
   * interrupts the running ones (their endpoints report failure). Does not wait.
   */
  @Override
  public void close() {
    reaper.cancel(false);
    for (Runnable r : pool.shutdownNow()) {
      if (r instanceof Admission a && a.claim(QUEUED, CANCELLED)) {
        DtlsEndpoint e = a.endpoint;
        a.endpoint = null;
        if (e != null) {
          e.failQueued("handshake executor closed");
        }
      }
    }
  }

  /** Waits up to {@code timeout} for running handshakes to end after {@link #close()}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One admitted handshake: a pointer to its endpoint, its deadline and who claimed it (a thread,
   * the reaper or a cancel); exactly one of them wins. About 32 bytes while queued.
   */
  static final class Admission implements Runnable {
    private final DtlsHandshakeExecutor owner;
    private final long deadlineNanos;
    private static final AtomicIntegerFieldUpdater<Admission> STATE =
        AtomicIntegerFieldUpdater.newUpdater(Admission.class, "state");

    private volatile int state = QUEUED;
    private volatile DtlsEndpoint endpoint;

    Admission(DtlsHandshakeExecutor owner, DtlsEndpoint endpoint, long deadlineNanos) {
      this.owner = owner;
      this.endpoint = endpoint;
      this.deadlineNanos = deadlineNanos;
    }

    /** Moves from {@code from} to {@code to}; true for exactly one claimant. */
    boolean claim(int from, int to) {
      return STATE.compareAndSet(this, from, to);
    }

    @Override
    public void run() {
      if (!claim(QUEUED, RUNNING)) {
        return;
      }
      if (deadlineNanos - System.nanoTime() < owner.minStartNanos) {
        owner.expire(this);
        return;
      }
      DtlsEndpoint e = endpoint;
      endpoint = null;
      if (e != null) {
        owner.started.incrementAndGet();
        e.runHandshake();
      }
    }
  }

  /** The periodic reap of one executor, holding it weakly. */
  private static final class Reap implements Runnable {
    private final WeakReference<DtlsHandshakeExecutor> ref;

    Reap(DtlsHandshakeExecutor executor) {
      this.ref = new WeakReference<>(executor);
    }

    @Override
    public void run() {
      DtlsHandshakeExecutor e = ref.get();
      if (e == null) {
        // Throwing ends a fixed-delay task: a self-cancel without holding its future.
        throw new IllegalStateException("executor collected");
      }
      e.reapExpired();
    }
  }
}
