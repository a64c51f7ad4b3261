package org.sfu4j.media.rtp;

/**
 * 16-bit RTP sequence number and 32-bit timestamp arithmetic with wrap-around (RFC 3550 A.1).
 *
 * <p>"Newer" means "ahead by less than half the number space". For values exactly half the space
 * apart the numerically larger one counts as newer, so for {@code a != b} exactly one of
 * {@code isNewer(a, b)} and {@code isNewer(b, a)} holds (the relation never leaves a pair
 * undecided, which keeps sorting and max-tracking stable).
 */
public final class SeqNumbers {
  private SeqNumbers() {}

  /** True when {@code a} is newer than {@code b} modulo 2^16. Inputs are masked to 16 bits. */
  public static boolean isNewer(int a, int b) {
    int d = (a - b) & 0xFFFF;
    if (d == 0x8000) {
      return (a & 0xFFFF) > (b & 0xFFFF);
    }
    return d != 0 && d < 0x8000;
  }

  /** Signed shortest distance {@code a - b} modulo 2^16, in [-32768, 32767]. */
  public static int diff(int a, int b) {
    return (short) (a - b);
  }

  /** {@code seq + delta} wrapped to 0..65535. */
  public static int add(int seq, int delta) {
    return (seq + delta) & 0xFFFF;
  }

  /** True when {@code a} is newer than {@code b} modulo 2^32 (RTP timestamps). */
  public static boolean isNewerTimestamp(long a, long b) {
    long d = (a - b) & 0xFFFF_FFFFL;
    if (d == 0x8000_0000L) {
      return (a & 0xFFFF_FFFFL) > (b & 0xFFFF_FFFFL);
    }
    return d != 0 && d < 0x8000_0000L;
  }

  /** Signed shortest distance {@code a - b} modulo 2^32 (RTP timestamps). */
  public static int timestampDiff(long a, long b) {
    return (int) (a - b);
  }
}
