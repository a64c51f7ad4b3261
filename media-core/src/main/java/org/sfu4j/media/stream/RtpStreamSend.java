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
  private final org.sfu4j.media.quality.StreamScore score =
      new org.sfu4j.media.quality.StreamScore();
  /** Extended highest sequence and cumulative loss of the previous report block; -1 = none. */
  private long lastReportedHighestSeq = -1;
  private long lastReportedLost;

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

  /** Records a receiver report block about this stream (without the score: tests, stats). */
  public void onReceiverReport(int fractionLost, long cumulativeLost) {
    this.fractionLost = fractionLost;
    this.packetsLostReported = cumulativeLost;
  }

  /**
   * Records a receiver report block and scores the interval since the previous block: expected =
   * growth of the extended highest sequence number, lost = growth of the cumulative loss (the
   * receiver counts RTX-repaired packets as received). The first block only sets the baseline.
   *
   * @return whether the score changed
   */
  public boolean onReceiverReport(int fractionLost, long cumulativeLost, long extendedHighestSeq) {
    onReceiverReport(fractionLost, cumulativeLost);
    long previous = lastReportedHighestSeq;
    long previousLost = lastReportedLost;
    lastReportedHighestSeq = extendedHighestSeq;
    lastReportedLost = cumulativeLost;
    if (previous < 0 || extendedHighestSeq <= previous) {
      return false; // baseline, a stale/reordered report, or a receiver restart
    }
    return score.addInterval(extendedHighestSeq - previous, cumulativeLost - previousLost, 0);
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

  /**
   * 0..10 like mediasoup: from the loss the receiver reported over its last report intervals
   * (see {@link org.sfu4j.media.quality.StreamScore}); 10 before two reports.
   */
  public int score() {
    return score.score();
  }
}
