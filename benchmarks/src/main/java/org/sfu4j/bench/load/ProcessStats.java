package org.sfu4j.bench.load;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU and memory of the process (or of some of its threads) under test, read from Linux
 * {@code /proc}: CPU as utime+stime ticks (USER_HZ = 100) turned into cores used over a wall
 * interval (1.0 = one core fully busy), RSS from {@code VmRSS}, and direct memory either from the
 * daemon's {@code /metrics} or, in process, from the JVM's "direct" buffer pool.
 *
 * <p>Sampled once a second; allocation here does not matter.
 */
public final class ProcessStats {
  static final double TICKS_PER_SECOND = 100.0;

  private final long pid;
  private final String threadPrefix;
  private final URI metrics;
  private boolean remoteTried;
  private javax.management.MBeanServerConnection remote;
  private final HttpClient http;
  private long lastTicks = -1;
  private long lastNanos;

  /**
   * Watches process {@code pid}; when {@code threadPrefix} is not null only its threads whose name
   * (as in {@code /proc/pid/task/tid/comm}) starts with it; {@code metricsUrl} may be null.
   */
  public ProcessStats(long pid, String threadPrefix, String metricsUrl) {
    this.pid = pid;
    this.threadPrefix = threadPrefix;
    this.metrics = metricsUrl == null ? null : URI.create(metricsUrl);
    this.http = metricsUrl == null ? null
        : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  }

  public long pid() {
    return pid;
  }

  /** Cumulative CPU ticks of the process or the matching threads; -1 if unreadable. */
  public long cpuTicks() {
    try {
      if (threadPrefix == null) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"));
      }
      long sum = 0;
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(
          Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path t : tasks) {
          try {
            String comm = Files.readString(t.resolve("comm")).trim();
            if (comm.startsWith(threadPrefix)) {
              sum += ticks(t.resolve("stat"));
            }
          } catch (IOException ended) {
            // the thread ended while listing: its ticks are gone with it
          }
        }
      }
      return sum;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Nanoseconds the process (or the matching threads) spent runnable but waiting for a CPU
   * ({@code run_delay}, 2nd field of {@code /proc/.../schedstat}); -1 if unreadable. On a shared
   * machine this says how much of a latency figure is the scheduler's, not the code's.
   */
  public long runDelayNanos() {
    try {
      long sum = 0;
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(
          Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path t : tasks) {
          try {
            if (threadPrefix == null
                || Files.readString(t.resolve("comm")).trim().startsWith(threadPrefix)) {
              sum += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[1]);
            }
          } catch (IOException ended) {
            // thread ended while listing
          }
        }
      }
      return sum;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime from a stat file (fields 14 and 15, counted after the ")" of comm). */
  static long ticks(Path stat) throws IOException {
    return parseTicks(Files.readString(stat));
  }

  static long parseTicks(String stat) {
    String rest = stat.substring(stat.lastIndexOf(')') + 2);
    String[] f = rest.split(" ");
    // rest starts at field 3 (state): utime is field 14 -> index 11, stime 15 -> index 12.
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** Cores used since the previous call (the first call primes and returns NaN). */
  public double cpuCoresSinceLast() {
    long now = System.nanoTime();
    long t = cpuTicks();
    double r = Double.NaN;
    if (lastTicks >= 0 && t >= 0 && now > lastNanos) {
      r = (t - lastTicks) / TICKS_PER_SECOND / ((now - lastNanos) / 1e9);
    }
    lastTicks = t;
    lastNanos = now;
    return r;
  }

  /** Resident set size in MiB from /proc/pid/status, NaN if unreadable. */
  public double rssMb() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      for (String l : lines) {
        if (l.startsWith("VmRSS:")) {
          String kb = l.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // process gone
    }
    return Double.NaN;
  }

  /**
   * Direct memory in MiB: from /metrics (a {@code jvm_buffer_memory_used_bytes} series with
   * {@code id="direct"}, or any series naming netty direct memory), in process from the JVM's
   * direct pool; NaN when neither is available.
   */
  public double directMb() {
    if (metrics != null) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics)
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        double mb = parseDirectBytes(r.body()) / (1024.0 * 1024.0);
        if (!Double.isNaN(mb)) {
          return mb;
        }
      } catch (IOException | RuntimeException e) {
        // fall through to JMX
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Double.NaN;
      }
    }
    if (pid > 0 && pid != ProcessHandle.current().pid()) {
      return remoteDirectMb();
    }
    if (pid == ProcessHandle.current().pid()) {
      for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
        if ("direct".equals(b.getName())) {
          return b.getMemoryUsed() / (1024.0 * 1024.0);
        }
      }
    }
    return Double.NaN;
  }

  /**
   * The other JVM's "direct" buffer pool over JMX: attaches once (same user, local only),
   * starts its local management agent and reads {@code java.nio:type=BufferPool,name=direct}.
   * For a daemon whose /metrics has no direct-memory series. NaN when attaching is refused.
   */
  private double remoteDirectMb() {
    if (!remoteTried) {
      remoteTried = true;
      try {
        com.sun.tools.attach.VirtualMachine vm =
            com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
          address = vm.startLocalManagementAgent();
        } finally {
          vm.detach();
        }
        remote = javax.management.remote.JMXConnectorFactory.connect(
            new javax.management.remote.JMXServiceURL(address)).getMBeanServerConnection();
      } catch (Exception | LinkageError e) {
        remote = null;
      }
    }
    if (remote == null) {
      return Double.NaN;
    }
    try {
      Object used = remote.getAttribute(
          new javax.management.ObjectName("java.nio:type=BufferPool,name=direct"), "MemoryUsed");
      return ((Number) used).doubleValue() / (1024.0 * 1024.0);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /**
   * Heap used in MiB right after a full GC of the watched JVM ({@code java.lang:type=Memory}
   * {@code gc()} over the same JMX attach as {@link #remoteDirectMb}): live data, which unlike RSS
   * does not grow just because the collector touched more of the committed heap. NaN when the
   * process is this one or attaching is refused. Triggers a collection: call outside measurements.
   */
  public double heapAfterGcMb() {
    if (pid <= 0 || pid == ProcessHandle.current().pid()) {
      return Double.NaN;
    }
    if (!remoteTried) {
      remoteDirectMb();
    }
    if (remote == null) {
      return Double.NaN;
    }
    try {
      javax.management.ObjectName memory = new javax.management.ObjectName(
          "java.lang:type=Memory");
      remote.invoke(memory, "gc", null, null);
      javax.management.openmbean.CompositeData heap =
          (javax.management.openmbean.CompositeData) remote.getAttribute(memory,
              "HeapMemoryUsage");
      return ((Number) heap.get("used")).doubleValue() / (1024.0 * 1024.0);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /** Direct bytes from Prometheus text, NaN when no such series is present. */
  static double parseDirectBytes(String text) {
    double netty = Double.NaN;
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      int sp = line.lastIndexOf(' ');
      if (sp < 0) {
        continue;
      }
      String name = line.substring(0, sp);
      if (name.startsWith("jvm_buffer_memory_used_bytes") && name.contains("id=\"direct\"")) {
        return Double.parseDouble(line.substring(sp + 1).trim());
      }
      if (name.contains("direct") && name.contains("netty") && name.contains("used")) {
        netty = Double.parseDouble(line.substring(sp + 1).trim());
      }
    }
    return netty;
  }
}
