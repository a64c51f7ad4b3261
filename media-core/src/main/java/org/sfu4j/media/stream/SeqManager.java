package org.sfu4j.media.stream;

/**
 * Maps a producer stream's 16-bit sequence numbers to a consumer's, so the consumer sees one
 * continuous sequence across pause/resume, simulcast switches and packets it chose not to forward.
 *
 * <p>Output = input - offset (mod 2^16). {@link #sync(int)} re-bases the offset so the given input
 * becomes "last output + 1" (or keeps the input value on the very first sync). {@link #drop(int)}
 * swallows a newest packet without leaving a gap by shifting the offset. Inputs older than the last
 * sync or drop point cannot be mapped without risking a duplicate output and are rejected (-1): a
 * receiver will treat them as lost, which is recoverable, while a duplicate would corrupt a frame.
 * Single-threaded; no allocation.
 */
public final class SeqManager {
  private static final int MASK = 0xFFFF;

  private boolean started;
  private int offset;
  private int maxInput;
  private int maxOutput;
  /** Inputs not newer than this (or equal) were before a re-base; -1 = none. */
  private int floorInput = -1;

  /** Re-bases so that {@code input} maps to the output after the last one emitted. */
  public void sync(int input) {
    input &= MASK;
    if (!started) {
      offset = 0;
      maxOutput = (input - 1) & MASK;
      started = true;
    } else {
      offset = (input - ((maxOutput + 1) & MASK)) & MASK;
    }
    maxInput = (input - 1) & MASK;
    floorInput = (input - 1) & MASK;
  }

  /** The packet {@code input} will not be forwarded; later outputs close the hole it would leave. */
  public void drop(int input) {
    input &= MASK;
    if (!started) {
      return;
    }
    if (isNewer(input, maxInput)) {
      offset = (offset + 1) & MASK;
      maxInput = input;
      floorInput = input;
    }
  }

  /**
   * The output sequence number for {@code input}, or -1 when the input is from before the last
   * sync/drop point (or no sync happened yet) and must not be forwarded.
   */
  public int input(int input) {
    input &= MASK;
    if (!started) {
      return -1;
    }
    if (floorInput >= 0 && !isNewer(input, floorInput)) {
      return -1;
    }
    int output = (input - offset) & MASK;
    if (isNewer(input, maxInput)) {
      maxInput = input;
    }
    if (isNewer(output, maxOutput)) {
      maxOutput = output;
    }
    return output;
  }

  /** Whether any sync happened. */
  public boolean started() {
    return started;
  }

  /** Highest output emitted so far (meaningful once started). */
  public int maxOutput() {
    return maxOutput;
  }

  private static boolean isNewer(int a, int b) {
    int d = (a - b) & MASK;
    return d != 0 && d < 0x8000;
  }
}
