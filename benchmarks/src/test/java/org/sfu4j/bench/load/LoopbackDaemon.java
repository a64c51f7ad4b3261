package org.sfu4j.bench.load;

import org.sfu4j.daemon.Daemon;
import org.sfu4j.daemon.DaemonConfig;

/** An in-process daemon for the load-tool tests: 127.0.0.1 only, any HTTP port, one worker. */
final class LoopbackDaemon {
  private LoopbackDaemon() {}

  /** Starts one with its RTC ports in {@code [minPort, minPort + 99]} (distinct per test class). */
  static Daemon start(int minPort) throws Exception {
    DaemonConfig c = new DaemonConfig();
    c.http.ip = "127.0.0.1";
    c.http.port = 0;
    c.rtc.listenIp = "127.0.0.1";
    c.rtc.minPort = minPort;
    c.rtc.maxPort = minPort + 99;
    c.workers = 1;
    return Daemon.start(c);
  }
}
