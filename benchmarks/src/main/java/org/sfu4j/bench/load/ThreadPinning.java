package org.sfu4j.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * In-process runs still get per-core figures: after set-up, the threads of the system under test
 * (matched by name prefix in {@code /proc/self/task/tid/comm}) are pinned to one CPU and every
 * other thread of this JVM to another, with {@code taskset -p -c CPU TID} per thread.
 */
final class ThreadPinning {
  private ThreadPinning() {}

  /** Returns how many threads were pinned to {@code targetCpu}; -1 when taskset failed. */
  static int pin(String targetPrefix, int targetCpu, int otherCpu) {
    int pinned = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : tasks) {
        String comm;
        try {
          comm = Files.readString(t.resolve("comm")).trim();
        } catch (IOException e) {
          continue; // thread ended
        }
        boolean target = comm.startsWith(targetPrefix);
        if (!taskset(target ? targetCpu : otherCpu, t.getFileName().toString())) {
          return -1;
        }
        pinned += target ? 1 : 0;
      }
    } catch (IOException e) {
      return -1;
    }
    return pinned;
  }

  private static boolean taskset(int cpu, String tid) {
    try {
      Process p = new ProcessBuilder("taskset", "-p", "-c", Integer.toString(cpu), tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(5, TimeUnit.SECONDS) && (p.exitValue() == 0 || !Files.exists(
          Path.of("/proc/self/task", tid)));
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
