package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Iterates the packets of a compound RTCP buffer without copying: after {@link #next()} returns
 * true, {@link #offset()}/{@link #length()} delimit the current packet for a typed view's {@code
 * wrap}. Only the common header is checked here (version, length within the buffer); the typed
 * views check the body. Iteration stops at the first broken header and {@link #dropReason()} says
 * why; packets before it are still usable. Never retains or releases the buffer; reusable.
 */
public final class RtcpCompoundCursor {
  private ByteBuf buf;
  private int position;
  private int end;
  private int offset;
  private int length;
  private RtcpDropReason dropReason = RtcpDropReason.OK;

  /** Starts iterating {@code len} bytes at absolute index {@code off}. Does not retain {@code buf}. */
  public RtcpCompoundCursor reset(ByteBuf buf, int off, int len) {
    this.buf = buf;
    this.offset = 0;
    this.length = 0;
    if (buf == null || off < 0 || len < 0 || off > buf.capacity() - len) {
      this.position = 0;
      this.end = 0;
      this.dropReason = RtcpDropReason.BAD_BOUNDS;
    } else {
      this.position = off;
      this.end = off + len;
      this.dropReason = len == 0 ? RtcpDropReason.TOO_SHORT : RtcpDropReason.OK;
    }
    return this;
  }

  /** Starts iterating {@code buf} from readerIndex to writerIndex. Does not retain it. */
  public RtcpCompoundCursor reset(ByteBuf buf) {
    return reset(buf, buf.readerIndex(), buf.readableBytes());
  }

  /** Advances to the next packet; false at the end or at a broken header. */
  public boolean next() {
    if (dropReason != RtcpDropReason.OK || position >= end) {
      return false;
    }
    int remaining = end - position;
    if (remaining < RtcpHeader.LENGTH) {
      dropReason = RtcpDropReason.TOO_SHORT;
      return false;
    }
    if ((buf.getUnsignedByte(position) >>> 6) != 2) {
      dropReason = RtcpDropReason.BAD_VERSION;
      return false;
    }
    int len = 4 * (buf.getUnsignedShort(position + 2) + 1);
    if (len > remaining) {
      dropReason = RtcpDropReason.BAD_LENGTH;
      return false;
    }
    offset = position;
    length = len;
    position += len;
    return true;
  }

  /** OK while iterating and after a clean end; otherwise why iteration stopped early. */
  public RtcpDropReason dropReason() {
    return dropReason;
  }

  /** Packet type (200..207 for the known ones) of the current packet. */
  public int packetType() {
    return buf.getUnsignedByte(offset + 1);
  }

  /** RC, SC or FMT field of the current packet (5 bits). */
  public int count() {
    return RtcpHeader.count(buf, offset);
  }

  public boolean hasPadding() {
    return (buf.getByte(offset) & 0x20) != 0;
  }

  /** Absolute index of the current packet. */
  public int offset() {
    return offset;
  }

  /** Length of the current packet in bytes, header and padding included. */
  public int length() {
    return length;
  }

  public ByteBuf buffer() {
    return buf;
  }
}
