package org.sfu4j.media.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's own counters for one UDP socket, read from {@code /proc/net/udp} and
 * {@code /proc/net/udp6} (Linux): datagrams the kernel dropped because the socket's receive queue
 * was full, and the bytes queued now.
 *
 * <p>Why: under a flood the first loss happens before any sfu4j code runs — the socket's receive
 * buffer overflows and the kernel discards datagrams, honest ones included. The host-wide
 * {@code UdpRcvbufErrors} also counts every other socket (e.g. attackers that never read our
 * replies); the per-socket {@code drops} column does not. The socket is found by the inode of its
 * file descriptor ({@code /proc/self/fd/N → socket:[inode]}), so it is exact even when several
 * sockets share a port. Each {@link #sample} reads the two files (tens of microseconds with a few
 * sockets): call it for metrics and stats, never per packet. Thread-safe (no state but the inode).
 */
public final class KernelUdpCounters {
  /** A sample; {@code -1} in both fields when the socket was not found (not Linux, closed). */
  public record Sample(long drops, long receiveQueueBytes) {
    static final Sample UNAVAILABLE = new Sample(-1, -1);

    public boolean available() {
      return drops >= 0;
    }
  }

  private static final Path[] TABLES = {Path.of("/proc/net/udp"), Path.of("/proc/net/udp6")};

  private final long inode;

  private KernelUdpCounters(long inode) {
    this.inode = inode;
  }

  /** For the socket open as file descriptor {@code fd} of this process; -1 fd = unavailable. */
  static KernelUdpCounters forFd(int fd) {
    return new KernelUdpCounters(fd < 0 ? -1 : inodeOf(Path.of("/proc/self/fd/" + fd)));
  }

  /**
   * The socket's inode from a {@code /proc/<pid>/fd/N} link, or -1 when it is not a readable
   * socket link (not Linux, closed, a file).
   */
  public static long inodeOf(Path fdLink) {
    try {
      String target = Files.readSymbolicLink(fdLink).toString();
      if (target.startsWith("socket:[") && target.endsWith("]")) {
        return Long.parseLong(target.substring(8, target.length() - 1));
      }
    } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
      // not Linux, or the fd is gone: unavailable
    }
    return -1;
  }

  /** Whether the socket was identified (Linux with /proc). */
  public boolean available() {
    return inode >= 0;
  }

  /** Reads the socket's current line; {@link Sample#UNAVAILABLE} when it is not listed. */
  public Sample sample() {
    if (inode < 0) {
      return Sample.UNAVAILABLE;
    }
    for (Row r : readTables()) {
      if (r.inode() == inode) {
        return new Sample(r.drops(), r.receiveQueueBytes());
      }
    }
    return Sample.UNAVAILABLE;
  }

  /**
   * Sum of the kernel drops of {@code sockets}, reading each table once (for the per-tuple readers,
   * however many). Sockets not listed count 0. Thread-safe; not per packet.
   */
  public static long sumDrops(java.util.Collection<KernelUdpCounters> sockets) {
    java.util.Set<Long> inodes = new java.util.HashSet<>();
    for (KernelUdpCounters k : sockets) {
      if (k.inode >= 0) {
        inodes.add(k.inode);
      }
    }
    if (inodes.isEmpty()) {
      return 0;
    }
    long sum = 0;
    for (Row r : readTables()) {
      if (inodes.contains(r.inode())) {
        sum += r.drops();
      }
    }
    return sum;
  }

  /** One socket's row of {@code /proc/net/udp[6]}: ports, inode, kernel drops, queued bytes. */
  public record Row(int localPort, int remotePort, long inode, long drops, long receiveQueueBytes) {}

  /**
   * Every row of {@code /proc/net/udp} and {@code /proc/net/udp6}; empty where unreadable (not
   * Linux, no IPv6). Blocking file I/O that grows with the host's socket count: never on an event
   * loop, never per packet. Any thread.
   */
  public static List<Row> readTables() {
    List<Row> rows = new ArrayList<>();
    for (Path table : TABLES) {
      try {
        rows.addAll(parse(Files.readString(table, StandardCharsets.US_ASCII)));
      } catch (IOException | RuntimeException e) {
        // table missing (no IPv6) or unreadable: try the next one
      }
    }
    return rows;
  }

  /** Parses one table's text; the header and malformed lines are skipped. */
  public static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      Row r = parseRow(line);
      if (r != null) {
        rows.add(r);
      }
    }
    return rows;
  }

  /**
   * Parses one row ({@code sl local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode
   * ref pointer drops}); null for the header or a malformed line.
   */
  static Row parseRow(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 13 || !f[0].endsWith(":")) {
      return null;
    }
    try {
      String queues = f[4];
      int colon = queues.indexOf(':');
      if (colon < 0) {
        return null;
      }
      return new Row(port(f[1]), port(f[2]), Long.parseLong(f[9]), Long.parseLong(f[12]),
          Long.parseLong(queues.substring(colon + 1), 16));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code 0100007F:A410} → 0xA410. */
  private static int port(String hexAddressPort) {
    return Integer.parseInt(hexAddressPort.substring(hexAddressPort.lastIndexOf(':') + 1), 16);
  }

  /** The row of {@code inode}, as a sample; null when the line is another socket's or malformed. */
  static Sample parseLine(String line, long inode) {
    Row r = parseRow(line);
    return r == null || r.inode() != inode ? null : new Sample(r.drops(), r.receiveQueueBytes());
  }
}
