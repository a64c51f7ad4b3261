package org.sfu4j.media.quality;

import org.sfu4j.media.rtcp.ReceiverReport;
import org.sfu4j.media.rtcp.SenderReport;
import org.sfu4j.media.rtp.SeqExtender;

/**
 * Reception statistics of one producer stream and the report block we send about it (RFC 3550
 * 6.4.1): extended highest sequence number, cumulative and interval loss (appendix A.3),
 * interarrival jitter (A.8) and LSR/DLSR from the last Sender Report of that stream.
 *
 * <p>Arrival times are converted to the stream's RTP clock ({@code clockRate}) so the jitter is
 * in timestamp units as the RFC requires. Jitter uses the integer form of A.8 (the estimate is
 * kept scaled by 16), ignoring retransmitted packets: their arrival says nothing about the path's
 * jitter. Single-threaded, allocation-free.
 */
public final class RtcpReceiverReportGenerator {
  private final long ssrc;
  private final int clockRate;
  private final SeqExtender extender = new SeqExtender();
  private long baseSeq;
  private long received;
  private long expectedPrior;
  private long receivedPrior;
  private long jitterScaled; // jitter * 16
  private long lastTransit;
  private boolean haveTransit;
  private long lastSrCompact;
  private long lastSrReceivedMs;
  private long lastSrNtp;
  private long lastSrRtp;
  // Last computed block, readable after addReportBlock/computeReport.
  private int fractionLost;
  private long cumulativeLost;
  private long intervalExpected;
  private long intervalLost;

  public RtcpReceiverReportGenerator(long ssrc, int clockRate) {
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clockRate " + clockRate);
    }
    this.ssrc = ssrc;
    this.clockRate = clockRate;
  }

  public long ssrc() {
    return ssrc;
  }

  /**
   * Records a received packet of this stream.
   *
   * @param retransmitted the packet came via RTX or was NACK-recovered (counted as received,
   *     excluded from jitter)
   */
  public void onPacket(int seq, long rtpTimestamp, long nowMs, boolean retransmitted) {
    boolean first = !extender.started();
    long ext = extender.extend(seq);
    if (first) {
      baseSeq = ext;
    } else if (ext < baseSeq) {
      baseSeq = ext; // reordered packet from before the first one
    }
    received++;
    if (retransmitted) {
      return;
    }
    long arrival = nowMs * clockRate / 1000;
    long transit = arrival - (rtpTimestamp & 0xFFFF_FFFFL);
    if (haveTransit) {
      long d = (int) (transit - lastTransit); // timestamps wrap at 2^32
      d = Math.abs(d);
      jitterScaled += d - ((jitterScaled + 8) >> 4);
    }
    lastTransit = transit;
    haveTransit = true;
  }

  /**
   * Records a Sender Report from this stream's sender: its NTP time (for LSR) and the NTP ↔ RTP
   * pair (for lip-sync-preserving Sender Reports downstream, see {@link SenderReportGenerator}).
   */
  public void onSenderReport(long ntpTimestamp, long rtpTimestamp, long nowMs) {
    lastSrNtp = ntpTimestamp;
    lastSrRtp = rtpTimestamp & 0xFFFF_FFFFL;
    lastSrCompact = NtpTime.compact(ntpTimestamp);
    lastSrReceivedMs = nowMs;
  }

  /** Convenience for a parsed {@link SenderReport} view. */
  public void onSenderReport(SenderReport sr, long nowMs) {
    onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), nowMs);
  }

  /** Whether a Sender Report of this stream was received. */
  public boolean hasSenderReport() {
    return lastSrReceivedMs != 0 || lastSrCompact != 0;
  }

  public long lastSrNtp() {
    return lastSrNtp;
  }

  public long lastSrRtpTimestamp() {
    return lastSrRtp;
  }

  public long lastSrReceivedMs() {
    return lastSrReceivedMs;
  }

  /**
   * Computes the report block for now (advancing the A.3 "prior" counters, so call it once per
   * report) and appends it to {@code builder}.
   *
   * @return false if nothing was received yet or the builder is full (no block added)
   */
  public boolean addReportBlock(ReceiverReport.Builder builder, long nowMs) {
    if (!computeReport()) {
      return false;
    }
    return builder.addReportBlock(ssrc, fractionLost, clampCumulative(), extendedHighestSeq(),
        jitter(), lastSr(), delaySinceLastSr(nowMs));
  }

  /** Same as {@link #addReportBlock(ReceiverReport.Builder, long)} for an SR we send. */
  public boolean addReportBlock(SenderReport.Builder builder, long nowMs) {
    if (!computeReport()) {
      return false;
    }
    return builder.addReportBlock(ssrc, fractionLost, clampCumulative(), extendedHighestSeq(),
        jitter(), lastSr(), delaySinceLastSr(nowMs));
  }

  /** Advances the interval counters (A.3); false before the first packet. */
  public boolean computeReport() {
    if (!extender.started()) {
      return false;
    }
    long expected = extender.highest() - baseSeq + 1;
    cumulativeLost = expected - received;
    intervalExpected = expected - expectedPrior;
    expectedPrior = expected;
    long receivedInterval = received - receivedPrior;
    receivedPrior = received;
    intervalLost = intervalExpected - receivedInterval;
    fractionLost = intervalExpected == 0 || intervalLost <= 0
        ? 0 : (int) ((intervalLost << 8) / intervalExpected);
    return true;
  }

  /** Fraction lost in the last interval, 0..255 (from the last {@link #computeReport()}). */
  public int fractionLost() {
    return fractionLost;
  }

  /** Cumulative lost at the last report (negative with duplicates). */
  public long cumulativeLost() {
    return cumulativeLost;
  }

  /** Packets expected in the last report interval. */
  public long intervalExpected() {
    return intervalExpected;
  }

  /** Packets lost in the last report interval (negative with duplicates). */
  public long intervalLost() {
    return intervalLost;
  }

  public long packetsReceived() {
    return received;
  }

  /** Low 32 bits of the extended highest sequence number received. */
  public long extendedHighestSeq() {
    return extender.highest() & 0xFFFF_FFFFL;
  }

  /** Interarrival jitter in RTP timestamp units. */
  public long jitter() {
    return jitterScaled >> 4;
  }

  /** LSR: middle 32 bits of the last SR's NTP time, 0 if none. */
  public long lastSr() {
    return lastSrCompact;
  }

  /** DLSR in 1/65536 s: time since the last SR arrived, 0 if none. */
  public long delaySinceLastSr(long nowMs) {
    if (lastSrCompact == 0) {
      return 0;
    }
    return NtpTime.msToCompact(nowMs - lastSrReceivedMs) & 0xFFFF_FFFFL;
  }

  private int clampCumulative() {
    return (int) Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost));
  }
}
