package org.sfu4j.media.quality;

/**
 * NTP timestamp arithmetic (RFC 5905 64-bit format: seconds since 1900 in the high word, binary
 * fraction in the low word) and the "compact" middle-32-bit form RTCP uses for LSR/DLSR
 * (1/65536 s units).
 */
public final class NtpTime {
  /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
  public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private NtpTime() {}

  /** NTP timestamp of a Unix time in milliseconds. */
  public static long fromUnixMs(long unixMs) {
    long seconds = Math.floorDiv(unixMs, 1000) + UNIX_EPOCH_OFFSET_SECONDS;
    long ms = Math.floorMod(unixMs, 1000);
    return (seconds << 32) | ((ms << 32) / 1000);
  }

  /** Unix time in milliseconds of an NTP timestamp (fraction rounded to the nearest ms). */
  public static long toUnixMs(long ntp) {
    long seconds = (ntp >>> 32) - UNIX_EPOCH_OFFSET_SECONDS;
    long fraction = ntp & 0xFFFF_FFFFL;
    return seconds * 1000 + ((fraction * 1000 + (1L << 31)) >>> 32);
  }

  /** {@code ntp} advanced by {@code ms} milliseconds (may be negative). */
  public static long plusMs(long ntp, long ms) {
    long seconds = Math.floorDiv(ms, 1000);
    long rest = Math.floorMod(ms, 1000);
    long fraction = (ntp & 0xFFFF_FFFFL) + ((rest << 32) / 1000);
    long hi = (ntp >>> 32) + seconds + (fraction >>> 32);
    return (hi << 32) | (fraction & 0xFFFF_FFFFL);
  }

  /** The middle 32 bits (16.16 fixed point seconds), as echoed in LSR / LRR. */
  public static long compact(long ntp) {
    return (ntp >>> 16) & 0xFFFF_FFFFL;
  }

  /** Milliseconds to 1/65536-second units (DLSR, DLRR). */
  public static long msToCompact(long ms) {
    return (ms * 65536 + 500) / 1000;
  }

  /** 1/65536-second units to milliseconds (rounded). */
  public static long compactToMs(long compact) {
    return (compact * 1000 + 32768) >>> 16;
  }

  /**
   * Round-trip time from a report block or DLRR sub-block received at compact NTP time {@code
   * compactNow} that echoes {@code lastSr} (LSR/LRR) and {@code delaySinceLastSr} (DLSR/DLRR),
   * RFC 3550 6.4.1 / RFC 3611 4.5; all three in 1/65536 s.
   *
   * @return RTT in milliseconds (0 if the arithmetic goes negative from clock noise), or -1 when
   *     the block carries no LSR
   */
  public static long rttMs(long compactNow, long lastSr, long delaySinceLastSr) {
    if (lastSr == 0) {
      return -1;
    }
    long rtt = (compactNow - lastSr - delaySinceLastSr) & 0xFFFF_FFFFL;
    if (rtt >= 0x8000_0000L) { // negative: the peer's DLSR is larger than the real delay
      return 0;
    }
    return compactToMs(rtt);
  }
}
