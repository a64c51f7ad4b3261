package org.sfu4j.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects per-second lines and the final figures of one run, prints them, writes the JSON file
 * and ends with the machine-readable {@code RESULT ...} line.
 */
public final class LoadReport {
  private final LoadConfig config;
  private final List<String> intervalsJson = new ArrayList<>();
  private final PrintStream out;

  public LoadReport(LoadConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** One second of the run. */
  public void interval(int second, LoadMeter.Interval i, double seconds, double cpu, double rss,
      double direct) {
    interval(second, i, seconds, cpu, rss, direct, "");
  }

  /** One second of the run with {@code extraJson} members (may be "") added to its JSON. */
  public void interval(int second, LoadMeter.Interval i, double seconds, double cpu, double rss,
      double direct, String extraJson) {
    double pps = i.packets() / seconds;
    double mbps = i.bytes() * 8 / seconds / 1e6;
    double loss = i.expected() == 0 ? 0 : 100.0 * i.lost() / i.expected();
    intervalsJson.add(String.format(Locale.ROOT,
        "{\"t\":%d,\"pps_out\":%.0f,\"mbps_out\":%.2f,\"loss_pct\":%.3f,\"p50_ms\":%.3f,"
            + "\"p99_ms\":%.3f,\"max_ms\":%.3f,\"cpu_cores\":%s,\"rss_mb\":%s,\"direct_mb\":%s%s}",
        second, pps, mbps, loss, ms(i.p50Nanos()), ms(i.p99Nanos()), ms(i.maxNanos()),
        num(cpu), num(rss), num(direct), extraJson.isEmpty() ? "" : "," + extraJson));
    if (!config.quiet()) {
      out.printf(Locale.ROOT,
          "t=%3ds pps_out=%8.0f mbps_out=%8.2f loss=%7.3f%% p50=%7.3fms p99=%8.3fms "
              + "max=%8.3fms cpu=%5s rss=%6sMB direct=%6sMB%n",
          second, pps, mbps, loss, ms(i.p50Nanos()), ms(i.p99Nanos()), ms(i.maxNanos()),
          num(cpu), num(rss), num(direct));
    }
  }

  /** Final figures over the measured window. */
  public record Final(double seconds, LoadMeter.Totals totals, double cpuCores, double rssMb,
      double directMb, long sentPackets, long sendErrors, long lateFrames, String setupJson,
      String resultSuffix) {
    public Final(double seconds, LoadMeter.Totals totals, double cpuCores, double rssMb,
        double directMb, long sentPackets, long sendErrors, long lateFrames, String setupJson) {
      this(seconds, totals, cpuCores, rssMb, directMb, sentPackets, sendErrors, lateFrames,
          setupJson, "");
    }

    double ppsOut() {
      return totals.packets() / seconds;
    }

    double mbpsOut() {
      return totals.bytes() * 8 / seconds / 1e6;
    }
  }

  /** Prints the table, writes JSON under the results directory, prints the RESULT line. */
  public Path finish(Final f) throws IOException {
    LoadMeter.Totals t = f.totals();
    double ratio = Double.isNaN(config.baselinePps()) || config.baselinePps() <= 0 ? Double.NaN
        : f.ppsOut() / config.baselinePps();
    double load = loadAverage();
    double perCore = f.cpuCores() > 0 ? f.ppsOut() / f.cpuCores() : Double.NaN;
    double basePerCore = config.baselineCpu() > 0 ? config.baselinePps() / config.baselineCpu()
        : Double.NaN;
    double efficiency = perCore / basePerCore;
    String json = String.format(Locale.ROOT,
        "{\"mode\":\"%s\",\"label\":\"%s\",\"time\":\"%s\",\"publishers\":%d,"
            + "\"subscribers_per_publisher\":%d,\"consumers\":%d,\"bitrate_bps\":%d,\"fps\":%d,"
            + "\"packet_size\":%d,\"audio\":%s,\"duration_s\":%.2f,\"load_average\":%.2f,"
            + "\"cpus\":%d,\"pps_out\":%.0f,\"mbps_out\":%.2f,\"expected\":%d,\"received\":%d,"
            + "\"lost\":%d,\"loss_pct\":%.4f,\"duplicates\":%d,\"reordered\":%d,"
            + "\"silent_streams\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,"
            + "\"max_ms\":%.3f,\"mean_ms\":%.3f,\"cpu_cores\":%s,\"rss_mb\":%s,\"direct_mb\":%s,"
            + "\"sent_packets\":%d,\"send_errors\":%d,\"late_frames\":%d,\"baseline_pps\":%s,"
            + "\"baseline_ratio\":%s,\"pps_per_core\":%s,\"baseline_pps_per_core\":%s,"
            + "\"per_core_ratio\":%s%s,\"intervals\":[%s]}%n",
        config.mode(), config.label().replace("\"", "'"), Instant.now(), config.publishers(),
        config.subscribersPerPublisher(), config.subscribers(), config.traffic().bitrateBps(),
        config.traffic().fps(), config.traffic().maxPacketBytes(), config.traffic().audio(),
        f.seconds(), load, Runtime.getRuntime().availableProcessors(), f.ppsOut(), f.mbpsOut(),
        t.expected(), t.received(), t.lost(), t.lossPercent(), t.duplicates(), t.reordered(),
        t.silentStreams(), ms(t.latency().percentile(50)), ms(t.latency().percentile(99)),
        ms(t.latency().percentile(99.9)), ms(t.latency().max()), t.latency().mean() / 1e6,
        num(f.cpuCores()), num(f.rssMb()), num(f.directMb()), f.sentPackets(), f.sendErrors(),
        f.lateFrames(), num(config.baselinePps()), num(ratio), num(perCore), num(basePerCore),
        num(efficiency),
        f.setupJson().isEmpty() ? "" : "," + f.setupJson(), String.join(",", intervalsJson));
    Path dir = Path.of(config.resultsDir());
    Files.createDirectories(dir);
    Path file = dir.resolve(String.format(Locale.ROOT, "%s-p%d-s%d-%d.json", config.mode(),
        config.publishers(), config.subscribersPerPublisher(), System.currentTimeMillis()));
    Files.writeString(file, json);

    out.println();
    out.println("| mode | publishers | consumers | pps_out | Mbit/s | loss % | p50 ms | p99 ms"
        + " | max ms | cpu cores | pps/core | RSS MB | load avg |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.3f | %.2f | %.2f | %.2f | %s | %s "
            + "| %s | %.1f |%n", config.mode(), config.publishers(), config.subscribers(),
        f.ppsOut(), f.mbpsOut(), t.lossPercent(), ms(t.latency().percentile(50)),
        ms(t.latency().percentile(99)), ms(t.latency().max()), num(f.cpuCores()),
        Double.isNaN(perCore) ? "null" : String.format(Locale.ROOT, "%.0f", perCore),
        num(f.rssMb()), load);
    out.println("json: " + file);
    out.printf(Locale.ROOT,
        "RESULT publishers=%d consumers=%d pps_out=%.0f mbps_out=%.1f loss_pct=%.3f p50_ms=%.2f"
            + " p99_ms=%.2f cpu_cores=%s rss_mb=%s baseline_ratio=%s%s%n",
        config.publishers(), config.subscribers(), f.ppsOut(), f.mbpsOut(), t.lossPercent(),
        ms(t.latency().percentile(50)), ms(t.latency().percentile(99)), num(f.cpuCores()),
        rssInt(f.rssMb()), num(ratio), f.resultSuffix() == null ? "" : f.resultSuffix());
    out.flush();
    return file;
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String rssInt(double v) {
    return Double.isNaN(v) ? "null" : Long.toString(Math.round(v));
  }

  /** One-minute load average (other work shares this machine), NaN when unreadable. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
