package org.sfu4j.bench.load;

/**
 * What one publisher sends: a VP8-like video stream at a target bitrate (frames of uneven size,
 * a large key frame every {@code keyFrameIntervalMs}) and optionally opus-like audio at 50 pps.
 *
 * <p>Frame sizes keep the average bitrate: over one GOP of {@code g} frames with a key frame
 * {@code keyFrameFactor} times a delta frame, {@code delta = bytesPerGop / (g - 1 + factor)}.
 */
public record TrafficModel(
    int bitrateBps,
    int fps,
    int maxPacketBytes,
    int keyFrameIntervalMs,
    int keyFrameFactor,
    boolean audio,
    int audioPayloadBytes) {

  public static final int VP8_PAYLOAD_TYPE = 96;
  public static final int OPUS_PAYLOAD_TYPE = 100;
  public static final int AUDIO_PACKETS_PER_SECOND = 50;

  public TrafficModel {
    if (bitrateBps < 10_000 || bitrateBps > 50_000_000) {
      throw new IllegalArgumentException("bitrate must be 10 kbit/s .. 50 Mbit/s: " + bitrateBps);
    }
    if (fps < 1 || fps > 120) {
      throw new IllegalArgumentException("fps must be 1..120: " + fps);
    }
    if (maxPacketBytes < 200 || maxPacketBytes > 1400) {
      throw new IllegalArgumentException("packet size must be 200..1400: " + maxPacketBytes);
    }
    if (keyFrameIntervalMs < 100 || keyFrameFactor < 1) {
      throw new IllegalArgumentException("key frame interval >= 100 ms, factor >= 1");
    }
    if (audioPayloadBytes < Probe.LENGTH + 1 || audioPayloadBytes > 1000) {
      throw new IllegalArgumentException("audio payload must be 25..1000 bytes");
    }
  }

  /** 1 Mbit/s, 30 fps, 1,100-byte packets, key frame every 2 s (5x a delta frame), no audio. */
  public static TrafficModel defaults() {
    return new TrafficModel(1_000_000, 30, 1100, 2000, 5, false, 160);
  }

  public TrafficModel withBitrate(int bps) {
    return new TrafficModel(bps, fps, maxPacketBytes, keyFrameIntervalMs, keyFrameFactor, audio,
        audioPayloadBytes);
  }

  public TrafficModel withAudio(boolean on) {
    return new TrafficModel(bitrateBps, fps, maxPacketBytes, keyFrameIntervalMs, keyFrameFactor,
        on, audioPayloadBytes);
  }

  /** Frames per GOP (key frame to key frame). */
  public int framesPerGop() {
    return Math.max(1, (int) ((long) fps * keyFrameIntervalMs / 1000));
  }

  /** Average size of a delta frame in bytes (payload bytes, RTP headers excluded). */
  public int deltaFrameBytes() {
    long bytesPerGop = (long) bitrateBps / 8 * keyFrameIntervalMs / 1000;
    return (int) Math.max(Probe.LENGTH + 16,
        bytesPerGop / (framesPerGop() - 1 + keyFrameFactor));
  }

  public int keyFrameBytes() {
    return deltaFrameBytes() * keyFrameFactor;
  }

  /** Frame interval in nanoseconds. */
  public long frameIntervalNanos() {
    return 1_000_000_000L / fps;
  }

  /** Expected video packets per second (approximate: exact per GOP). */
  public double videoPacketsPerSecond() {
    int g = framesPerGop();
    long perGop = VideoPacketizer.packetsFor(keyFrameBytes(), maxPacketBytes)
        + (long) (g - 1) * VideoPacketizer.packetsFor(deltaFrameBytes(), maxPacketBytes);
    return perGop * 1000.0 / keyFrameIntervalMs;
  }

  /** Video plus audio packets per second that each publisher sends. */
  public double packetsPerSecond() {
    return videoPacketsPerSecond() + (audio ? AUDIO_PACKETS_PER_SECOND : 0);
  }
}
