package org.sfu4j.media.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reusable view over the AV1 RTP aggregation header (AV1 RTP payload spec, section 4.4) and, when
 * the packet starts a new OBU, that OBU's header with its optional extension (temporal and
 * spatial id). N=1 marks the first packet of a coded video sequence: the key frame an SFU can
 * switch on. The dependency descriptor extension is not parsed here. Never retains or releases
 * the buffer.
 */
public final class Av1PayloadDescriptor {
  private int aggregationHeader;
  private int obuType;
  private int temporalLayerId;
  private int spatialLayerId;

  /** Parses the aggregation header and first OBU header; false when truncated or malformed. */
  public boolean parse(ByteBuf buf, int payloadOffset, int payloadLength) {
    aggregationHeader = 0;
    obuType = -1;
    temporalLayerId = -1;
    spatialLayerId = -1;
    if (buf == null || payloadOffset < 0 || payloadLength < 0
        || payloadOffset > buf.capacity() - payloadLength) {
      return false;
    }
    if (payloadLength < 2) { // aggregation header plus at least one byte of OBU data
      return false;
    }
    int agg = buf.getUnsignedByte(payloadOffset);
    int w = (agg >>> 4) & 0x3;
    int pos = payloadOffset + 1;
    int end = payloadOffset + payloadLength;
    int elementEnd = end;
    if (w != 1) { // first element carries a LEB128 length unless it is the only one
      long size = 0;
      int shift = 0;
      while (true) {
        if (pos >= end || shift > 56) {
          return false;
        }
        int b = buf.getUnsignedByte(pos++);
        size |= (long) (b & 0x7F) << shift;
        shift += 7;
        if ((b & 0x80) == 0) {
          break;
        }
      }
      if (size == 0 || size > end - pos) {
        return false;
      }
      elementEnd = pos + (int) size;
    }
    if ((agg & 0x80) == 0) { // Z=0: the first element starts with an OBU header
      int obu = buf.getUnsignedByte(pos);
      if ((obu & 0x80) != 0) { // forbidden bit
        return false;
      }
      obuType = (obu >>> 3) & 0xF;
      if ((obu & 0x04) != 0) {
        if (pos + 1 >= elementEnd) {
          return false;
        }
        int ext = buf.getUnsignedByte(pos + 1);
        temporalLayerId = ext >>> 5;
        spatialLayerId = (ext >>> 3) & 0x3;
      }
    }
    aggregationHeader = agg;
    return true;
  }

  /** Stateless key-frame check for {@link CodecKeyFrameDetector}: the N bit; false if empty. */
  public static boolean detectKeyFrame(ByteBuf buf, int off, int len) {
    if (!CodecKeyFrameDetector.inBounds(buf, off, len)) {
      return false;
    }
    return len >= 2 && (buf.getByte(off) & 0x08) != 0;
  }

  /** N: first packet of a coded video sequence. */
  public boolean isKeyFrame() {
    return (aggregationHeader & 0x08) != 0;
  }

  /** Z: the first OBU element continues one from the previous packet. */
  public boolean continuesPreviousObu() {
    return (aggregationHeader & 0x80) != 0;
  }

  /** Y: the last OBU element continues in the next packet. */
  public boolean lastObuContinues() {
    return (aggregationHeader & 0x40) != 0;
  }

  /** W: number of OBU elements (0 = each carries a length field). */
  public int obuElementCount() {
    return (aggregationHeader >>> 4) & 0x3;
  }

  /** Type of the OBU starting this packet, -1 when it continues a previous one. */
  public int obuType() {
    return obuType;
  }

  /** temporal_id of the first OBU's extension header, -1 if absent. */
  public int temporalLayerId() {
    return temporalLayerId;
  }

  /** spatial_id of the first OBU's extension header, -1 if absent. */
  public int spatialLayerId() {
    return spatialLayerId;
  }
}
