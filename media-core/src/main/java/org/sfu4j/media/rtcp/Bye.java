package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** View over an RTCP BYE (RFC 3550 6.6). Never retains or releases the buffer. */
public final class Bye {
  private static final int MAX_SSRCS = 31;

  private ByteBuf buf;
  private int off;
  private int reasonOffset;
  private int reasonLength;

  /** Validates exactly one BYE of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    RtcpDropReason r = RtcpHeader.check(buf, off, len, RtcpPacketType.BYE, RtcpHeader.LENGTH);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    int content = RtcpHeader.contentLength(buf, off, len);
    int afterSsrcs = RtcpHeader.LENGTH + 4 * RtcpHeader.count(buf, off);
    if (afterSsrcs > content) {
      return RtcpDropReason.BAD_COUNT;
    }
    reasonOffset = -1;
    reasonLength = -1;
    if (afterSsrcs < content) {
      int rl = buf.getUnsignedByte(off + afterSsrcs);
      if (afterSsrcs + 1 + rl > content) {
        return RtcpDropReason.MALFORMED;
      }
      reasonOffset = off + afterSsrcs + 1;
      reasonLength = rl;
    }
    this.buf = buf;
    this.off = off;
    return RtcpDropReason.OK;
  }

  public int ssrcCount() {
    return RtcpHeader.count(buf, off);
  }

  public long ssrc(int index) {
    return buf.getUnsignedInt(off + RtcpHeader.LENGTH + 4 * index);
  }

  /** The optional reason text (allocates), null if absent. */
  public String reason() {
    return reasonOffset < 0 ? null : buf.toString(reasonOffset, reasonLength, StandardCharsets.UTF_8);
  }

  /** Reusable BYE builder. */
  public static final class Builder {
    private final long[] ssrcs = new long[MAX_SSRCS];
    private int count;
    private byte[] reason;

    /** Adds an SSRC; false when 31 are present. */
    public boolean addSsrc(long ssrc) {
      if (count == MAX_SSRCS) {
        return false;
      }
      ssrcs[count++] = ssrc;
      return true;
    }

    /** Sets the reason (null for none); truncated to 255 UTF-8 bytes. */
    public Builder reason(String text) {
      if (text == null) {
        reason = null;
      } else {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        reason = b.length > 255 ? java.util.Arrays.copyOf(b, 255) : b;
      }
      return this;
    }

    public Builder clear() {
      count = 0;
      reason = null;
      return this;
    }

    public int sizeInBytes() {
      return RtcpHeader.LENGTH + 4 * count
          + (reason == null ? 0 : RtcpHeader.padTo4(1 + reason.length));
    }

    /** Appends the BYE to {@code dst}; returns bytes written. Does not retain or release it. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, count, RtcpPacketType.BYE, size);
      for (int i = 0; i < count; i++) {
        dst.writeInt((int) ssrcs[i]);
      }
      if (reason != null) {
        dst.writeByte(reason.length);
        dst.writeBytes(reason);
        dst.writeZero(RtcpHeader.padTo4(1 + reason.length) - 1 - reason.length);
      }
      return size;
    }
  }
}
