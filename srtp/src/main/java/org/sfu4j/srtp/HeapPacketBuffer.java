package org.sfu4j.srtp;

import io.netty.buffer.ByteBuf;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * jitsi-srtp's view of a packet, over the backing array of a heap {@link ByteBuf}: offsets are
 * absolute in that array, and the room between the packet end and the buffer's capacity is where
 * jitsi appends tags. One instance is reused for every packet of a session (no per-packet
 * allocation); it never grows or reallocates the array — callers check the room first.
 */
final class HeapPacketBuffer implements ByteArrayBuffer {
  private byte[] array;
  private int offset;
  private int length;
  private int limit;

  /**
   * Points this view at {@code buf}'s readable bytes. Does not retain {@code buf}; the view is only
   * valid during the caller's transform call.
   */
  void wrap(ByteBuf buf) {
    array = buf.array();
    offset = buf.arrayOffset() + buf.readerIndex();
    length = buf.readableBytes();
    limit = buf.arrayOffset() + buf.capacity();
  }

  /** Drops the reference to the last array so a pooled chunk is not pinned by an idle session. */
  void clear() {
    array = null;
    offset = 0;
    length = 0;
    limit = 0;
  }

  @Override
  public byte[] getBuffer() {
    return array;
  }

  @Override
  public int getOffset() {
    return offset;
  }

  @Override
  public int getLength() {
    return length;
  }

  @Override
  public void setLength(int len) {
    if (len < 0 || offset + len > limit) {
      throw new IllegalArgumentException("length " + len + " outside the buffer");
    }
    length = len;
  }

  @Override
  public void setOffset(int off) {
    throw new UnsupportedOperationException("packets are transformed in place");
  }

  @Override
  public boolean isInvalid() {
    return false;
  }

  @Override
  public void readRegionToBuff(int off, int len, byte[] outBuf) {
    System.arraycopy(array, offset + off, outBuf, 0, len);
  }

  @Override
  public void grow(int howMuch) {
    if (offset + length + howMuch > limit) {
      throw new IllegalStateException("no room for " + howMuch + " more bytes");
    }
  }

  @Override
  public void append(byte[] data, int len) {
    grow(len);
    System.arraycopy(data, 0, array, offset + length, len);
    length += len;
  }

  @Override
  public void shrink(int len) {
    if (len > length) {
      throw new IllegalArgumentException("shrink " + len + " > length " + length);
    }
    length -= len;
  }
}
