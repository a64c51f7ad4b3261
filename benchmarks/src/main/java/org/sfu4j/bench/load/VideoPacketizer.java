package org.sfu4j.bench.load;

import java.util.SplittableRandom;

/**
 * Turns one publisher's frames into RTP packets the way a VP8 encoder plus packetizer would:
 * RTP header (PT 96, 90 kHz timestamp, marker on the last packet of a frame), the RFC 7741
 * payload descriptor (X, S on the first packet, 15-bit picture id, TL0PICIDX, TID 0 with Y), the
 * VP8 frame tag on a frame's first packet (P bit clear plus start code and size on key frames),
 * filler, then the {@link Probe} trailer. Frame sizes vary by +-15 % around the model's averages.
 *
 * <p>Writes into a caller's array; allocates nothing per packet. One thread.
 */
public final class VideoPacketizer {
  static final int RTP_HEADER = 12;
  static final int DESCRIPTOR = 6;
  static final int FRAME_TAG = 3;
  static final int KEY_FRAME_HEADER = 7;
  static final int WIDTH = 640;
  static final int HEIGHT = 360;

  private final TrafficModel model;
  private final int streamId;
  private final long ssrc;
  private final SplittableRandom random;
  private final int timestampStep;
  private int rtpSequence;
  private long rtpTimestamp;
  private int pictureId;
  private int tl0PicIdx;
  private long frameIndex = -1;
  private long probeSequence = -1;
  private boolean keyFrame;
  private boolean keyFrameRequested;
  private int framesSinceKeyFrame;
  private int packets;
  private int baseBytes;
  private int extraBytes;

  public VideoPacketizer(TrafficModel model, int publisherIndex, long ssrc, long seed) {
    this.model = model;
    this.streamId = Probe.streamId(publisherIndex, Probe.KIND_VIDEO);
    this.ssrc = ssrc;
    this.random = new SplittableRandom(seed);
    this.timestampStep = 90_000 / model.fps();
    this.rtpSequence = random.nextInt(1 << 16);
    this.rtpTimestamp = random.nextLong(1L << 32);
    this.pictureId = random.nextInt(1 << 15);
  }

  /** Packets needed to carry {@code frameBytes} of payload in packets of at most {@code max}. */
  public static int packetsFor(int frameBytes, int maxPacketBytes) {
    int per = maxPacketBytes - RTP_HEADER;
    return Math.max(1, (frameBytes + per - 1) / per);
  }

  /**
   * Makes the next frame a key frame and restarts the GOP there, as an encoder answering a PLI or
   * FIR does (the SFU forwards nothing to a new consumer before a key frame).
   */
  public void requestKeyFrame() {
    keyFrameRequested = true;
  }

  /** Starts the next frame (a key frame at each GOP start or on request); returns its packets. */
  public int startFrame() {
    frameIndex++;
    framesSinceKeyFrame++;
    keyFrame = frameIndex == 0 || keyFrameRequested || framesSinceKeyFrame >= model.framesPerGop();
    if (keyFrame) {
      framesSinceKeyFrame = 0;
      keyFrameRequested = false;
    }
    int avg = keyFrame ? model.keyFrameBytes() : model.deltaFrameBytes();
    int bytes = (int) (avg * (0.85 + 0.3 * random.nextDouble()));
    int min = DESCRIPTOR + FRAME_TAG + KEY_FRAME_HEADER + Probe.LENGTH + 1;
    packets = packetsFor(bytes, model.maxPacketBytes());
    bytes = Math.max(bytes, packets * min);
    baseBytes = bytes / packets;
    extraBytes = bytes % packets;
    if (frameIndex > 0) {
      rtpTimestamp = (rtpTimestamp + timestampStep) & 0xFFFFFFFFL;
      pictureId = (pictureId + 1) & 0x7FFF;
      tl0PicIdx = (tl0PicIdx + 1) & 0xFF;
    }
    return packets;
  }

  public boolean keyFrame() {
    return keyFrame;
  }

  /**
   * Writes packet {@code index} (0-based) of the current frame into {@code dst} starting at 0,
   * stamped with {@code sendNanos}; returns its length.
   */
  public int writePacket(int index, byte[] dst, long sendNanos) {
    int payload = baseBytes + (index < extraBytes ? 1 : 0);
    int len = RTP_HEADER + payload;
    boolean last = index == packets - 1;
    dst[0] = (byte) 0x80;
    dst[1] = (byte) ((last ? 0x80 : 0) | TrafficModel.VP8_PAYLOAD_TYPE);
    dst[2] = (byte) (rtpSequence >>> 8);
    dst[3] = (byte) rtpSequence;
    Probe.putInt(dst, 4, (int) rtpTimestamp);
    Probe.putInt(dst, 8, (int) ssrc);
    rtpSequence = (rtpSequence + 1) & 0xFFFF;
    int p = RTP_HEADER;
    dst[p++] = (byte) (0x80 | (index == 0 ? 0x10 : 0)); // X, S, PID 0
    dst[p++] = (byte) 0xE0; // I, L, T
    dst[p++] = (byte) (0x80 | (pictureId >>> 8)); // M: 15-bit picture id
    dst[p++] = (byte) pictureId;
    dst[p++] = (byte) tl0PicIdx;
    dst[p++] = (byte) 0x20; // TID 0, Y
    if (index == 0) {
      int firstPartition = Math.min(payload, 0x7FFFF);
      int tag = (keyFrame ? 0 : 1) | (1 << 4) | (firstPartition << 5);
      dst[p++] = (byte) tag;
      dst[p++] = (byte) (tag >>> 8);
      dst[p++] = (byte) (tag >>> 16);
      if (keyFrame) {
        dst[p++] = (byte) 0x9d;
        dst[p++] = (byte) 0x01;
        dst[p++] = (byte) 0x2a;
        dst[p++] = (byte) WIDTH;
        dst[p++] = (byte) (WIDTH >>> 8);
        dst[p++] = (byte) HEIGHT;
        dst[p++] = (byte) (HEIGHT >>> 8);
      }
    }
    probeSequence++;
    Probe.write(dst, len, streamId, probeSequence, sendNanos);
    return len;
  }

  /** Probe sequence of the last packet written, -1 before the first. */
  public long lastSequence() {
    return probeSequence;
  }

  public long ssrc() {
    return ssrc;
  }
}
