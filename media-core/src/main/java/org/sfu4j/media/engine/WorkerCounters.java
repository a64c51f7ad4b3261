package org.sfu4j.media.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sfu4j.media.engine.RtpDropCounters.EngineReason;
import org.sfu4j.media.rtp.RtpDropReason;

/**
 * Worker-wide packet counters for metrics, incremented on the worker's loop next to the
 * per-transport and per-consumer counters.
 *
 * <p>Why plain {@code long} fields: only the loop thread writes them, so a plain increment is
 * correct and costs one add to a field already in cache; an atomic (or a volatile write) per
 * packet would put a locked instruction / store fence on the forwarding path for a value read
 * twice a second. Other threads never read these fields: the worker copies them into an
 * immutable {@link WorkerStats} on its loop (every probe tick, published through one volatile
 * reference, or on demand with {@link Worker#statsNow()}), which is the happens-before edge.
 * Totals are monotonic: a closing transport or consumer does not subtract anything.
 */
final class WorkerCounters {
  /** Why a consumer did not forward a packet its producer received (per-consumer decision). */
  enum Skip {
    WAITING_KEY_FRAME, OLD_SEQUENCE, CONSUMER_PAYLOAD_TYPE, TEMPORAL_LAYER, SPATIAL_LAYER,
    TRANSPORT_NOT_READY, SEND_ERROR
  }

  private static final RtpDropReason[] PARSE = RtpDropReason.values();
  private static final EngineReason[] ENGINE = EngineReason.values();
  private static final Skip[] SKIPS = Skip.values();

  long rtpPacketsIn;
  long rtpBytesIn;
  long rtpPacketsOut;
  long rtpBytesOut;
  long rtcpPacketsIn;
  long rtcpPacketsOut;
  final long[] parseDrops = new long[PARSE.length];
  final long[] engineDrops = new long[ENGINE.length];
  final long[] skips = new long[SKIPS.length];

  void skip(Skip reason) {
    skips[reason.ordinal()]++;
  }

  /** Copies everything into an immutable snapshot (loop only; allocates). */
  WorkerStats snapshot(long timestampMs, long eventLoopLagMs) {
    Map<String, Long> drops = new LinkedHashMap<>();
    for (RtpDropReason r : PARSE) {
      if (r != RtpDropReason.OK) {
        drops.put(r.name(), parseDrops[r.ordinal()]);
      }
    }
    for (EngineReason r : ENGINE) {
      drops.put(r.name(), engineDrops[r.ordinal()]);
    }
    Map<String, Long> skipped = new LinkedHashMap<>();
    for (Skip s : SKIPS) {
      skipped.put(s.name(), skips[s.ordinal()]);
    }
    return new WorkerStats(timestampMs, rtpPacketsIn, rtpBytesIn, rtpPacketsOut, rtpBytesOut,
        rtcpPacketsIn, rtcpPacketsOut, drops, skipped, eventLoopLagMs);
  }
}
