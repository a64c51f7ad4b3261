package org.sfu4j.daemon;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sfu4j}: the command line of the daemon. */
@Command(
    name = "sfu4j",
    mixinStandardHelpOptions = true,
    version = "sfu4j 0.1.0-SNAPSHOT",
    description = "A pure-Java WebRTC SFU (mediasoup-compatible signaling over WebSocket).")
public final class Sfu4jMain implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (YAML or JSON).")
  Path configFile;

  @Option(names = "--dev", description = "Embedded dev config: 127.0.0.1:4443, RTC 127.0.0.1:40000-40999, no auth.")
  boolean dev;

  @Option(names = "--http-ip", description = "HTTP/WebSocket listen IP.")
  String httpIp;

  @Option(names = "--http-port", description = "HTTP/WebSocket port (0 = any free port).")
  Integer httpPort;

  @Option(names = "--rtc-listen-ip", description = "Media UDP listen IP.")
  String rtcListenIp;

  @Option(names = "--rtc-announced-ip", description = "IP announced in ICE candidates (NAT/public).")
  String rtcAnnouncedIp;

  @Option(names = "--rtc-min-port", description = "Lowest media UDP port.")
  Integer rtcMinPort;

  @Option(names = "--rtc-max-port", description = "Highest media UDP port.")
  Integer rtcMaxPort;

  @Option(names = "--workers", description = "Media workers (0 = one per core).")
  Integer workers;

  @Option(names = "--secret", description = "JWT HS256 secret; enables token authentication.")
  String secret;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    productionLeakDetection();
    System.exit(new CommandLine(new Sfu4jMain()).execute(args));
  }

  /**
   * Netty samples one buffer in 128 for leak tracking by default (SIMPLE), which cost ~4 % of the
   * media worker at 500 consumers (benchmarks/README.md, "Profile and fixes"). Every test runs
   * PARANOID and fails on a leak, so the daemon runs without sampling unless the operator asks
   * for it with {@code -Dio.netty.leakDetection.level=simple} (or higher). Only from
   * {@link #main}: in-process users (tests, embedders) keep whatever level they set.
   */
  static void productionLeakDetection() {
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
    }
  }

  /** Builds the effective configuration (file or dev, then overrides). */
  DaemonConfig resolveConfig() throws Exception {
    if (dev && configFile != null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "use either --dev or --config");
    }
    DaemonConfig c = configFile != null ? DaemonConfig.load(configFile) : dev ? DaemonConfig.dev() : new DaemonConfig();
    if (httpIp != null) {
      c.http.ip = httpIp;
    }
    if (httpPort != null) {
      c.http.port = httpPort;
    }
    if (rtcListenIp != null) {
      c.rtc.listenIp = rtcListenIp;
    }
    if (rtcAnnouncedIp != null) {
      c.rtc.announcedIp = rtcAnnouncedIp;
    }
    if (rtcMinPort != null) {
      c.rtc.minPort = rtcMinPort;
    }
    if (rtcMaxPort != null) {
      c.rtc.maxPort = rtcMaxPort;
    }
    if (workers != null) {
      c.workers = workers;
    }
    if (secret != null) {
      c.auth.secret = secret;
    }
    c.validate();
    return c;
  }

  @Override
  public Integer call() throws Exception {
    Logger log = LoggerFactory.getLogger(Sfu4jMain.class);
    DaemonConfig config;
    try {
      config = resolveConfig();
    } catch (IllegalArgumentException | java.io.IOException e) {
      System.err.println("sfu4j: invalid configuration: " + e.getMessage());
      return 2;
    }
    Daemon daemon = Daemon.start(config);
    Runnable stop = () -> {
      daemon.close();
      stopped.countDown();
    };
    ShutdownSignals.install(stop);
    String host = config.http.ip.equals("0.0.0.0") ? "127.0.0.1" : config.http.ip;
    String url = "http://" + host + ":" + daemon.address().getPort() + "/";
    log.info("workers={} rtc={}:{}-{} auth={}", config.effectiveWorkers(), config.rtc.listenIp,
        config.rtc.minPort, config.rtc.maxPort, config.auth.secret == null ? "off" : "jwt");
    System.out.println("sfu4j is running: open " + url);
    System.out.flush();
    stopped.await();
    return 0;
  }
}
