package org.sfu4j.media.stream;

/**
 * One inbound RTP stream of a producer (a simulcast layer or the single stream), with its RTX
 * association, counters, last Sender Report and key-frame request rate limit.
 *
 * <p>Loop-confined: touched only by the owning worker's event loop. Counting is per packet and
 * allocation-free.
 */
public final class RtpStreamRecv {
  private final long ssrc;
  private final String rid;
  private final int encodingIndex;
  private final int clockRate;
  private long rtxSsrc = -1;

  private boolean started;
  private int baseSeq;
  private long cycles;
  private int maxSeq;
  private long packetsReceived;
  private long bytesReceived;
  private long rtxPacketsReceived;
  private long keyFramesReceived;
  private long lastPacketAtMs = Long.MIN_VALUE;
  private long lastKeyFrameRequestAtMs = Long.MIN_VALUE;
  private long keyFrameRequests;

  private long lastSrNtpMiddle;
  private long lastSrRtpTimestamp;
  private long lastSrAtMs = Long.MIN_VALUE;
  private long lastSrNtpMs;
  private final org.sfu4j.media.quality.StreamScore score =
      new org.sfu4j.media.quality.StreamScore();
  private boolean scored;

  public RtpStreamRecv(long ssrc, String rid, int encodingIndex, int clockRate) {
    this.ssrc = ssrc;
    this.rid = rid;
    this.encodingIndex = encodingIndex;
    this.clockRate = clockRate;
  }

  public long ssrc() {
    return ssrc;
  }

  public String rid() {
    return rid;
  }

  /** Index of the producer encoding this stream carries: the spatial layer for simulcast. */
  public int encodingIndex() {
    return encodingIndex;
  }

  public int clockRate() {
    return clockRate;
  }

  /** SSRC of the associated RTX stream, or -1. */
  public long rtxSsrc() {
    return rtxSsrc;
  }

  public void setRtxSsrc(long rtxSsrc) {
    this.rtxSsrc = rtxSsrc;
  }

  /** Accounts one valid media packet. */
  public void onPacket(int seq, int bytes, boolean keyFrame, long nowMs) {
    if (!started) {
      started = true;
      baseSeq = seq;
      maxSeq = seq;
    } else {
      int delta = (seq - maxSeq) & 0xFFFF;
      if (delta != 0 && delta < 0x8000) {
        if (seq < maxSeq) {
          cycles += 0x10000;
        }
        maxSeq = seq;
      }
    }
    packetsReceived++;
    bytesReceived += bytes;
    if (keyFrame) {
      keyFramesReceived++;
    }
    lastPacketAtMs = nowMs;
  }

  /** Accounts one packet of the associated RTX stream. */
  public void onRtxPacket(long nowMs) {
    rtxPacketsReceived++;
  }

  /** Records a Sender Report for this stream (RFC 3550 6.4.1). */
  public void onSenderReport(long ntpSeconds, long ntpFraction, long rtpTimestamp, long nowMs) {
    lastSrNtpMiddle = ((ntpSeconds & 0xFFFF) << 16) | ((ntpFraction >>> 16) & 0xFFFF);
    lastSrRtpTimestamp = rtpTimestamp;
    lastSrAtMs = nowMs;
    lastSrNtpMs = ntpSeconds * 1000 + ((ntpFraction * 1000) >>> 32);
  }

  /**
   * Whether a key-frame request may be sent now given the minimum interval; if so, records it.
   * Rate limiting lives on the stream because many consumers may ask for the same stream.
   */
  public boolean tryKeyFrameRequest(long nowMs, long minIntervalMs) {
    if (lastKeyFrameRequestAtMs != Long.MIN_VALUE && nowMs - lastKeyFrameRequestAtMs < minIntervalMs) {
      return false;
    }
    lastKeyFrameRequestAtMs = nowMs;
    keyFrameRequests++;
    return true;
  }

  /** Whether a packet arrived within {@code windowMs} before {@code nowMs}. */
  public boolean isActive(long nowMs, long windowMs) {
    return lastPacketAtMs != Long.MIN_VALUE && nowMs - lastPacketAtMs <= windowMs;
  }

  public long packetsReceived() {
    return packetsReceived;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  public long rtxPacketsReceived() {
    return rtxPacketsReceived;
  }

  public long keyFramesReceived() {
    return keyFramesReceived;
  }

  public long keyFrameRequests() {
    return keyFrameRequests;
  }

  /** Highest sequence number seen, extended with wrap cycles. */
  public long extendedHighestSeq() {
    return cycles + maxSeq;
  }

  /** Expected minus received since the first packet (RFC 3550 A.3), never negative. */
  public long packetsLost() {
    if (!started) {
      return 0;
    }
    long expected = extendedHighestSeq() - baseSeq + 1;
    return Math.max(0, expected - packetsReceived);
  }

  public long lastPacketAtMs() {
    return lastPacketAtMs;
  }

  public long lastSrNtpMiddle() {
    return lastSrNtpMiddle;
  }

  public long lastSrRtpTimestamp() {
    return lastSrRtpTimestamp;
  }

  public long lastSrAtMs() {
    return lastSrAtMs;
  }

  public long lastSrNtpMs() {
    return lastSrNtpMs;
  }

  /**
   * 0..10 like mediasoup: from the loss of the last RTCP report intervals after repair (NACK/RTX
   * recoveries count as received), see {@link org.sfu4j.media.quality.StreamScore}; 0 until the
   * first interval with packets was scored (mediasoup's producer score starts at 0 too, so the
   * first report is a change clients hear of).
   */
  public int score() {
    return scored ? score.score() : 0;
  }

  /**
   * Adds one report interval (called when the producer's Receiver Report for this stream is
   * built). {@code lost} is after repair.
   *
   * @return whether {@link #score()} changed
   */
  public boolean onReportInterval(long expected, long lost) {
    int before = score();
    if (expected > 0) {
      score.addInterval(expected, lost, 0);
      scored = true;
    }
    return score() != before;
  }

}
