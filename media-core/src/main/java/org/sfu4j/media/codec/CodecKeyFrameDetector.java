package org.sfu4j.media.codec;

import io.netty.buffer.ByteBuf;

/**
 * Key-frame detection dispatched by codec mime type, allocation-free and stateless so any thread
 * can call it. Unknown codecs and invalid payloads are "not a key frame".
 */
public final class CodecKeyFrameDetector {
  private CodecKeyFrameDetector() {}

  /**
   * True when the RTP payload of {@code len} bytes at {@code off} starts a key frame. Never
   * retains or releases {@code buf}.
   *
   * @param mimeTypeLowerCase e.g. {@code "video/vp8"}
   */
  public static boolean isKeyFrame(String mimeTypeLowerCase, ByteBuf buf, int off, int len) {
    switch (mimeTypeLowerCase) {
      case "video/vp8":
        return Vp8PayloadDescriptor.detectKeyFrame(buf, off, len);
      case "video/vp9":
        return Vp9PayloadDescriptor.detectKeyFrame(buf, off, len);
      case "video/h264":
        return H264PayloadDescriptor.detectKeyFrame(buf, off, len);
      case "video/av1":
        return Av1PayloadDescriptor.detectKeyFrame(buf, off, len);
      default:
        return false;
    }
  }

  static boolean inBounds(ByteBuf buf, int off, int len) {
    return buf != null && off >= 0 && len > 0 && off <= buf.capacity() - len;
  }

  /** True for the video codecs this class understands. */
  public static boolean isSupported(String mimeTypeLowerCase) {
    switch (mimeTypeLowerCase) {
      case "video/vp8":
      case "video/vp9":
      case "video/h264":
      case "video/av1":
        return true;
      default:
        return false;
    }
  }
}
