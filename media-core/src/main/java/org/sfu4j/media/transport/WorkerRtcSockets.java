package org.sfu4j.media.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.media.engine.Worker;

/**
 * Public read access to a worker's WebRTC UDP socket counters for metrics: received, delivered,
 * sent, drops by {@link RtcDropReason}, suppressed STUN errors, SO_RCVBUF and the kernel's own
 * per-socket drops ({@link KernelUdpCounters}). Unlike {@link WebRtcTransport#socketStats()} it
 * needs no live transport: the socket outlives its transports, and so must its numbers.
 */
public final class WorkerRtcSockets {
  private WorkerRtcSockets() {}

  /**
   * One copy of {@link RtcUdpSocket#stats()} per open socket of {@code worker}, taken on its loop,
   * plus the kernel's counters read off the loop; empty when the worker never opened one (this
   * does not open one). Any thread.
   */
  public static CompletableFuture<List<Map<String, Object>>> stats(Worker worker) {
    CompletableFuture<List<Map<String, Object>>> f = new CompletableFuture<>();
    try {
      worker.eventLoop().execute(() -> {
        try {
          WorkerRtcNetwork n = worker.existingService(WorkerRtcNetwork.class);
          if (n == null) {
            f.complete(List.of());
          } else {
            n.statsWithKernel().whenComplete((l, e) -> {
              if (e != null) {
                f.completeExceptionally(e);
              } else {
                f.complete(l);
              }
            });
          }
        } catch (RuntimeException e) {
          f.completeExceptionally(e);
        }
      });
    } catch (RuntimeException e) {
      f.completeExceptionally(e); // loop shut down
    }
    return f;
  }
}
