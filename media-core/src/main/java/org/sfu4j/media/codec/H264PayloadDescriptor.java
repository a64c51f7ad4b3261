package org.sfu4j.media.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reusable view over an H.264 RTP payload (RFC 6184): single NAL unit packets (types 1-23),
 * STAP-A (24) aggregates and FU-A (28) fragments. Reports which NAL types it carries; a packet is a
 * key frame when it carries an IDR slice (5) or an SPS (7) — for FU-A only in the start fragment.
 * STAP-B, MTAPs and FU-B (interleaved mode) parse as valid but are never key frames. Never retains
 * or releases the buffer.
 */
public final class H264PayloadDescriptor {
  public static final int NAL_IDR = 5;
  public static final int NAL_SEI = 6;
  public static final int NAL_SPS = 7;
  public static final int NAL_PPS = 8;
  public static final int STAP_A = 24;
  public static final int FU_A = 28;

  private int packetType;
  private int fragmentNalType;
  private boolean fragmentStart;
  private boolean fragmentEnd;
  private int nalTypeMask; // bit n set = NAL type n present (start fragments only for FU-A)

  /** Parses the payload; false when truncated, the forbidden bit is set or the type is reserved. */
  public boolean parse(ByteBuf buf, int payloadOffset, int payloadLength) {
    packetType = -1;
    fragmentNalType = -1;
    fragmentStart = false;
    fragmentEnd = false;
    nalTypeMask = 0;
    if (buf == null || payloadOffset < 0 || payloadLength < 0
        || payloadOffset > buf.capacity() - payloadLength) {
      return false;
    }
    int mask = scan(buf, payloadOffset, payloadLength);
    if (mask < 0) {
      return false;
    }
    int header = buf.getUnsignedByte(payloadOffset);
    packetType = header & 0x1F;
    if (packetType == FU_A) {
      int fu = buf.getUnsignedByte(payloadOffset + 1);
      fragmentNalType = fu & 0x1F;
      fragmentStart = (fu & 0x80) != 0;
      fragmentEnd = (fu & 0x40) != 0;
    }
    nalTypeMask = mask;
    return true;
  }

  /**
   * Validates the payload and returns the set of NAL types it starts (bit n = type n), or -1 if
   * invalid. Shared by {@link #parse} and the stateless {@link #detectKeyFrame}.
   */
  static int scan(ByteBuf buf, int off, int len) {
    if (len < 1) {
      return -1;
    }
    int header = buf.getUnsignedByte(off);
    if ((header & 0x80) != 0) {
      return -1;
    }
    int type = header & 0x1F;
    if (type >= 1 && type <= 23) {
      return 1 << type;
    }
    if (type == STAP_A) {
      int pos = off + 1;
      int end = off + len;
      int mask = 0;
      if (pos >= end) {
        return -1;
      }
      while (pos < end) {
        if (pos + 2 > end) {
          return -1;
        }
        int size = buf.getUnsignedShort(pos);
        pos += 2;
        if (size == 0 || pos + size > end) {
          return -1;
        }
        mask |= 1 << (buf.getByte(pos) & 0x1F);
        pos += size;
      }
      return mask;
    }
    if (type == FU_A) {
      if (len < 3) { // indicator, FU header, at least one byte of fragment
        return -1;
      }
      int fu = buf.getUnsignedByte(off + 1);
      if ((fu & 0xC0) == 0xC0) { // start and end in one fragment is forbidden
        return -1;
      }
      return (fu & 0x80) != 0 ? 1 << (fu & 0x1F) : 0;
    }
    if (type >= 25 && type <= 29) { // STAP-B, MTAP16, MTAP24, FU-B: valid, not inspected
      return 0;
    }
    return -1; // 0, 30, 31: reserved / undefined
  }

  private static boolean isKeyMask(int mask) {
    return (mask & ((1 << NAL_IDR) | (1 << NAL_SPS))) != 0;
  }

  /** Stateless key-frame check for {@link CodecKeyFrameDetector}; false for invalid input. */
  public static boolean detectKeyFrame(ByteBuf buf, int off, int len) {
    if (!CodecKeyFrameDetector.inBounds(buf, off, len)) {
      return false;
    }
    int mask = scan(buf, off, len);
    return mask > 0 && isKeyMask(mask);
  }

  public boolean isKeyFrame() {
    return isKeyMask(nalTypeMask);
  }

  /** True when a NAL unit of {@code nalType} starts in this packet. */
  public boolean contains(int nalType) {
    return nalType >= 0 && nalType < 32 && (nalTypeMask & (1 << nalType)) != 0;
  }

  /** The outer NAL type: 1-23 single NAL, 24 STAP-A, 28 FU-A, ... */
  public int packetType() {
    return packetType;
  }

  /** For FU-A: type of the fragmented NAL unit, else -1. */
  public int fragmentNalType() {
    return fragmentNalType;
  }

  public boolean fragmentStart() {
    return fragmentStart;
  }

  public boolean fragmentEnd() {
    return fragmentEnd;
  }

  /** Not carried by RFC 6184 payloads (needs the frame-marking extension): -1. */
  public int temporalLayerId() {
    return -1;
  }

  /** Not carried by RFC 6184 payloads: -1. */
  public int spatialLayerId() {
    return -1;
  }
}
