package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * View over an RTCP SDES packet (RFC 3550 6.5). {@code wrap} walks every chunk and item once and
 * remembers each chunk's SSRC and CNAME location; other item types are validated and skipped.
 * Never retains or releases the buffer.
 */
public final class Sdes {
  public static final int ITEM_END = 0;
  public static final int ITEM_CNAME = 1;
  private static final int MAX_CHUNKS = 31;

  private final int[] chunkOffset = new int[MAX_CHUNKS];
  private final int[] cnameOffset = new int[MAX_CHUNKS];
  private final int[] cnameLength = new int[MAX_CHUNKS];
  private ByteBuf buf;
  private int chunkCount;

  /** Validates exactly one SDES packet of {@code len} bytes at {@code off}. */
  public RtcpDropReason wrap(ByteBuf buf, int off, int len) {
    chunkCount = 0;
    RtcpDropReason r = RtcpHeader.check(buf, off, len, RtcpPacketType.SDES, RtcpHeader.LENGTH);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    int sc = RtcpHeader.count(buf, off);
    int end = off + RtcpHeader.contentLength(buf, off, len);
    int pos = off + RtcpHeader.LENGTH;
    for (int c = 0; c < sc; c++) {
      if (pos + 4 > end) {
        return RtcpDropReason.BAD_COUNT;
      }
      chunkOffset[c] = pos;
      cnameOffset[c] = -1;
      cnameLength[c] = -1;
      pos += 4;
      while (true) {
        if (pos >= end) {
          return RtcpDropReason.MALFORMED; // no END item
        }
        int type = buf.getUnsignedByte(pos);
        if (type == ITEM_END) {
          pos = off + RtcpHeader.padTo4(pos + 1 - off);
          break;
        }
        if (pos + 2 > end) {
          return RtcpDropReason.MALFORMED;
        }
        int itemLength = buf.getUnsignedByte(pos + 1);
        if (pos + 2 + itemLength > end) {
          return RtcpDropReason.MALFORMED;
        }
        if (type == ITEM_CNAME && cnameOffset[c] < 0) {
          cnameOffset[c] = pos + 2;
          cnameLength[c] = itemLength;
        }
        pos += 2 + itemLength;
      }
      if (pos > end) {
        return RtcpDropReason.MALFORMED;
      }
    }
    this.buf = buf;
    this.chunkCount = sc;
    return RtcpDropReason.OK;
  }

  public int chunkCount() {
    return chunkCount;
  }

  public long ssrc(int chunk) {
    return buf.getUnsignedInt(chunkOffset[chunk]);
  }

  /** Absolute index of the chunk's CNAME text, -1 if the chunk has none. */
  public int cnameOffset(int chunk) {
    return cnameOffset[chunk];
  }

  /** CNAME length in bytes, -1 if the chunk has none. */
  public int cnameLength(int chunk) {
    return cnameLength[chunk];
  }

  /** The chunk's CNAME decoded as UTF-8 (allocates), null if it has none. */
  public String cname(int chunk) {
    int o = cnameOffset[chunk];
    return o < 0 ? null : buf.toString(o, cnameLength[chunk], StandardCharsets.UTF_8);
  }

  /** Reusable builder of SDES packets with one CNAME item per chunk. */
  public static final class Builder {
    private final long[] ssrcs = new long[MAX_CHUNKS];
    private final byte[][] cnames = new byte[MAX_CHUNKS][];
    private int count;

    /** Adds a chunk; false when 31 chunks exist or the CNAME exceeds 255 UTF-8 bytes. */
    public boolean addCname(long ssrc, String cname) {
      byte[] bytes = cname.getBytes(StandardCharsets.UTF_8);
      if (count == MAX_CHUNKS || bytes.length > 255) {
        return false;
      }
      ssrcs[count] = ssrc;
      cnames[count] = bytes;
      count++;
      return true;
    }

    public Builder clear() {
      count = 0;
      return this;
    }

    public int sizeInBytes() {
      int size = RtcpHeader.LENGTH;
      for (int i = 0; i < count; i++) {
        size += chunkSize(i);
      }
      return size;
    }

    private int chunkSize(int i) {
      return RtcpHeader.padTo4(4 + 2 + cnames[i].length + 1);
    }

    /** Appends the SDES packet to {@code dst}; returns bytes written. Does not retain/release. */
    public int writeTo(ByteBuf dst) {
      int size = sizeInBytes();
      RtcpHeader.write(dst, count, RtcpPacketType.SDES, size);
      for (int i = 0; i < count; i++) {
        dst.writeInt((int) ssrcs[i]);
        dst.writeByte(ITEM_CNAME);
        dst.writeByte(cnames[i].length);
        dst.writeBytes(cnames[i]);
        dst.writeZero(chunkSize(i) - 6 - cnames[i].length);
      }
      return size;
    }
  }
}
