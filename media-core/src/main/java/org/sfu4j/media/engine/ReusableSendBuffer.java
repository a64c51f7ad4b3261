package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One heap buffer per worker loop that every consumer builds its outgoing packet in, instead of a
 * pooled allocation and release per forwarded packet (the WebRTC transport copies the protected
 * packet into a direct buffer for the socket anyway, so the heap copy never outlives the send).
 *
 * <p>Why it is safe whatever the transport does with the buffer: {@link #acquire} hands out a
 * counted reference, and reuses the buffer only when every reference handed out before was
 * released (reference count back to this holder's one). A transport or listener that keeps the
 * buffer simply keeps it: the holder drops its own reference and starts a new buffer. The buffer
 * wraps a plain array (no pool, no leak tracking), so dropping it is left to the GC.
 *
 * <p>Loop-confined, like the rest of the engine state.
 */
final class ReusableSendBuffer {
  /** Large enough for any RTP packet we forward plus the SRTP trailer. */
  static final int CAPACITY = 1500 + 64;

  private ByteBuf buf;
  private long replaced;

  /**
   * A cleared heap buffer of at least {@code minCapacity} bytes. The caller gets ONE REFERENCE and
   * must release it or hand it to code that does (e.g. {@code Transport.sendRtpFromConsumer}).
   */
  ByteBuf acquire(int minCapacity) {
    ByteBuf b = buf;
    if (b == null || b.refCnt() != 1 || b.capacity() < minCapacity) {
      if (b != null) {
        replaced++;
        b.release(); // our reference; whoever kept it releases theirs
      }
      b = Unpooled.wrappedBuffer(new byte[Math.max(CAPACITY, minCapacity)]);
      buf = b;
    }
    b.clear();
    return b.retain();
  }

  /** Times the buffer could not be reused (someone kept it, or a packet was larger). */
  long replaced() {
    return replaced;
  }
}
