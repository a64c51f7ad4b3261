package org.sfu4j.media.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reusable view over the VP8 payload descriptor (RFC 7741 4.2) at the start of an RTP payload,
 * plus the key-frame bit of the VP8 payload header that follows it.
 *
 * <p>Keeps the buffer and field offsets so a simulcast consumer can rewrite the picture id and
 * TL0PICIDX in place (in the same 7/15-bit width) when it switches streams. Never retains or
 * releases the buffer.
 */
public final class Vp8PayloadDescriptor {
  private ByteBuf buf;
  private int pictureIdOffset;
  private int tl0PicIdxOffset;
  private int descriptorLength;
  private boolean longPictureId;
  private boolean keyFrame;
  private int temporalLayerId;
  private boolean layerSync;
  private int keyIdx;

  /**
   * Parses the descriptor of {@code payloadLength} bytes at {@code payloadOffset}; false when it
   * is truncated (a descriptor must be followed by at least one payload byte).
   */
  public boolean parse(ByteBuf buf, int payloadOffset, int payloadLength) {
    this.buf = null;
    pictureIdOffset = -1;
    tl0PicIdxOffset = -1;
    temporalLayerId = -1;
    keyIdx = -1;
    layerSync = false;
    keyFrame = false;
    if (buf == null || payloadOffset < 0 || payloadLength < 0
        || payloadOffset > buf.capacity() - payloadLength) {
      return false;
    }
    int len = descriptorLength(buf, payloadOffset, payloadLength);
    if (len < 0) {
      return false;
    }
    int b0 = buf.getUnsignedByte(payloadOffset);
    int pos = payloadOffset + 1;
    if ((b0 & 0x80) != 0) {
      int x = buf.getUnsignedByte(pos++);
      if ((x & 0x80) != 0) { // I
        pictureIdOffset = pos;
        longPictureId = (buf.getByte(pos) & 0x80) != 0;
        pos += longPictureId ? 2 : 1;
      }
      if ((x & 0x40) != 0) { // L
        tl0PicIdxOffset = pos++;
      }
      if ((x & 0x30) != 0) { // T or K
        int tk = buf.getUnsignedByte(pos);
        if ((x & 0x20) != 0) {
          temporalLayerId = tk >>> 6;
          layerSync = (tk & 0x20) != 0;
        }
        if ((x & 0x10) != 0) {
          keyIdx = tk & 0x1F;
        }
      }
    }
    this.buf = buf;
    this.descriptorLength = len;
    this.keyFrame = isKeyFrame(buf, payloadOffset, len, b0);
    return true;
  }

  /** Descriptor length in bytes, or -1 if truncated (no payload byte after it). */
  static int descriptorLength(ByteBuf buf, int off, int len) {
    if (len < 1) {
      return -1;
    }
    int n = 1;
    int b0 = buf.getUnsignedByte(off);
    if ((b0 & 0x80) != 0) {
      if (len < 2) {
        return -1;
      }
      int x = buf.getUnsignedByte(off + 1);
      n = 2;
      if ((x & 0x80) != 0) {
        if (len < n + 1) {
          return -1;
        }
        n += (buf.getByte(off + n) & 0x80) != 0 ? 2 : 1;
      }
      if ((x & 0x40) != 0) {
        n++;
      }
      if ((x & 0x30) != 0) {
        n++;
      }
    }
    return n < len ? n : -1;
  }

  private static boolean isKeyFrame(ByteBuf buf, int off, int descLen, int b0) {
    boolean startOfPartitionZero = (b0 & 0x10) != 0 && (b0 & 0x07) == 0;
    return startOfPartitionZero && (buf.getByte(off + descLen) & 0x01) == 0;
  }

  /** Stateless key-frame check for {@link CodecKeyFrameDetector}; false for invalid input. */
  public static boolean detectKeyFrame(ByteBuf buf, int off, int len) {
    if (!CodecKeyFrameDetector.inBounds(buf, off, len)) {
      return false;
    }
    int d = descriptorLength(buf, off, len);
    return d > 0 && isKeyFrame(buf, off, d, buf.getUnsignedByte(off));
  }

  /** S=1, partition 0 and the VP8 payload header's P bit clear (intra frame). */
  public boolean isKeyFrame() {
    return keyFrame;
  }

  /** TID, or -1 when the T bit is absent. */
  public int temporalLayerId() {
    return temporalLayerId;
  }

  /** VP8 has no spatial layers in the descriptor (simulcast uses SSRCs): always -1. */
  public int spatialLayerId() {
    return -1;
  }

  /** Y bit (layer sync); false when TID is absent. */
  public boolean layerSync() {
    return layerSync;
  }

  /** KEYIDX, or -1 when the K bit is absent. */
  public int keyIdx() {
    return keyIdx;
  }

  /** Picture id (7 or 15 bits), -1 if absent. */
  public int pictureId() {
    if (pictureIdOffset < 0) {
      return -1;
    }
    return longPictureId ? buf.getUnsignedShort(pictureIdOffset) & 0x7FFF
        : buf.getUnsignedByte(pictureIdOffset) & 0x7F;
  }

  /** True when the picture id is the 15-bit form (M bit set). */
  public boolean hasLongPictureId() {
    return pictureIdOffset >= 0 && longPictureId;
  }

  /** TL0PICIDX, -1 if absent. */
  public int tl0PicIdx() {
    return tl0PicIdxOffset < 0 ? -1 : buf.getUnsignedByte(tl0PicIdxOffset);
  }

  /** Length of the descriptor; the VP8 frame starts right after it. */
  public int descriptorLength() {
    return descriptorLength;
  }

  /** Rewrites the picture id in place, masked to the field's existing width; false if absent. */
  public boolean setPictureId(int pictureId) {
    if (pictureIdOffset < 0) {
      return false;
    }
    if (longPictureId) {
      buf.setShort(pictureIdOffset, 0x8000 | (pictureId & 0x7FFF));
    } else {
      buf.setByte(pictureIdOffset, pictureId & 0x7F);
    }
    return true;
  }

  /** Rewrites TL0PICIDX in place; false if absent. */
  public boolean setTl0PicIdx(int tl0PicIdx) {
    if (tl0PicIdxOffset < 0) {
      return false;
    }
    buf.setByte(tl0PicIdxOffset, tl0PicIdx);
    return true;
  }
}
