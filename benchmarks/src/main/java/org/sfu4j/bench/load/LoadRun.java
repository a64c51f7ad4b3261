package org.sfu4j.bench.load;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario: starts the sender thread, samples the meter and the target process once a
 * second, turns measuring on after the warm-up, stops the publishers after the duration, waits a
 * short drain so in-flight packets are not counted as lost, and reports.
 */
public final class LoadRun {
  static final long DRAIN_MILLIS = 500;

  static final long MAX_DRAIN_MILLIS = 5000;

  private LoadRun() {}

  /**
   * Waits until nothing arrived for {@link #DRAIN_MILLIS} (at most {@link #MAX_DRAIN_MILLIS}), so
   * packets still queued when the publishers stop count as late, not lost.
   */
  static void drain(LoadSession session, LoadMeter meter) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DRAIN_MILLIS);
    long quietSince = System.nanoTime();
    long seen = session.onReceiveThread(meter::packetsSeen);
    while (System.nanoTime() < deadline) {
      Thread.sleep(50);
      long now = session.onReceiveThread(meter::packetsSeen);
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS)) {
        return;
      }
    }
  }

  /** Runs {@code session} under {@code config}; the session is closed by the caller. */
  public static LoadReport.Final run(LoadConfig config, LoadSession session, LoadMeter meter,
      PrintStream out) throws Exception {
    LoadReport report = new LoadReport(config, out);
    PublisherClock clock = new PublisherClock(config.traffic(), config.publishers(), session,
        42);
    Thread sender = new Thread(clock, "load-tx");
    sender.setDaemon(true);
    if (config.pinTarget() >= 0 && config.pinTool() >= 0) {
      String prefix = config.mode().equals("relay") ? BareUdpRelay.THREAD_PREFIX
          : EngineSession.WORKER_THREAD_PREFIX;
      int n = ThreadPinning.pin(prefix, config.pinTarget(), config.pinTool());
      out.println("pinned " + n + " '" + prefix + "' thread(s) to cpu " + config.pinTarget()
          + ", the rest to cpu " + config.pinTool());
    }
    ProcessStats stats = session.targetStats();
    stats.cpuCoresSinceLast();
    // The tool's own receive thread: when it is near 1.0 the tool, not the target, is the limit.
    ProcessStats rx = new ProcessStats(ProcessHandle.current().pid(), "load-rx", null);
    long rxTicks0 = -1;
    long wait0 = -1;
    int streams = meter.streams();
    int[] publisherOf = new int[streams];
    for (int s = 0; s < streams; s++) {
      int subscriber = s >>> 1;
      publisherOf[s] = Probe.streamId(subscriber / config.subscribersPerPublisher(), s & 1);
    }
    sender.start();
    // Storm: the peers join now, while the publishers that produced already send.
    session.awaitReady();
    stats.cpuCoresSinceLast();
    long start = System.nanoTime();
    long measureStart = 0;
    long measureTicks = 0;
    int total = config.warmupSeconds() + config.durationSeconds();
    long last = start;
    for (int second = 1; second <= total; second++) {
      long wake = start + TimeUnit.SECONDS.toNanos(second);
      long now;
      while ((now = System.nanoTime()) < wake) {
        TimeUnit.NANOSECONDS.sleep(wake - now);
      }
      LoadMeter.Interval i = session.onReceiveThread(meter::takeInterval);
      long t = System.nanoTime();
      report.interval(second, i, (t - last) / 1e9, stats.cpuCoresSinceLast(), stats.rssMb(),
          stats.directMb(), measureStart == 0 ? "" : session.intervalJson());
      last = t;
      if (second == config.warmupSeconds() || (config.warmupSeconds() == 0 && second == 1
          && measureStart == 0)) {
        if (config.warmupSeconds() > 0) {
          // Let queues built while the JIT was still compiling drain, then measure from a clean
          // state; the pause shifts the whole schedule (see PublisherClock#pause).
          clock.pause(true);
          long p0 = System.nanoTime();
          drain(session, meter);
          long paused = System.nanoTime() - p0;
          start += paused;
          last += paused;
          out.printf("warm-up done; paused %d ms to drain queues%n", paused / 1_000_000);
          session.onReceiveThread(meter::takeInterval);
        }
        long[] sentAtMark = clock.lastSent().clone(); // the clock is paused (or not started)
        session.onReceiveThread(() -> {
          meter.startMeasuring(config.warmupSeconds() > 0 ? sentAtMark : null, publisherOf);
          return null;
        });
        measureStart = System.nanoTime();
        measureTicks = stats.cpuTicks();
        rxTicks0 = rx.cpuTicks();
        wait0 = stats.runDelayNanos();
        stats.cpuCoresSinceLast();
        session.measureStarted();
        clock.pause(false);
      }
    }
    if (config.warmupSeconds() == 0 && measureStart == 0) {
      measureStart = start;
    }
    clock.stop();
    long stop = System.nanoTime();
    session.measureStopping();
    long stopTicks = stats.cpuTicks();
    long rxTicks1 = rx.cpuTicks();
    long wait1 = stats.runDelayNanos();
    sender.join(5000);
    drain(session, meter);
    long[] lastSent = clock.lastSent();
    LoadMeter.Totals totals = session.onReceiveThread(() -> meter.totals(lastSent, publisherOf));
    double seconds = (stop - measureStart) / 1e9;
    double cpu = measureTicks >= 0 && stopTicks >= 0
        ? (stopTicks - measureTicks) / ProcessStats.TICKS_PER_SECOND / seconds : Double.NaN;
    double rxCpu = rxTicks0 >= 0 && rxTicks1 >= 0
        ? (rxTicks1 - rxTicks0) / ProcessStats.TICKS_PER_SECOND / seconds : Double.NaN;
    String setup = session.setupJson();
    double waitShare = wait0 >= 0 && wait1 >= 0 ? (wait1 - wait0) / 1e9 / seconds : Double.NaN;
    setup = (setup.isEmpty() ? "" : setup + ",") + "\"key_frames_on_request\":"
        + clock.keyFramesOnRequest() + ",\"tool_rx_cpu_cores\":"
        + LoadReport.num(rxCpu) + ",\"target_runqueue_wait\":" + LoadReport.num(waitShare);
    out.println("target waited for a CPU " + LoadReport.num(waitShare)
        + " s per s (runnable, not running: the machine's contention, not the code)");
    LoadReport.Final f = new LoadReport.Final(seconds, totals, cpu, stats.rssMb(),
        stats.directMb(), clock.sentPackets(), clock.sendErrors(), clock.lateFrames(), setup,
        session.resultSuffix());
    out.println("tool receive thread: " + LoadReport.num(rxCpu) + " cores");
    report.finish(f);
    return f;
  }
}
