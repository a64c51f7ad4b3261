package org.sfu4j.signaling.media;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.media.engine.Transport;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.transport.RtcDropReason;
import org.sfu4j.media.transport.WebRtcTransport;
import org.sfu4j.srtp.DtlsHandshakeExecutor;
import org.sfu4j.srtp.DtlsState;

/**
 * The WebRTC network numbers /metrics exports that the worker's own {@code WorkerStats} do not
 * carry: datagrams each worker's UDP socket dropped, by {@link RtcDropReason}, how many
 * transports ended with DTLS {@code failed}, and each worker's DTLS handshake admission counters.
 *
 * <p>The socket counters live on the worker's loop inside the socket, and the engine reaches them
 * only through a live transport of that worker ({@link WebRtcTransport#socketStats()}). So
 * {@link #refresh} samples them through any live transport of the worker, off the caller's thread,
 * and publishes an immutable copy that {@link #socketDrops} reads without touching the loop. The
 * socket (and its totals) outlives transports, so a worker without a live transport keeps its last
 * sample; it moves again with the next transport. Thread-safe.
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
    w.live.add(transport);
    transport.addListener(new Transport.Listener() {
      @Override
      public void onClose() {
        w.live.remove(transport);
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
   * Samples {@code worker}'s socket counters through one of its live transports (posted to its
   * loop, never blocking it). Completes when published, or at once when the worker has no live
   * transport (the previous sample stays).
   */
  public CompletableFuture<Void> refresh(Worker worker) {
    PerWorker w = workers.get(worker);
    if (w == null) {
      return CompletableFuture.completedFuture(null);
    }
    for (WebRtcTransport t : w.live) {
      if (!t.closed()) {
        return t.socketStats().handle((sockets, error) -> {
          if (error == null) {
            w.publish(sockets);
          }
          return null;
        });
      }
    }
    return CompletableFuture.completedFuture(null);
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
    final Set<WebRtcTransport> live = ConcurrentHashMap.newKeySet();
    volatile Map<RtcDropReason, Long> drops = Map.of();
    /** The worker's executor, taken from its first transport (it outlives them all). */
    volatile DtlsHandshakeExecutor handshakes;

    /** Sums each reason over the worker's sockets (one per listen ip) and publishes the copy. */
    void publish(List<Map<String, Object>> sockets) {
      Map<RtcDropReason, Long> sum = new EnumMap<>(RtcDropReason.class);
      for (Map<String, Object> s : sockets) {
        if (s.get("drops") instanceof Map<?, ?> d) {
          for (RtcDropReason r : RtcDropReason.values()) {
            if (d.get(r.name()) instanceof Number n) {
              sum.merge(r, n.longValue(), Long::sum);
            }
          }
        }
      }
      drops = sum;
    }
  }
}
