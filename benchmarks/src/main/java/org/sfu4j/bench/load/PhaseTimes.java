package org.sfu4j.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Durations of the set-up phases of every peer (signaling join, transport creation, ICE, DTLS,
 * produce/consume, whole peer), so a slow join storm says where its time went. Shared across
 * the set-up threads; set-up only, never on the media path.
 */
final class PhaseTimes {
  private final Map<String, LatencyHistogram> phases = new LinkedHashMap<>();

  synchronized void record(String phase, long nanos) {
    phases.computeIfAbsent(phase, k -> new LatencyHistogram()).record(nanos);
  }

  /** Records the time since {@code startNanos} under {@code phase}; returns now. */
  long lap(String phase, long startNanos) {
    long now = System.nanoTime();
    record(phase, now - startNanos);
    return now;
  }

  /** {@code "phase_ms":{"ice":{"p50":..,"p99":..,"max":..},...}} members, or "" when empty. */
  synchronized String json() {
    return json("phase_ms");
  }

  /** The same as {@link #json()} under another member {@code name}. */
  synchronized String json(String name) {
    if (phases.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\"" + name + "\":{");
    boolean first = true;
    for (Map.Entry<String, LatencyHistogram> e : phases.entrySet()) {
      LatencyHistogram h = e.getValue();
      b.append(first ? "" : ",").append(String.format(Locale.ROOT,
          "\"%s\":{\"n\":%d,\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f}", e.getKey(), h.count(),
          h.percentile(50) / 1e6, h.percentile(99) / 1e6, h.max() / 1e6));
      first = false;
    }
    return b.append('}').toString();
  }

  /** One human line: {@code phase p50/p99 ms} per phase. */
  synchronized String summary() {
    return summary("set-up phases");
  }

  /** {@link #summary()} with another leading {@code label}. */
  synchronized String summary(String label) {
    StringBuilder b = new StringBuilder(label + " p50/p99 ms:");
    for (Map.Entry<String, LatencyHistogram> e : phases.entrySet()) {
      LatencyHistogram h = e.getValue();
      b.append(String.format(Locale.ROOT, " %s %.0f/%.0f", e.getKey(), h.percentile(50) / 1e6,
          h.percentile(99) / 1e6));
    }
    return b.toString();
  }
}
