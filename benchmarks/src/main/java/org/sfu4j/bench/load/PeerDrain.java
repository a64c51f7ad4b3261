package org.sfu4j.bench.load;

import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The meter thread for peers that hand out decrypted packets as {@code byte[]} queues
 * ({@code WebRtcTestPeer}): one thread polls every subscriber's queue in turn and feeds the meter,
 * parking 50 us after a pass that found nothing; tasks posted by {@link #call} run between
 * passes, so the meter stays single-threaded. The receive time is taken when a packet is
 * drained, so one-way latency includes this hand-off (bounded by one pass).
 */
final class PeerDrain implements Runnable {
  private final Queue<byte[]>[] queues;
  private final int subscribersPerPublisher;
  private final LoadMeter meter;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  PeerDrain(Queue<byte[]>[] queues, int subscribersPerPublisher, LoadMeter meter) {
    this.queues = queues;
    this.subscribersPerPublisher = subscribersPerPublisher;
    this.meter = meter;
    this.thread = new Thread(this, "load-rx-drain");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    while (running) {
      boolean any = false;
      for (int j = 0; j < queues.length; j++) {
        Queue<byte[]> q = queues[j];
        byte[] p;
        while ((p = q.poll()) != null) {
          any = true;
          int len = p.length;
          if (!Probe.present(p, len)) {
            continue;
          }
          int stream = LoadSession.meterStream(j, subscribersPerPublisher, Probe.streamId(p, len));
          meter.onPacket(stream, Probe.sequence(p, len), Probe.sendNanos(p, len), len,
              System.nanoTime());
        }
      }
      Runnable t;
      while ((t = tasks.poll()) != null) {
        t.run();
      }
      if (!any) {
        LockSupport.parkNanos(50_000);
      }
    }
  }

  <T> T call(Callable<T> task) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    tasks.add(() -> {
      try {
        f.complete(task.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(10, TimeUnit.SECONDS);
  }

  void stop() {
    running = false;
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
