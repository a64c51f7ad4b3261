package org.sfu4j.media.transport;

import java.net.InetSocketAddress;

/**
 * How many STUN error responses (400/401/487) the worker socket may send: a token bucket per
 * source (hashed into a fixed table) and one for the whole socket.
 *
 * <p>Why: an unauthenticated sender gets an error response for every check with the right ufrag
 * and a wrong password; unlimited, a flood of them makes the worker spend its time and socket
 * buffer answering, and with spoofed sources it turns the worker into a reflector. Honest agents
 * need at most a handful of error responses (a role conflict, a stale password after an ICE
 * restart), so a few per second per source loses nothing. The table has {@link #SLOTS} entries
 * indexed by a hash of address and port: memory is fixed whatever the number of sources, and a
 * collision only makes two sources share one budget. Loop-confined, no allocation per call.
 */
final class StunErrorBudget {
  /** Sources tracked (hash slots); a power of two. */
  static final int SLOTS = 1024;
  /** Error responses per second per source, and the burst a quiet source may send at once. */
  static final int PER_SOURCE_PER_SECOND = 5;
  static final int PER_SOURCE_BURST = 10;
  /** Error responses per second for the whole socket (spoofed floods from many sources). */
  static final int SOCKET_PER_SECOND = 500;

  private final long[] slotRefillMs = new long[SLOTS];
  private final int[] slotTokens = new int[SLOTS];
  private final boolean[] slotUsed = new boolean[SLOTS];
  private long socketRefillMs = Long.MIN_VALUE / 2; // far past: the first call refills
  private int socketTokens;
  private long suppressed;

  /** Whether an error response to {@code remote} may be sent now; counts the suppressed ones. */
  boolean tryAcquire(InetSocketAddress remote, long nowMs) {
    int slot = slot(remote);
    if (!slotUsed[slot]) {
      slotUsed[slot] = true;
      slotTokens[slot] = PER_SOURCE_BURST;
      slotRefillMs[slot] = nowMs;
    } else {
      long elapsed = nowMs - slotRefillMs[slot];
      long add = elapsed * PER_SOURCE_PER_SECOND / 1000;
      if (add > 0) {
        slotTokens[slot] = (int) Math.min(PER_SOURCE_BURST, slotTokens[slot] + add);
        slotRefillMs[slot] += add * 1000 / PER_SOURCE_PER_SECOND;
      } else if (elapsed < 0) {
        slotRefillMs[slot] = nowMs; // clock went back: restart the interval
      }
    }
    if (nowMs - socketRefillMs >= 1000 || nowMs < socketRefillMs) {
      socketRefillMs = nowMs;
      socketTokens = SOCKET_PER_SECOND;
    }
    if (slotTokens[slot] <= 0 || socketTokens <= 0) {
      suppressed++;
      return false;
    }
    slotTokens[slot]--;
    socketTokens--;
    return true;
  }

  /** Error responses not sent because a budget was empty, since start. */
  long suppressed() {
    return suppressed;
  }

  static int slot(InetSocketAddress remote) {
    int h = remote.getAddress().hashCode() * 31 + remote.getPort();
    h ^= h >>> 16;
    h *= 0x7feb352d;
    h ^= h >>> 15;
    return h & (SLOTS - 1);
  }
}
