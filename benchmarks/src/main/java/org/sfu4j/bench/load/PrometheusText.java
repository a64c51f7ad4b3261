package org.sfu4j.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Series of a Prometheus text exposition ({@code /metrics}): {@code name{labels}} to value,
 * comments and malformed lines skipped. The flood run scrapes the daemon before and after the
 * attack and reports the counters that moved.
 */
final class PrometheusText {
  private PrometheusText() {}

  /** Every sample line whose name starts with {@code prefix}, in order. */
  static Map<String, Double> parse(String text, String prefix) {
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || !line.startsWith(prefix)) {
        continue;
      }
      int sp = line.lastIndexOf(' ');
      if (sp <= 0) {
        continue;
      }
      try {
        series.put(line.substring(0, sp).trim(), Double.parseDouble(line.substring(sp + 1)));
      } catch (NumberFormatException e) {
        // not a sample
      }
    }
    return series;
  }

  /** Sum of the series named {@code name} (any labels) whose labels contain {@code labelPart}. */
  static double sum(Map<String, Double> series, String name, String labelPart) {
    double s = 0;
    for (Map.Entry<String, Double> e : series.entrySet()) {
      String k = e.getKey();
      String n = k.indexOf('{') < 0 ? k : k.substring(0, k.indexOf('{'));
      if (n.equals(name) && (labelPart == null || k.contains(labelPart))) {
        s += e.getValue();
      }
    }
    return s;
  }

  /** {@code after - before} for every series that changed, as a JSON object's members. */
  static String deltaJson(Map<String, Double> before, Map<String, Double> after) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Double> e : after.entrySet()) {
      double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      if (d == 0 || !e.getKey().contains("_total")) {
        continue;
      }
      if (b.length() > 0) {
        b.append(',');
      }
      b.append('"').append(e.getKey().replace("\"", "'")).append("\":")
          .append(Math.round(d));
    }
    return b.toString();
  }
}
