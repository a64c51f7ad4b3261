package org.sfu4j.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's UDP sockets from {@code /proc/net/udp} and {@code udp6}: per socket its local and
 * remote port, inode and the kernel's {@code drops} (datagrams refused because its receive queue
 * was full). The flood run uses it to say where an honest packet was lost: at the daemon's
 * shared worker socket (remote port 0), at a per-tuple reader (connected, remote port set) or at
 * the load tool's own peer sockets.
 */
final class UdpSocketTable {
  /** One socket row. */
  record Row(int localPort, int remotePort, long inode, long drops) {}

  private UdpSocketTable() {}

  /** Rows of {@code /proc/net/udp} and {@code /proc/net/udp6}; empty when unreadable. */
  static List<Row> read() {
    List<Row> rows = new ArrayList<>();
    for (String f : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
      try {
        rows.addAll(parse(Files.readString(Path.of(f))));
      } catch (IOException | RuntimeException e) {
        // not Linux, or no IPv6
      }
    }
    return rows;
  }

  /** Parses the text of one table; malformed lines (and the header) are skipped. */
  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 13 || !f[0].endsWith(":")) {
        continue;
      }
      try {
        rows.add(new Row(port(f[1]), port(f[2]), Long.parseLong(f[9]), Long.parseLong(f[12])));
      } catch (RuntimeException e) {
        // header or a line from a newer kernel format: skip
      }
    }
    return rows;
  }

  private static int port(String hexAddressPort) {
    return Integer.parseInt(hexAddressPort.substring(hexAddressPort.lastIndexOf(':') + 1), 16);
  }

  /** Inodes of the sockets process {@code pid} holds open ({@code /proc/pid/fd}). */
  static Set<Long> socketInodes(long pid) {
    Set<Long> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid),
        "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
          }
        } catch (IOException | RuntimeException e) {
          // fd closed while listing
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return inodes;
  }

  /** Drops summed per place; see {@link #classify}. */
  record Drops(long daemonShared, long daemonTuples, int daemonTupleSockets, long toolPeers,
      long toolAttack) {
    Drops minus(Drops before) {
      return new Drops(daemonShared - before.daemonShared, daemonTuples - before.daemonTuples,
          daemonTupleSockets, toolPeers - before.toolPeers, toolAttack - before.toolAttack);
    }
  }

  /**
   * Sums {@code rows}' drops: the daemon's sockets are those on {@code workerPort} (shared:
   * unconnected, remote port 0; tuple readers: connected); the tool's are those whose inode is
   * in {@code toolInodes}, split into attack sockets (local port in {@code attackPorts}) and the
   * honest peers' sockets (the rest).
   */
  static Drops classify(List<Row> rows, int workerPort, Set<Long> toolInodes,
      Set<Integer> attackPorts) {
    long shared = 0;
    long tuples = 0;
    int tupleSockets = 0;
    long peers = 0;
    long attack = 0;
    for (Row r : rows) {
      if (r.localPort() == workerPort) {
        if (r.remotePort() == 0) {
          shared += r.drops();
        } else {
          tuples += r.drops();
          tupleSockets++;
        }
      } else if (toolInodes.contains(r.inode())) {
        if (attackPorts.contains(r.localPort())) {
          attack += r.drops();
        } else {
          peers += r.drops();
        }
      }
    }
    return new Drops(shared, tuples, tupleSockets, peers, attack);
  }
}
