package org.sfu4j.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sfu4j.media.transport.KernelUdpCounters;
import org.sfu4j.media.transport.KernelUdpCounters.Row;

/**
 * The host's UDP sockets from {@code /proc/net/udp} and {@code udp6}: per socket its local and
 * remote port, inode and the kernel's {@code drops} (datagrams refused because its receive queue
 * was full). The flood run uses it to say where an honest packet was lost: at the daemon's
 * shared worker socket (remote port 0), at a per-tuple reader (connected, remote port set) or at
 * the load tool's own peer sockets.
 */
final class UdpSocketTable {
  private UdpSocketTable() {}

  /** The rows of {@code /proc/net/udp} and {@code udp6} (media-core's parser). */
  static List<Row> read() {
    return KernelUdpCounters.readTables();
  }

  /** Inodes of the sockets process {@code pid} holds open ({@code /proc/pid/fd}). */
  static Set<Long> socketInodes(long pid) {
    Set<Long> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid),
        "fd"))) {
      for (Path fd : fds) {
        long inode = KernelUdpCounters.inodeOf(fd);
        if (inode >= 0) {
          inodes.add(inode);
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
