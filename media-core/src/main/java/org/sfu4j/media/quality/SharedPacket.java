package org.sfu4j.media.quality;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The once-per-inbound-packet copy that every consumer's {@link RetransmissionBuffer} shares
 * (mediasoup's {@code sharedPacket}).
 *
 * <p>Why a copy and not a retained slice: inbound datagrams may sit in a batched receive buffer
 * (recvmmsg) and are decrypted in place, so a slice kept for a second would pin the whole batch.
 * The copy is exact-size from a pooled allocator (its {@code ByteBuf} object is recycled by
 * Netty, so steady-state cost is a memcpy, no garbage), and it is made lazily: only when the
 * first consumer that stores packets asks for it, at most once per inbound packet.
 *
 * <p>Ownership: {@link #reset} borrows the source (never retained or released).
 * {@link #get()} returns a buffer this holder owns one reference of; a consumer that wants to
 * keep it calls {@code retain()} (which {@link RetransmissionBuffer#insert} does) and releases it
 * later. {@link #done()} drops the holder's own reference at the end of the fan-out, so the copy
 * lives exactly as long as the last retransmission buffer that holds it. One instance per event
 * loop, reused for every packet.
 */
public final class SharedPacket {
  private final ByteBufAllocator allocator;
  private ByteBuf source;
  private int offset;
  private int length;
  private ByteBuf copy;
  private long copies;

  public SharedPacket(ByteBufAllocator allocator) {
    this.allocator = allocator;
  }

  /**
   * Starts a new fan-out for the plaintext RTP packet at {@code [offset, offset+length)} of
   * {@code source}. Borrows {@code source} (does not retain it) until {@link #done()}; releases a
   * copy left over from a fan-out that forgot {@code done()}.
   */
  public void reset(ByteBuf source, int offset, int length) {
    done();
    this.source = source;
    this.offset = offset;
    this.length = length;
  }

  /**
   * The stored copy of the current packet, made on the first call; null outside a fan-out (no
   * {@link #reset} since the last {@link #done()}). The caller may read it during the fan-out; to
   * keep it past {@link #done()} it must {@code retain()} it.
   */
  public ByteBuf get() {
    if (copy == null) {
      if (source == null) {
        return null;
      }
      copy = allocator.buffer(length, length);
      copy.writeBytes(source, offset, length);
      copies++;
    }
    return copy;
  }

  /** Whether {@link #get()} already copied the current packet. */
  public boolean isStored() {
    return copy != null;
  }

  /** Ends the fan-out: releases this holder's reference to the copy and forgets the source. */
  public void done() {
    if (copy != null) {
      copy.release();
      copy = null;
    }
    source = null;
  }

  /** Copies made so far (one per stored inbound packet, whatever the number of consumers). */
  public long copies() {
    return copies;
  }
}
