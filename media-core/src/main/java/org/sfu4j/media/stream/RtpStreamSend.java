package org.sfu4j.media.stream;

/**
 * The outbound stream of one consumer: its SSRC and what was sent and reported back.
 * Loop-confined and allocation-free per packet.
 */
public final class RtpStreamSend {
  private final long ssrc;
  private final long rtxSsrc;
  private long packetsSent;
  private long bytesSent;
  private long nackRequests;
  private long keyFrameRequests;
  private int fractionLost;
  private long packetsLostReported;

  public RtpStreamSend(long ssrc, long rtxSsrc) {
    this.ssrc = ssrc;
    this.rtxSsrc = rtxSsrc;
  }

  public long ssrc() {
    return ssrc;
  }

  /** -1 when RTX is not negotiated. */
  public long rtxSsrc() {
    return rtxSsrc;
  }

  public void onPacketSent(int bytes) {
    packetsSent++;
    bytesSent += bytes;
  }

  public void onNack() {
    nackRequests++;
  }

  public void onKeyFrameRequest() {
    keyFrameRequests++;
  }

  /** Records a receiver report block about this stream. */
  public void onReceiverReport(int fractionLost, long cumulativeLost) {
    this.fractionLost = fractionLost;
    this.packetsLostReported = cumulativeLost;
  }

  public long packetsSent() {
    return packetsSent;
  }

  public long bytesSent() {
    return bytesSent;
  }

  public long nackRequests() {
    return nackRequests;
  }

  public long keyFrameRequests() {
    return keyFrameRequests;
  }

  public int fractionLost() {
    return fractionLost;
  }

  public long packetsLostReported() {
    return packetsLostReported;
  }

  /** 0..10 from the last reported loss fraction (0..255). */
  public int score() {
    return Math.max(0, 10 - (fractionLost * 10 * 4 + 254) / 255);
  }
}
