package org.sfu4j.media.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sfu4j.media.rtp.RtpDropReason;

/** Per-transport inbound drop counters, one slot per {@link RtpDropReason} plus engine reasons. */
final class RtpDropCounters {
  /** Engine-level reasons a valid packet is not forwarded. */
  enum EngineReason { UNKNOWN_SSRC, PRODUCER_PAUSED, RTX_NOT_FORWARDED, UNKNOWN_PAYLOAD_TYPE, RTCP_INVALID }

  private static final RtpDropReason[] PARSE = RtpDropReason.values();
  private static final EngineReason[] ENGINE = EngineReason.values();
  private final long[] parse = new long[PARSE.length];
  private final long[] engine = new long[ENGINE.length];
  /** The worker's totals, incremented alongside (same loop thread). */
  private final WorkerCounters worker;

  RtpDropCounters(WorkerCounters worker) {
    this.worker = worker;
  }

  void count(RtpDropReason reason) {
    parse[reason.ordinal()]++;
    worker.parseDrops[reason.ordinal()]++;
  }

  void count(EngineReason reason) {
    engine[reason.ordinal()]++;
    worker.engineDrops[reason.ordinal()]++;
  }

  long get(RtpDropReason reason) {
    return parse[reason.ordinal()];
  }

  long get(EngineReason reason) {
    return engine[reason.ordinal()];
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RtpDropReason r : PARSE) {
      if (r != RtpDropReason.OK && parse[r.ordinal()] != 0) {
        m.put(r.name(), parse[r.ordinal()]);
      }
    }
    for (EngineReason r : ENGINE) {
      if (engine[r.ordinal()] != 0) {
        m.put(r.name(), engine[r.ordinal()]);
      }
    }
    return m;
  }
}
