package org.sfu4j.media.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reusable view over the VP9 payload descriptor (RFC 9628, formerly draft-ietf-payload-vp9): both
 * flexible (F=1, P_DIFF list) and non-flexible (F=0, TL0PICIDX) modes, layer indices and the
 * scalability structure. Never retains or releases the buffer.
 *
 * <p>Key frame: a packet that begins a frame (B) of the base spatial layer (SID 0, or no layer
 * indices) that is not inter-picture predicted (P=0). That is the packet an SVC consumer can start
 * forwarding from.
 */
public final class Vp9PayloadDescriptor {
  private static final int MAX_SS_LAYERS = 8;

  private final int[] widths = new int[MAX_SS_LAYERS];
  private final int[] heights = new int[MAX_SS_LAYERS];
  private ByteBuf buf;
  private int b0;
  private int pictureIdOffset;
  private boolean longPictureId;
  private int layerByte;
  private int tl0PicIdx;
  private int descriptorLength;
  private int ssLayerCount;

  /** Parses the descriptor; false when truncated or inconsistent. */
  public boolean parse(ByteBuf buf, int payloadOffset, int payloadLength) {
    this.buf = null;
    b0 = 0;
    pictureIdOffset = -1;
    layerByte = -1;
    tl0PicIdx = -1;
    ssLayerCount = 0;
    if (buf == null || payloadOffset < 0 || payloadLength < 0
        || payloadOffset > buf.capacity() - payloadLength) {
      return false;
    }
    int end = payloadOffset + payloadLength;
    int pos = payloadOffset;
    if (payloadLength < 1) {
      return false;
    }
    int first = buf.getUnsignedByte(pos++);
    boolean flexible = (first & 0x10) != 0;
    if ((first & 0x80) != 0) { // I
      if (pos >= end) {
        return false;
      }
      longPictureId = (buf.getByte(pos) & 0x80) != 0;
      pictureIdOffset = pos;
      pos += longPictureId ? 2 : 1;
    }
    if ((first & 0x20) != 0) { // L
      if (pos >= end) {
        return false;
      }
      layerByte = buf.getUnsignedByte(pos++);
      if (!flexible) {
        if (pos >= end) {
          return false;
        }
        tl0PicIdx = buf.getUnsignedByte(pos++);
      }
    }
    if (flexible && (first & 0x40) != 0) { // P_DIFF list, up to 3 entries
      int n = 0;
      while (true) {
        if (pos >= end || n == 3) {
          return false;
        }
        int diff = buf.getUnsignedByte(pos++);
        n++;
        if ((diff & 0x01) == 0) {
          break;
        }
      }
    }
    if ((first & 0x02) != 0) { // V: scalability structure
      pos = parseScalabilityStructure(buf, pos, end);
      if (pos < 0) {
        return false;
      }
    }
    if (pos > end) {
      return false;
    }
    this.buf = buf;
    this.b0 = first;
    this.descriptorLength = pos - payloadOffset;
    return true;
  }

  private int parseScalabilityStructure(ByteBuf buf, int pos, int end) {
    if (pos >= end) {
      return -1;
    }
    int ss = buf.getUnsignedByte(pos++);
    int layers = (ss >>> 5) + 1;
    if ((ss & 0x10) != 0) { // Y: resolutions
      if (pos + 4 * layers > end) {
        return -1;
      }
      for (int i = 0; i < layers; i++) {
        widths[i] = buf.getUnsignedShort(pos);
        heights[i] = buf.getUnsignedShort(pos + 2);
        pos += 4;
      }
      ssLayerCount = layers;
    }
    if ((ss & 0x08) != 0) { // G: picture group description
      if (pos >= end) {
        return -1;
      }
      int groups = buf.getUnsignedByte(pos++);
      for (int g = 0; g < groups; g++) {
        if (pos >= end) {
          return -1;
        }
        int refs = (buf.getUnsignedByte(pos++) >>> 2) & 0x3;
        pos += refs;
        if (pos > end) {
          return -1;
        }
      }
    }
    return pos;
  }

  /** Stateless key-frame check for {@link CodecKeyFrameDetector}; false for invalid input. */
  public static boolean detectKeyFrame(ByteBuf buf, int off, int len) {
    if (!CodecKeyFrameDetector.inBounds(buf, off, len)) {
      return false;
    }
    if (len < 1) {
      return false;
    }
    int first = buf.getUnsignedByte(off);
    if ((first & 0x40) != 0 || (first & 0x08) == 0) { // P set or not B
      return false;
    }
    if ((first & 0x20) == 0) {
      return true;
    }
    int pos = off + 1;
    if ((first & 0x80) != 0) {
      if (len < 2) {
        return false;
      }
      pos += (buf.getByte(pos) & 0x80) != 0 ? 2 : 1;
    }
    return pos < off + len && ((buf.getUnsignedByte(pos) >>> 1) & 0x7) == 0;
  }

  public boolean isKeyFrame() {
    return (b0 & 0x40) == 0 && beginningOfFrame() && spatialLayerId() <= 0;
  }

  /** TID, -1 without layer indices. */
  public int temporalLayerId() {
    return layerByte < 0 ? -1 : layerByte >>> 5;
  }

  /** SID, -1 without layer indices. */
  public int spatialLayerId() {
    return layerByte < 0 ? -1 : (layerByte >>> 1) & 0x7;
  }

  /** U: switching up point. */
  public boolean switchingUpPoint() {
    return layerByte >= 0 && (layerByte & 0x10) != 0;
  }

  /** D: inter-layer dependency. */
  public boolean interLayerDependency() {
    return layerByte >= 0 && (layerByte & 0x01) != 0;
  }

  /** TL0PICIDX (non-flexible mode with layer indices), -1 if absent. */
  public int tl0PicIdx() {
    return tl0PicIdx;
  }

  public int pictureId() {
    if (pictureIdOffset < 0) {
      return -1;
    }
    return longPictureId ? buf.getUnsignedShort(pictureIdOffset) & 0x7FFF
        : buf.getUnsignedByte(pictureIdOffset) & 0x7F;
  }

  /** Rewrites the picture id in place in its existing width; false if absent. */
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

  public boolean interPicturePredicted() {
    return (b0 & 0x40) != 0;
  }

  public boolean flexibleMode() {
    return (b0 & 0x10) != 0;
  }

  public boolean beginningOfFrame() {
    return (b0 & 0x08) != 0;
  }

  public boolean endOfFrame() {
    return (b0 & 0x04) != 0;
  }

  public boolean hasScalabilityStructure() {
    return (b0 & 0x02) != 0;
  }

  /** Number of spatial layers whose resolution the SS carried (0 without Y). */
  public int scalabilityLayerCount() {
    return ssLayerCount;
  }

  public int width(int spatialLayer) {
    return widths[spatialLayer];
  }

  public int height(int spatialLayer) {
    return heights[spatialLayer];
  }

  public int descriptorLength() {
    return descriptorLength;
  }
}
