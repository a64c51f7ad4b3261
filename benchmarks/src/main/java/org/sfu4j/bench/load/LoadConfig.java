package org.sfu4j.bench.load;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line of the load tool, with the hard bounds that keep every run small and local:
 * at most 600 s, at most 5,000 subscribers in total, loopback addresses only.
 */
public record LoadConfig(
    String mode,
    int publishers,
    int subscribersPerPublisher,
    int durationSeconds,
    int warmupSeconds,
    TrafficModel traffic,
    InetSocketAddress relay,
    long targetPid,
    String metricsUrl,
    String daemonUrl,
    double baselinePps,
    double baselineCpu,
    String resultsDir,
    String label,
    int stormPeers,
    int pinTarget,
    int pinTool,
    boolean testPeerSubscribers,
    boolean quiet,
    int concurrency,
    int floodRate,
    int floodSockets,
    boolean floodOff) {

  public static final int MAX_DURATION_SECONDS = 600;
  public static final int MAX_SUBSCRIBERS = 5000;

  static final String USAGE = String.join("\n",
      "usage: java -jar sfu4j-load.jar [options]",
      "  --mode relay|engine|daemon|storm|flood  what to load (default relay); flood: daemon",
      "                                    mode plus an attacker on the worker port",
      "  --publishers P                    publishers (default 1)",
      "  --subscribers S                   subscribers per publisher (default 10)",
      "  --duration SECONDS                measured seconds (default 15, max 600)",
      "  --warmup SECONDS                  seconds before measuring (default 2)",
      "  --bitrate BPS                     video bitrate per publisher (default 1000000)",
      "  --fps N --packet-size BYTES --keyframe-ms MS --audio",
      "  --relay HOST:PORT                 relay mode: an external BareUdpRelay (else in process)",
      "  --target-pid PID                  process whose CPU/RSS is reported (default: in process)",
      "  --metrics URL                     /metrics to read direct memory from",
      "  --daemon ws://127.0.0.1:PORT      daemon/storm mode: signaling base URL",
      "  --baseline-pps N                  relay pps_out at the same load, for baseline_ratio",
      "  --baseline-cpu C                  relay cpu_cores at that load, for per-core efficiency",
      "  --storm-peers N                   storm mode peers (default 200)",
      "  --concurrency N                   daemon/storm: peers joining at once (default 32;",
      "                                    storm: all peers at once)",
      "  --results DIR                     JSON output directory (default benchmarks/results)",
      "  --pin-target CPU --pin-tool CPU   in-process modes: pin the relay/worker thread to one",
      "                                    CPU and every other thread to another (taskset -p)",
      "  --testpeer-subscribers            engine mode: WebRtcTestPeer subscribers (thread each)",
      "  --flood-rate N                    flood: attack datagrams/s (default 0 = unpaced,",
      "                                    max 1000000)",
      "  --flood-sockets N                 flood: attacker 5-tuples (default 64, max 1024)",
      "  --flood-off                       flood: same set-up, no attack (the control run)",
      "  --label TEXT --quiet");

  /** Parses {@code args}; throws IllegalArgumentException with a message on bad input. */
  public static LoadConfig parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String key = a.substring(2);
      if (key.equals("audio") || key.equals("quiet") || key.equals("testpeer-subscribers")
          || key.equals("help") || key.equals("flood-off")) {
        m.put(key, "true");
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + a);
        }
        m.put(key, args[++i]);
      }
    }
    if (m.containsKey("help")) {
      throw new IllegalArgumentException(USAGE);
    }
    TrafficModel t = new TrafficModel(
        intArg(m, "bitrate", 1_000_000), intArg(m, "fps", 30), intArg(m, "packet-size", 1100),
        intArg(m, "keyframe-ms", 2000), 5, m.containsKey("audio"), 160);
    LoadConfig c = new LoadConfig(
        m.getOrDefault("mode", "relay"),
        intArg(m, "publishers", 1),
        intArg(m, "subscribers", 10),
        intArg(m, "duration", 15),
        intArg(m, "warmup", 2),
        t,
        m.containsKey("relay") ? loopback(m.get("relay")) : null,
        Long.parseLong(m.getOrDefault("target-pid", "-1")),
        m.get("metrics"),
        m.get("daemon"),
        Double.parseDouble(m.getOrDefault("baseline-pps", "NaN")),
        Double.parseDouble(m.getOrDefault("baseline-cpu", "NaN")),
        m.getOrDefault("results", "benchmarks/results"),
        m.getOrDefault("label", ""),
        intArg(m, "storm-peers", 200),
        intArg(m, "pin-target", -1),
        intArg(m, "pin-tool", -1),
        m.containsKey("testpeer-subscribers"),
        m.containsKey("quiet"),
        intArg(m, "concurrency", "storm".equals(m.get("mode")) ? intArg(m, "storm-peers", 200)
            : 32),
        intArg(m, "flood-rate", 0),
        intArg(m, "flood-sockets", 64),
        m.containsKey("flood-off"));
    c.validate();
    return c;
  }

  void validate() {
    if (!mode.matches("relay|engine|daemon|storm|flood")) {
      throw new IllegalArgumentException("unknown mode " + mode);
    }
    if (publishers < 1 || subscribersPerPublisher < 1) {
      throw new IllegalArgumentException("need >= 1 publisher and >= 1 subscriber");
    }
    if ((long) publishers * subscribersPerPublisher > MAX_SUBSCRIBERS) {
      throw new IllegalArgumentException("at most " + MAX_SUBSCRIBERS + " subscribers in total");
    }
    if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS || warmupSeconds < 0
        || warmupSeconds > 60) {
      throw new IllegalArgumentException("duration 1..600 s, warmup 0..60 s");
    }
    if (concurrency < 1 || concurrency > 1000) {
      throw new IllegalArgumentException("concurrency 1..1000");
    }
    if (stormPeers < 2 || stormPeers > 1000) {
      throw new IllegalArgumentException("storm peers 2..1000");
    }
    if (floodRate < 0 || floodRate > 1_000_000 || floodSockets < 1 || floodSockets > 1024) {
      throw new IllegalArgumentException("flood rate 0..1000000, flood sockets 1..1024");
    }
    if (mode.matches("daemon|storm|flood") && daemonUrl == null) {
      throw new IllegalArgumentException("--daemon ws://127.0.0.1:PORT is required for " + mode);
    }
    if (daemonUrl != null) {
      String host = java.net.URI.create(daemonUrl).getHost();
      loopback(host + ":1");
    }
    if (metricsUrl != null) {
      loopback(java.net.URI.create(metricsUrl).getHost() + ":1");
    }
  }

  /** Storm mode: {@code stormPeers} peers in all, P publishers and the rest subscribers. */
  public LoadConfig forStorm() {
    int s = Math.max(1, (stormPeers - publishers) / publishers);
    return new LoadConfig(mode, publishers, s, durationSeconds, warmupSeconds, traffic, relay,
        targetPid, metricsUrl, daemonUrl, baselinePps, baselineCpu, resultsDir, label, stormPeers,
        pinTarget, pinTool, testPeerSubscribers, quiet, concurrency, floodRate, floodSockets,
        floodOff);
  }

  public int subscribers() {
    return publishers * subscribersPerPublisher;
  }

  private static int intArg(Map<String, String> m, String k, int def) {
    String v = m.get(k);
    return v == null ? def : Integer.parseInt(v);
  }

  /** HOST:PORT that must resolve to a loopback address. */
  static InetSocketAddress loopback(String hostPort) {
    int c = hostPort.lastIndexOf(':');
    if (c < 0) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
    }
    InetSocketAddress a = new InetSocketAddress(hostPort.substring(0, c),
        Integer.parseInt(hostPort.substring(c + 1)));
    if (a.isUnresolved() || !a.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("only loopback targets are allowed: " + hostPort);
    }
    return a;
  }
}
