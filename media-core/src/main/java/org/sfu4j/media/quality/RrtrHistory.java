package org.sfu4j.media.quality;

/**
 * The last few XR Receiver Reference Time blocks we sent (RFC 3611 4.4), so a DLRR answer (4.5)
 * can be turned into a round-trip time. Send times are kept on the monotonic loop clock: matching
 * the echoed LRR to our own send instant makes the RTT immune to wall-clock steps.
 */
public final class RrtrHistory {
  private static final int SIZE = 8;
  private final long[] compact = new long[SIZE];
  private final long[] sentMs = new long[SIZE];
  private final boolean[] used = new boolean[SIZE];
  private int next;

  /** Records an RRTR carrying the 64-bit NTP time {@code ntp}, sent at loop time {@code nowMs}. */
  public void onRrtrSent(long ntp, long nowMs) {
    compact[next] = NtpTime.compact(ntp);
    sentMs[next] = nowMs;
    used[next] = true;
    next = (next + 1) % SIZE;
  }

  /**
   * RTT from a DLRR sub-block ({@code lastRr}, {@code delaySinceLastRr} in 1/65536 s) received at
   * {@code nowMs}: now − LRR − DLRR.
   *
   * @return RTT in ms (clamped at 0), or -1 when LRR is 0 or matches no RRTR we remember
   */
  public long onDlrr(long lastRr, long delaySinceLastRr, long nowMs) {
    if (lastRr == 0) {
      return -1;
    }
    for (int i = 0; i < SIZE; i++) {
      if (used[i] && compact[i] == lastRr) {
        return Math.max(0, nowMs - sentMs[i] - NtpTime.compactToMs(delaySinceLastRr));
      }
    }
    return -1;
  }
}
