package org.sfu4j.signaling.media;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.media.engine.Transport;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.transport.RtcDropReason;
import org.sfu4j.media.transport.WebRtcTransport;
import org.sfu4j.srtp.DtlsHandshakeExecutor;
import org.sfu4j.media.transport.WorkerRtcSockets;
import org.sfu4j.srtp.DtlsState;

/**
 * The WebRTC network numbers /metrics exports that the worker's own {@code WorkerStats} do not
 * carry: datagrams each worker's UDP socket dropped, by {@link RtcDropReason}, how many
 * transports ended with DTLS {@code failed}, and each worker's DTLS handshake admission counters.
 *
 * <p>The socket counters live on the worker's loop inside the socket; {@link #refresh} samples
 * them with {@link WorkerRtcSockets#stats} (posted to the loop, no live transport needed: the
 * socket outlives its transports) and publishes an immutable copy that {@link #socketDrops},
 * {@link #kernelDrops} and {@link #stunErrorsSuppressed} read without touching the loop.
 * Thread-safe.
 */
public final class WebRtcNetworkCounters {
  private final AtomicLong dtlsFailures = new AtomicLong();
  private final Map<Worker, PerWorker> workers = new ConcurrentHashMap<>();

  /** Starts counting {@code transport} (called once, when the factory created it). */
  void track(Worker worker, WebRtcTransport transport) {
    PerWorker w = workers.computeIfAbsent(worker, k -> new PerWorker());
    if (w.handshakes == null) {
      w.handshakes = transport.handshakeExecutor();
    }
    transport.addListener(new Transport.Listener() {
      @Override
      public void onClose() {
        // A DTLS failure closes the transport with the state left at FAILED.
        if (transport.dtlsState() == DtlsState.FAILED) {
          dtlsFailures.incrementAndGet();
        }
      }
    });
  }

  /** Transports whose DTLS handshake or session failed, since start. */
  public long dtlsFailures() {
    return dtlsFailures.get();
  }

  /**
   * {@code worker}'s DTLS handshake executor (its counters are live, thread-safe reads), or null
   * before its first WebRTC transport.
   */
  public DtlsHandshakeExecutor handshakes(Worker worker) {
    PerWorker w = workers.get(worker);
    return w == null ? null : w.handshakes;
  }

  /** Last sampled total of {@code reason} drops on {@code worker}'s socket(s); 0 before any sample. */
  public long socketDrops(Worker worker, RtcDropReason reason) {
    PerWorker w = workers.get(worker);
    return w == null ? 0 : w.drops.getOrDefault(reason, 0L);
  }

  /**
   * Datagrams the kernel dropped at {@code worker}'s socket(s) because the receive queue was full
   * (before sfu4j read them), last sample; 0 before any sample or where /proc is unavailable.
   */
  public long kernelDrops(Worker worker) {
    PerWorker w = workers.get(worker);
    return w == null ? 0 : w.kernelDrops;
  }

  /** STUN error responses not sent (rate budget or amplification), last sample. */
  public long stunErrorsSuppressed(Worker worker) {
    PerWorker w = workers.get(worker);
    return w == null ? 0 : w.stunErrorsSuppressed;
  }

  /**
   * Samples {@code worker}'s socket counters (posted to its loop, never blocking it). Completes
   * when published; on failure (worker closed) the previous sample stays.
   */
  public CompletableFuture<Void> refresh(Worker worker) {
    PerWorker w = workers.get(worker);
    if (w == null) {
      return CompletableFuture.completedFuture(null);
    }
    return WorkerRtcSockets.stats(worker).handle((sockets, error) -> {
      if (error == null) {
        w.publish(sockets);
      }
      return null;
    });
  }

  /** Samples every worker that ever had a WebRTC transport. */
  public CompletableFuture<Void> refreshAll() {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Worker w : workers.keySet()) {
      all.add(refresh(w));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  private static final class PerWorker {
    volatile Map<RtcDropReason, Long> drops = Map.of();
    /** The worker's executor, taken from its first transport (it outlives them all). */
    volatile DtlsHandshakeExecutor handshakes;
    volatile long kernelDrops;
    volatile long stunErrorsSuppressed;

    /** Sums each reason over the worker's sockets (one per listen ip) and publishes the copy. */
    void publish(List<Map<String, Object>> sockets) {
      Map<RtcDropReason, Long> sum = new EnumMap<>(RtcDropReason.class);
      long kernel = 0;
      long suppressed = 0;
      for (Map<String, Object> s : sockets) {
        if (s.get("kernelDrops") instanceof Number n && n.longValue() > 0) {
          kernel += n.longValue();
        }
        if (s.get("stunErrorsSuppressed") instanceof Number n) {
          suppressed += n.longValue();
        }
        if (s.get("drops") instanceof Map<?, ?> d) {
          for (RtcDropReason r : RtcDropReason.values()) {
            if (d.get(r.name()) instanceof Number n) {
              sum.merge(r, n.longValue(), Long::sum);
            }
          }
        }
      }
      drops = sum;
      kernelDrops = kernel;
      stunErrorsSuppressed = suppressed;
    }
  }
}
