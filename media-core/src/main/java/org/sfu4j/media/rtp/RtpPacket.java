package org.sfu4j.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reusable flyweight view over one RTP packet (RFC 3550) held in {@code (ByteBuf, offset, length)}.
 *
 * <p>Why a view: forwarding touches a handful of header fields per packet, so parsing into an object
 * would cost an allocation and a copy for nothing. {@link #wrap} validates the packet once and
 * caches the offsets (header length, payload, padding, RFC 8285 extension elements); afterwards the
 * accessors trust those offsets and read or write the wire bytes in place through absolute indexes.
 * The view never copies, never retains and never releases the buffer: the caller owns it and must
 * keep it alive while the view is used. Accessors are undefined unless the last {@code wrap}
 * returned {@link RtpDropReason#OK}. Not thread-safe; reuse one view per event loop.
 *
 * <p>Extension lookup by id is two {@code int[256]} arrays (value offset, value length) filled
 * during {@code wrap}; only the ids that were set are cleared on the next wrap.
 */
public final class RtpPacket {
  public static final int FIXED_HEADER_LENGTH = 12;
  public static final int VERSION = 2;

  public static final int MARKER_PT_OFFSET = 1;
  public static final int SEQUENCE_NUMBER_OFFSET = 2;
  public static final int TIMESTAMP_OFFSET = 4;
  public static final int SSRC_OFFSET = 8;
  public static final int CSRC_OFFSET = 12;

  /** RFC 8285 one-byte header form profile. */
  public static final int ONE_BYTE_PROFILE = 0xBEDE;
  /** RFC 8285 two-byte header form profile (the low 4 "appbits" are free). */
  public static final int TWO_BYTE_PROFILE = 0x1000;
  private static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;
  /** One-byte form id that stops element parsing (RFC 8285 section 4.2). */
  private static final int ONE_BYTE_STOP_ID = 15;
  private static final int MAX_ONE_BYTE_ID = 14;

  private final int[] extValueOffset = new int[256]; // 0 = absent (a value can never be at 0)
  private final int[] extValueLength = new int[256];
  private final int[] presentIds = new int[256];
  private int presentCount;

  private ByteBuf buf;
  private int offset;
  private int length;
  private int headerLength;
  private int payloadLength;
  private int paddingLength;
  private int extProfile;
  private int extBlockStart; // absolute index of the first element byte
  private int extBlockEnd; // absolute index one past the block

  public RtpPacket() {}

  /** Wraps {@code buf} from readerIndex to writerIndex. Neither retains nor releases it. */
  public RtpDropReason wrap(ByteBuf buf) {
    return wrap(buf, buf.readerIndex(), buf.readableBytes());
  }

  /**
   * Points the view at {@code length} bytes of {@code buf} starting at absolute index {@code
   * offset} and validates the packet. Never reads outside that range. Neither retains nor releases
   * the buffer.
   *
   * @return {@link RtpDropReason#OK}, or why the bytes are not a valid RTP packet
   */
  public RtpDropReason wrap(ByteBuf buf, int offset, int length) {
    clearExtensions();
    this.buf = buf;
    this.offset = offset;
    this.length = length;
    this.headerLength = 0;
    this.payloadLength = 0;
    this.paddingLength = 0;
    this.extProfile = 0;
    this.extBlockStart = 0;
    this.extBlockEnd = 0;
    if (buf == null || offset < 0 || length < 0 || offset > buf.capacity() - length) {
      return RtpDropReason.BAD_BOUNDS;
    }
    if (length < FIXED_HEADER_LENGTH) {
      return RtpDropReason.TOO_SHORT;
    }
    int b0 = buf.getUnsignedByte(offset);
    if ((b0 >>> 6) != VERSION) {
      return RtpDropReason.BAD_VERSION;
    }
    int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
    if (header > length) {
      return RtpDropReason.BAD_CSRC_LENGTH;
    }
    if ((b0 & 0x10) != 0) {
      if (header + 4 > length) {
        return RtpDropReason.BAD_EXTENSION_LENGTH;
      }
      int profile = buf.getUnsignedShort(offset + header);
      int blockLength = 4 * buf.getUnsignedShort(offset + header + 2);
      if (header + 4 + blockLength > length) {
        return RtpDropReason.BAD_EXTENSION_LENGTH;
      }
      extProfile = profile;
      extBlockStart = offset + header + 4;
      extBlockEnd = extBlockStart + blockLength;
      header += 4 + blockLength;
      if (!parseExtensions()) {
        return RtpDropReason.BAD_EXTENSION_ELEMENT;
      }
    }
    int padding = 0;
    if ((b0 & 0x20) != 0) {
      if (header >= length) {
        return RtpDropReason.BAD_PADDING;
      }
      padding = buf.getUnsignedByte(offset + length - 1);
      if (padding == 0 || padding > length - header) {
        return RtpDropReason.BAD_PADDING;
      }
    }
    headerLength = header;
    paddingLength = padding;
    payloadLength = length - header - padding;
    return RtpDropReason.OK;
  }

  /** Forgets the buffer so the view does not keep it reachable. */
  public void clear() {
    clearExtensions();
    buf = null;
    offset = 0;
    length = 0;
    headerLength = 0;
    payloadLength = 0;
    paddingLength = 0;
    extProfile = 0;
  }

  private void clearExtensions() {
    for (int i = 0; i < presentCount; i++) {
      int id = presentIds[i];
      extValueOffset[id] = 0;
      extValueLength[id] = 0;
    }
    presentCount = 0;
  }

  /** Fills the id lookup from the extension block; false when an element overruns the block. */
  private boolean parseExtensions() {
    int i = extBlockStart;
    int end = extBlockEnd;
    if (extProfile == ONE_BYTE_PROFILE) {
      while (i < end) {
        int b = buf.getUnsignedByte(i);
        int id = b >>> 4;
        if (id == 0) { // padding byte
          i++;
          continue;
        }
        if (id == ONE_BYTE_STOP_ID) {
          break;
        }
        int len = (b & 0x0F) + 1;
        if (i + 1 + len > end) {
          return false;
        }
        record(id, i + 1, len);
        i += 1 + len;
      }
    } else if ((extProfile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE) {
      while (i < end) {
        int id = buf.getUnsignedByte(i);
        if (id == 0) { // padding byte
          i++;
          continue;
        }
        if (i + 2 > end) {
          return false;
        }
        int len = buf.getUnsignedByte(i + 1);
        if (i + 2 + len > end) {
          return false;
        }
        record(id, i + 2, len);
        i += 2 + len;
      }
    }
    return true;
  }

  private void record(int id, int valueOffset, int valueLength) {
    if (extValueOffset[id] != 0) {
      return; // first occurrence wins
    }
    extValueOffset[id] = valueOffset;
    extValueLength[id] = valueLength;
    presentIds[presentCount++] = id;
  }

  /** The wrapped buffer (not retained). */
  public ByteBuf buffer() {
    return buf;
  }

  /** Absolute index of the first packet byte in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** Packet length in bytes including padding. */
  public int length() {
    return length;
  }

  public int version() {
    return buf.getUnsignedByte(offset) >>> 6;
  }

  public boolean hasPadding() {
    return (buf.getByte(offset) & 0x20) != 0;
  }

  /** True when the X bit is set (a header extension block is present). */
  public boolean hasExtension() {
    return (buf.getByte(offset) & 0x10) != 0;
  }

  public int csrcCount() {
    return buf.getByte(offset) & 0x0F;
  }

  public boolean marker() {
    return (buf.getByte(offset + MARKER_PT_OFFSET) & 0x80) != 0;
  }

  public int payloadType() {
    return buf.getByte(offset + MARKER_PT_OFFSET) & 0x7F;
  }

  /** Sequence number, 0..65535. */
  public int sequenceNumber() {
    return buf.getUnsignedShort(offset + SEQUENCE_NUMBER_OFFSET);
  }

  /** Timestamp as an unsigned 32-bit value. */
  public long timestamp() {
    return buf.getUnsignedInt(offset + TIMESTAMP_OFFSET);
  }

  /** SSRC as an unsigned 32-bit value. */
  public long ssrc() {
    return buf.getUnsignedInt(offset + SSRC_OFFSET);
  }

  /** CSRC number {@code index} (0-based, below {@link #csrcCount()}) as unsigned 32-bit. */
  public long csrc(int index) {
    return buf.getUnsignedInt(offset + CSRC_OFFSET + 4 * index);
  }

  /** Fixed header + CSRCs + extension block, in bytes. */
  public int headerLength() {
    return headerLength;
  }

  /** Absolute index of the payload in {@link #buffer()}. */
  public int payloadOffset() {
    return offset + headerLength;
  }

  /** Payload length in bytes, excluding padding. */
  public int payloadLength() {
    return payloadLength;
  }

  /** Padding length in bytes including the count byte; 0 without the P bit. */
  public int paddingLength() {
    return paddingLength;
  }

  public void setMarker(boolean m) {
    int i = offset + MARKER_PT_OFFSET;
    int b = buf.getByte(i);
    buf.setByte(i, m ? (b | 0x80) : (b & 0x7F));
  }

  /** Sets the 7-bit payload type, keeping the marker. */
  public void setPayloadType(int pt) {
    int i = offset + MARKER_PT_OFFSET;
    buf.setByte(i, (buf.getByte(i) & 0x80) | (pt & 0x7F));
  }

  public void setSequenceNumber(int seq) {
    buf.setShort(offset + SEQUENCE_NUMBER_OFFSET, seq);
  }

  public void setTimestamp(long ts) {
    buf.setInt(offset + TIMESTAMP_OFFSET, (int) ts);
  }

  public void setSsrc(long ssrc) {
    buf.setInt(offset + SSRC_OFFSET, (int) ssrc);
  }

  /** Profile of the extension block (0xBEDE, 0x100x or other), 0 if there is none. */
  public int extensionProfile() {
    return extProfile;
  }

  /** True for the RFC 8285 one-byte form. */
  public boolean isOneByteExtensionForm() {
    return extProfile == ONE_BYTE_PROFILE;
  }

  /** True for the RFC 8285 two-byte form. */
  public boolean isTwoByteExtensionForm() {
    return (extProfile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE;
  }

  /** True when an RFC 8285 element with {@code id} (1..255) is present. */
  public boolean hasExtension(int id) {
    return id > 0 && id < 256 && extValueOffset[id] != 0;
  }

  /** Absolute index of the value of extension {@code id}, -1 if absent. */
  public int extensionOffset(int id) {
    return hasExtension(id) ? extValueOffset[id] : -1;
  }

  /** Value length of extension {@code id} in bytes, -1 if absent. */
  public int extensionLength(int id) {
    return hasExtension(id) ? extValueLength[id] : -1;
  }

  /** Number of distinct extension ids present. */
  public int extensionCount() {
    return presentCount;
  }

  /** One-byte value of {@code id} (e.g. audio level), -1 if absent or not 1 byte long. */
  public int extensionU8(int id) {
    return extensionLength(id) == 1 ? buf.getUnsignedByte(extValueOffset[id]) : -1;
  }

  /** Two-byte big-endian value (e.g. transport-wide seq), -1 if absent or not 2 bytes long. */
  public int extensionU16(int id) {
    return extensionLength(id) == 2 ? buf.getUnsignedShort(extValueOffset[id]) : -1;
  }

  /** Three-byte big-endian value (e.g. abs-send-time), -1 if absent or not 3 bytes long. */
  public int extensionU24(int id) {
    return extensionLength(id) == 3 ? buf.getUnsignedMedium(extValueOffset[id]) : -1;
  }

  /** Overwrites a 2-byte extension value in place; false if absent or of another length. */
  public boolean setExtensionU16(int id, int value) {
    if (extensionLength(id) != 2) {
      return false;
    }
    buf.setShort(extValueOffset[id], value);
    return true;
  }

  /** Overwrites a 3-byte extension value in place; false if absent or of another length. */
  public boolean setExtensionU24(int id, int value) {
    if (extensionLength(id) != 3) {
      return false;
    }
    buf.setMedium(extValueOffset[id], value);
    return true;
  }

  /** Overwrites the value of extension {@code id} in place; same length only, false otherwise. */
  public boolean setExtensionValue(int id, byte[] value) {
    if (value == null || extensionLength(id) != value.length) {
      return false;
    }
    buf.setBytes(extValueOffset[id], value);
    return true;
  }

  /**
   * Rewrites extension ids in place: {@code idMap[oldId] = newId} (unsigned byte). An element whose
   * new id is 0, whose old id is beyond the map, or whose new id does not fit the form (above 14 in
   * the one-byte form) is dropped by overwriting it with padding bytes (zeros), so the header
   * length and the payload never move. The id lookup is rebuilt afterwards.
   */
  public void remapExtensionIds(byte[] idMap) {
    boolean oneByte = isOneByteExtensionForm();
    if (!oneByte && !isTwoByteExtensionForm()) {
      return;
    }
    int i = extBlockStart;
    int end = extBlockEnd;
    while (i < end) {
      int b = buf.getUnsignedByte(i);
      if (oneByte) {
        int id = b >>> 4;
        if (id == 0) {
          i++;
          continue;
        }
        if (id == ONE_BYTE_STOP_ID) {
          break;
        }
        int len = (b & 0x0F) + 1;
        int newId = id < idMap.length ? idMap[id] & 0xFF : 0;
        if (newId == 0 || newId > MAX_ONE_BYTE_ID) {
          buf.setZero(i, 1 + len);
        } else {
          buf.setByte(i, (newId << 4) | (b & 0x0F));
        }
        i += 1 + len;
      } else {
        if (b == 0) {
          i++;
          continue;
        }
        int len = buf.getUnsignedByte(i + 1);
        int newId = b < idMap.length ? idMap[b] & 0xFF : 0;
        if (newId == 0) {
          buf.setZero(i, 2 + len);
        } else {
          buf.setByte(i, newId);
        }
        i += 2 + len;
      }
    }
    clearExtensions();
    parseExtensions(); // cannot fail: element sizes are unchanged
  }

  /**
   * Copies header and payload (not the padding) into {@code dst} at its writerIndex, clearing the
   * P bit in the copy. Neither retains nor releases either buffer.
   *
   * @return bytes written
   */
  public int writeTo(ByteBuf dst) {
    int n = headerLength + payloadLength;
    int at = dst.writerIndex();
    dst.writeBytes(buf, offset, n);
    if (paddingLength != 0) {
      dst.setByte(at, dst.getByte(at) & ~0x20);
    }
    return n;
  }

  @Override
  public String toString() {
    if (buf == null || headerLength == 0) {
      return "RtpPacket[unwrapped]";
    }
    return "RtpPacket[pt=" + payloadType() + " seq=" + sequenceNumber() + " ts=" + timestamp()
        + " ssrc=" + ssrc() + " m=" + marker() + " hdr=" + headerLength + " payload=" + payloadLength
        + " pad=" + paddingLength + "]";
  }
}
