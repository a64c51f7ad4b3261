package org.sfu4j.bench.load;

import java.io.PrintStream;

/**
 * Entry point of {@code sfu4j-load.jar}: parses the bounded command line, opens the scenario of
 * the chosen mode, runs it and exits (status 0 when the run completed, 2 on bad usage, 1 when
 * the scenario could not be set up).
 */
public final class LoadTool {
  private LoadTool() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    LoadConfig config;
    try {
      config = LoadConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      if (!e.getMessage().startsWith("usage")) {
        System.err.println(LoadConfig.USAGE);
      }
      System.exit(2);
      return;
    }
    if (config.mode().equals("storm")) {
      config = config.forStorm();
    }
    int status = 0;
    try {
      LoadMeter meter = new LoadMeter(config.subscribers() * 2);
      out.printf("sfu4j-load mode=%s publishers=%d subscribers/publisher=%d duration=%ds "
              + "bitrate=%d audio=%s (%.1f pps per publisher)%n", config.mode(),
          config.publishers(), config.subscribersPerPublisher(), config.durationSeconds(),
          config.traffic().bitrateBps(), config.traffic().audio(),
          config.traffic().packetsPerSecond());
      try (LoadSession session = open(config, meter)) {
        LoadRun.run(config, session, meter, out);
      }
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  static LoadSession open(LoadConfig config, LoadMeter meter) throws Exception {
    return switch (config.mode()) {
      case "relay" -> new UdpRelaySession(config, meter);
      case "engine" -> new EngineSession(config, meter);
      case "daemon", "storm" -> new DaemonSession(config, meter);
      case "flood" -> new FloodSession(config, meter);
      default -> throw new IllegalArgumentException("mode " + config.mode()
          + " is not available in this build");
    };
  }
}
