package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/** View over an RTCP APP packet (RFC 3550 6.7). Never retains or releases the buffer. */
public final class App {
  public static final int FIXED_LENGTH = 12;

  private ByteBuf buf;
  private int off;
  private int contentLength;

  /** Validates exactly one APP packet of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.check(buf, off, len, RtcpPacketType.APP, FIXED_LENGTH);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    this.buf = buf;
    this.off = off;
    this.contentLength = RtcpHeader.contentLength(buf, off, len);
    return RtcpDropReason.OK;
  }

  public int subtype() {
    return RtcpHeader.count(buf, off);
  }

  public long ssrc() {
    return buf.getUnsignedInt(off + 4);
  }

  /** The four ASCII name bytes as a big-endian int. */
  public int name() {
    return buf.getInt(off + 8);
  }

  /** Absolute index of the application data. */
  public int dataOffset() {
    return off + FIXED_LENGTH;
  }

  public int dataLength() {
    return contentLength - FIXED_LENGTH;
  }

  /** Four ASCII characters as a big-endian int, e.g. {@code nameOf("REMB")}. */
  public static int nameOf(String fourChars) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (i < fourChars.length() ? fourChars.charAt(i) & 0xFF : ' ');
    }
    return v;
  }

  /** Reusable APP builder; data is zero-padded to a multiple of 4 bytes. */
  public static final class Builder {
    private int subtype;
    private long ssrc;
    private int name;
    private byte[] data = new byte[0];

    public Builder set(int subtype, long ssrc, int name, byte[] data) {
      this.subtype = subtype;
      this.ssrc = ssrc;
      this.name = name;
      this.data = data == null ? new byte[0] : data;
      return this;
    }

    public int sizeInBytes() {
      return FIXED_LENGTH + RtcpHeader.padTo4(data.length);
    }

    /** Appends the APP packet to {@code dst}; returns bytes written. Does not retain/release. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, subtype, RtcpPacketType.APP, size);
      dst.writeInt((int) ssrc);
      dst.writeInt(name);
      dst.writeBytes(data);
      dst.writeZero(RtcpHeader.padTo4(data.length) - data.length);
      return size;
    }
  }
}
