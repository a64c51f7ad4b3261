package org.sfu4j.media.engine;

import java.util.Collections;
import java.util.Map;

/**
 * An immutable snapshot of a worker's packet counters (monotonic totals since the worker
 * started) and its last event-loop lag sample, safe to read from any thread. Made on the loop by
 * {@link Worker#stats()} (published every lag-probe tick) and {@link Worker#statsNow()}.
 *
 * <p>{@code inboundDrops}: packets received and not forwarded to any consumer, by reason: RTP parse
 * failures ({@code BAD_VERSION}, {@code TOO_SHORT}, ...) and engine reasons ({@code UNKNOWN_SSRC},
 * {@code PRODUCER_PAUSED}, {@code RTX_NOT_FORWARDED}, {@code UNKNOWN_PAYLOAD_TYPE},
 * {@code RTCP_INVALID}). {@code forwardSkips}: per-consumer decisions not to send a packet
 * ({@code WAITING_KEY_FRAME}, {@code OLD_SEQUENCE}, {@code CONSUMER_PAYLOAD_TYPE},
 * {@code TEMPORAL_LAYER}, {@code SPATIAL_LAYER}, {@code TRANSPORT_NOT_READY}, {@code SEND_ERROR});
 * one inbound packet can be skipped by several consumers. Every reason is present (0 included)
 * so metric series exist from the start.
 */
public final class WorkerStats {
  private final long timestampMs;
  private final long rtpPacketsIn;
  private final long rtpBytesIn;
  private final long rtpPacketsOut;
  private final long rtpBytesOut;
  private final long rtcpPacketsIn;
  private final long rtcpPacketsOut;
  private final Map<String, Long> inboundDrops;
  private final Map<String, Long> forwardSkips;
  private final long eventLoopLagMs;

  WorkerStats(long timestampMs, long rtpPacketsIn, long rtpBytesIn, long rtpPacketsOut,
      long rtpBytesOut, long rtcpPacketsIn, long rtcpPacketsOut, Map<String, Long> inboundDrops,
      Map<String, Long> forwardSkips, long eventLoopLagMs) {
    this.timestampMs = timestampMs;
    this.rtpPacketsIn = rtpPacketsIn;
    this.rtpBytesIn = rtpBytesIn;
    this.rtpPacketsOut = rtpPacketsOut;
    this.rtpBytesOut = rtpBytesOut;
    this.rtcpPacketsIn = rtcpPacketsIn;
    this.rtcpPacketsOut = rtcpPacketsOut;
    this.inboundDrops = Collections.unmodifiableMap(inboundDrops);
    this.forwardSkips = Collections.unmodifiableMap(forwardSkips);
    this.eventLoopLagMs = eventLoopLagMs;
  }

  /** The worker clock's time when the snapshot was taken. */
  public long timestampMs() {
    return timestampMs;
  }

  public long rtpPacketsIn() {
    return rtpPacketsIn;
  }

  public long rtpBytesIn() {
    return rtpBytesIn;
  }

  public long rtpPacketsOut() {
    return rtpPacketsOut;
  }

  public long rtpBytesOut() {
    return rtpBytesOut;
  }

  public long rtcpPacketsIn() {
    return rtcpPacketsIn;
  }

  public long rtcpPacketsOut() {
    return rtcpPacketsOut;
  }

  /** Reason name to count, every reason present. */
  public Map<String, Long> inboundDrops() {
    return inboundDrops;
  }

  /** Reason name to count, every reason present. */
  public Map<String, Long> forwardSkips() {
    return forwardSkips;
  }

  /** Event-loop lag at the last probe tick, ms. */
  public long eventLoopLagMs() {
    return eventLoopLagMs;
  }

  @Override
  public String toString() {
    return "WorkerStats{rtpIn=" + rtpPacketsIn + "/" + rtpBytesIn + "B, rtpOut=" + rtpPacketsOut + "/"
        + rtpBytesOut + "B, rtcpIn=" + rtcpPacketsIn + ", rtcpOut=" + rtcpPacketsOut + ", drops="
        + inboundDrops + ", skips=" + forwardSkips + ", lagMs=" + eventLoopLagMs + "}";
  }
}
