package org.sfu4j.daemon;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerStats;
import org.sfu4j.media.transport.RtcDropReason;
import org.sfu4j.signaling.media.WebRtcNetworkCounters;
import org.sfu4j.srtp.DtlsHandshakeExecutor;

/**
 * The media engine's counters as Prometheus meters, one series per worker (label {@code worker} =
 * its index). Every meter reads {@link Worker#stats()}, the snapshot the worker publishes from its
 * own loop at every lag-probe tick (500 ms), or a volatile; a scrape never runs anything on a
 * worker loop and never waits for one. The values are therefore up to one probe interval old.
 */
final class EngineMeters {
  private EngineMeters() {}

  /** Registers every per-worker meter and the WebRTC network ones. */
  static void bind(MeterRegistry registry, List<Worker> workers, WebRtcNetworkCounters network) {
    for (int i = 0; i < workers.size(); i++) {
      Worker w = workers.get(i);
      String idx = Integer.toString(i);
      counter(registry, "sfu4j.rtp.packets", w, idx, "direction", "in", WorkerStats::rtpPacketsIn,
          "RTP packets received by the worker (before any drop)");
      counter(registry, "sfu4j.rtp.packets", w, idx, "direction", "out", WorkerStats::rtpPacketsOut,
          "RTP packets sent to consumers");
      counter(registry, "sfu4j.rtp.bytes", w, idx, "direction", "in", WorkerStats::rtpBytesIn,
          "RTP bytes received");
      counter(registry, "sfu4j.rtp.bytes", w, idx, "direction", "out", WorkerStats::rtpBytesOut,
          "RTP bytes sent");
      counter(registry, "sfu4j.rtcp.packets", w, idx, "direction", "in", WorkerStats::rtcpPacketsIn,
          "RTCP packets received");
      counter(registry, "sfu4j.rtcp.packets", w, idx, "direction", "out", WorkerStats::rtcpPacketsOut,
          "RTCP packets sent");
      // Every reason is present in the snapshot from the start, so the series set is fixed here.
      WorkerStats first = w.stats();
      for (String reason : first.inboundDrops().keySet()) {
        counter(registry, "sfu4j.rtp.dropped", w, idx, "reason", label(reason),
            s -> s.inboundDrops().getOrDefault(reason, 0L),
            "received packets not forwarded to any consumer, by reason");
      }
      for (String reason : first.forwardSkips().keySet()) {
        counter(registry, "sfu4j.rtp.forward.skipped", w, idx, "reason", label(reason),
            s -> s.forwardSkips().getOrDefault(reason, 0L),
            "per-consumer decisions not to send a packet, by reason");
      }
      Gauge.builder("sfu4j.event.loop.lag", w, x -> x.eventLoopLagMs() / 1e3)
          .tags("loop", "worker", "worker", idx).baseUnit("seconds")
          .description("how late a task due on the loop ran, sampled every 500 ms")
          .register(registry);
      handshakeMeters(registry, w, idx, network);
      for (RtcDropReason reason : RtcDropReason.values()) {
        FunctionCounter.builder("sfu4j.webrtc.socket.dropped", w, x -> network.socketDrops(x, reason))
            .tags("reason", label(reason.name()), "worker", idx)
            .description("datagrams the worker's UDP socket dropped or could not send, by reason")
            .register(registry);
      }
      FunctionCounter.builder("sfu4j.webrtc.socket.kernel.dropped", w, network::kernelDrops)
          .tags("worker", idx)
          .description("datagrams the kernel dropped at the worker's UDP socket (receive queue full)")
          .register(registry);
      FunctionCounter.builder("sfu4j.webrtc.stun.errors.suppressed", w, network::stunErrorsSuppressed)
          .tags("worker", idx)
          .description("STUN error responses not sent (per-source/socket budget, amplification)")
          .register(registry);
    }
    FunctionCounter.builder("sfu4j.dtls.failures", network, WebRtcNetworkCounters::dtlsFailures)
        .description("WebRTC transports whose DTLS state went failed").register(registry);
  }

  /**
   * The worker's DTLS handshake admission: running and waiting now, and since start how many were
   * started, refused (queue full), abandoned in the queue at their deadline, or withdrawn by a
   * close while waiting. 0 until the worker's first WebRTC transport.
   */
  private static void handshakeMeters(MeterRegistry registry, Worker w, String idx,
      WebRtcNetworkCounters network) {
    Gauge.builder("sfu4j.dtls.handshakes.active", w, x -> handshakes(network, x,
            e -> e.activeHandshakes()))
        .tags("worker", idx).description("DTLS handshakes running now (one thread each)")
        .register(registry);
    Gauge.builder("sfu4j.dtls.handshakes.queued", w, x -> handshakes(network, x,
            e -> e.queuedHandshakes()))
        .tags("worker", idx).description("DTLS handshakes waiting for a thread now")
        .register(registry);
    String[][] outcomes = {
        {"started", "DTLS handshakes that got a thread"},
        {"rejected", "DTLS handshakes refused because the admission queue was full"},
        {"expired", "DTLS handshakes abandoned in the queue at their deadline"},
        {"cancelled", "DTLS handshakes withdrawn from the queue by a transport close"}};
    for (String[] o : outcomes) {
      ToLongFunction<DtlsHandshakeExecutor> f = switch (o[0]) {
        case "started" -> DtlsHandshakeExecutor::startedHandshakes;
        case "rejected" -> DtlsHandshakeExecutor::rejectedHandshakes;
        case "expired" -> DtlsHandshakeExecutor::expiredInQueue;
        default -> DtlsHandshakeExecutor::cancelledInQueue;
      };
      FunctionCounter.builder("sfu4j.dtls.handshakes", w, x -> handshakes(network, x, f))
          .tags("outcome", o[0], "worker", idx).description(o[1]).register(registry);
    }
  }

  private static long handshakes(WebRtcNetworkCounters network, Worker w,
      ToLongFunction<DtlsHandshakeExecutor> f) {
    DtlsHandshakeExecutor e = network.handshakes(w);
    return e == null ? 0 : f.applyAsLong(e);
  }

  private static void counter(MeterRegistry registry, String name, Worker w, String idx,
      String key, String value, ToLongFunction<WorkerStats> f, String description) {
    FunctionCounter.builder(name, w, x -> f.applyAsLong(x.stats()))
        .tags(key, value, "worker", idx).description(description).register(registry);
  }

  /** {@code UNKNOWN_SSRC} → {@code unknown_ssrc} (Prometheus label values are lower case by habit). */
  static String label(String reason) {
    return reason.toLowerCase(Locale.ROOT);
  }
}
