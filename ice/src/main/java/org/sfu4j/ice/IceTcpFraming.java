package org.sfu4j.ice;

import io.netty.buffer.ByteBuf;

/**
 * RFC 4571 framing for passive ICE-TCP candidates (RFC 6544 §3): every STUN/DTLS/RTP packet on
 * the TCP stream is preceded by its length as a 16-bit big-endian integer.
 *
 * <p>Stateless helpers so the TCP connection handler can frame without a decoder object per
 * connection: accumulate stream bytes in one cumulation buffer, then loop
 * {@code while ((n = nextFrameLength(in)) >= 0) { skip 2 bytes; handle n bytes; }}. The
 * methods never retain, release or (unless stated) move indexes of the buffers they get.
 */
public final class IceTcpFraming {

  public static final int HEADER_SIZE = 2;
  public static final int MAX_PAYLOAD = 0xFFFF;

  private IceTcpFraming() {}

  /**
   * Length of the frame at {@code in}'s reader index when it is complete in {@code in}, else -1
   * (wait for more bytes). A 0 result is an empty frame (legal; skip it).
   */
  public static int nextFrameLength(ByteBuf in) {
    int readable = in.readableBytes();
    if (readable < HEADER_SIZE) {
      return -1;
    }
    int length = in.getUnsignedShort(in.readerIndex());
    return readable - HEADER_SIZE >= length ? length : -1;
  }

  /** Writes the 2-byte header announcing a {@code payloadLength}-byte frame. */
  public static void writeHeader(ByteBuf dst, int payloadLength) {
    if (payloadLength < 0 || payloadLength > MAX_PAYLOAD) {
      throw new IllegalArgumentException("RFC 4571 frame length out of range: " + payloadLength);
    }
    dst.writeShort(payloadLength);
  }

  /**
   * Writes the header then {@code payload}'s readable bytes into {@code dst}; {@code payload}'s
   * reader index is not moved.
   */
  public static void writeFrame(ByteBuf dst, ByteBuf payload) {
    int length = payload.readableBytes();
    writeHeader(dst, length);
    dst.writeBytes(payload, payload.readerIndex(), length);
  }
}
