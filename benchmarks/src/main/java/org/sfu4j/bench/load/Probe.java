package org.sfu4j.bench.load;

import io.netty.buffer.ByteBuf;

/**
 * The 24-byte trailer every load packet carries at the end of its RTP payload: a magic, the
 * stream id (publisher index and kind), the per-publisher sequence and the send time
 * ({@link System#nanoTime()}, comparable across processes on one Linux host: CLOCK_MONOTONIC).
 *
 * <p>It sits at the end so that whatever an SFU rewrites in the RTP header, header extensions or
 * VP8 descriptor, the trailer arrives untouched. Layout (big endian): magic u32, stream u32,
 * sequence u64, sendNanos u64.
 */
public final class Probe {
  public static final int LENGTH = 24;
  public static final int MAGIC = 0x53344A4C; // "S4JL"
  public static final int KIND_VIDEO = 0;
  public static final int KIND_AUDIO = 1;

  private Probe() {}

  /** Stream id of a publisher's video or audio: publisher index times two plus the kind. */
  public static int streamId(int publisherIndex, int kind) {
    return (publisherIndex << 1) | kind;
  }

  /** Writes the trailer so that it ends at {@code end} (exclusive). */
  public static void write(byte[] dst, int end, int streamId, long sequence, long sendNanos) {
    int o = end - LENGTH;
    putInt(dst, o, MAGIC);
    putInt(dst, o + 4, streamId);
    putLong(dst, o + 8, sequence);
    putLong(dst, o + 16, sendNanos);
  }

  /** True when the {@code length} bytes at {@code offset} end with a probe. Never throws. */
  public static boolean present(ByteBuf buf, int offset, int length) {
    return length >= LENGTH && offset >= 0 && offset + length <= buf.writerIndex()
        && buf.getInt(offset + length - LENGTH) == MAGIC;
  }

  /** Stream id of the probe ending at {@code end}; check {@link #present} first. */
  public static int streamId(ByteBuf buf, int end) {
    return buf.getInt(end - LENGTH + 4);
  }

  public static long sequence(ByteBuf buf, int end) {
    return buf.getLong(end - LENGTH + 8);
  }

  public static long sendNanos(ByteBuf buf, int end) {
    return buf.getLong(end - LENGTH + 16);
  }

  /** byte[] forms for peers that hand out decrypted arrays. */
  public static boolean present(byte[] b, int length) {
    return length >= LENGTH && length <= b.length && getInt(b, length - LENGTH) == MAGIC;
  }

  public static int streamId(byte[] b, int end) {
    return getInt(b, end - LENGTH + 4);
  }

  public static long sequence(byte[] b, int end) {
    return getLong(b, end - LENGTH + 8);
  }

  public static long sendNanos(byte[] b, int end) {
    return getLong(b, end - LENGTH + 16);
  }

  static void putInt(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }

  static void putLong(byte[] b, int o, long v) {
    putInt(b, o, (int) (v >>> 32));
    putInt(b, o + 4, (int) v);
  }

  static int getInt(byte[] b, int o) {
    return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8)
        | (b[o + 3] & 0xff);
  }

  static long getLong(byte[] b, int o) {
    return ((long) getInt(b, o) << 32) | (getInt(b, o + 4) & 0xFFFFFFFFL);
  }
}
