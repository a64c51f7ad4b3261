package org.sfu4j.media.quality;

import org.sfu4j.media.rtcp.SenderReport;

/**
 * Sender Reports for one consumer stream, with an NTP ↔ RTP mapping that keeps lip sync after
 * the SFU rewrote the timestamps.
 *
 * <p>The receiver aligns audio and video of one participant by mapping each stream's RTP
 * timestamps to the sender's NTP clock through the SRs. The original sender's mapping is the
 * truth, so we forward it rather than invent one from arrival times (which differ per stream by
 * network jitter): with the producer's last SR {@code (ntpP, rtpP)} received at our time {@code
 * tP} and this consumer's timestamp offset {@code off} ({@code consumerTs = producerTs + off}),
 * the SR at our time {@code now} says {@code ntp = ntpP + (now - tP)} and {@code rtp = rtpP + off
 * + (now - tP) * clockRate / 1000}: the same line, moved along by elapsed time. Audio and video
 * consumers of one producer peer then carry the same NTP clock and keep their relative offset.
 * On a simulcast layer switch the engine sets the new layer's mapping and offset; choosing the
 * offset with {@link #offsetKeepingMapping} keeps the consumer's line continuous.
 *
 * <p>Before the producer's first SR, the mapping falls back to our own clock anchored at the last
 * packet sent. Since the NTP field is then not our clock, RTT uses the LSR → send-time table of
 * the last {@value #SR_HISTORY} SRs instead of NTP arithmetic. Single-threaded, allocation-free.
 */
public final class SenderReportGenerator {
  static final int SR_HISTORY = 8;

  private final long ssrc;
  private final int clockRate;
  private long packetCount;
  private long octetCount;
  private long lastPacketTs;
  private long lastPacketSentMs;
  private boolean sentAny;
  private boolean hasMapping;
  private long mapNtp;
  private long mapRtp; // already in consumer timestamps (offset applied)
  private long mapLocalMs;
  private final long[] srCompact = new long[SR_HISTORY];
  private final long[] srSentMs = new long[SR_HISTORY];
  private int srNext;
  private long lastRttMs = -1;
  private long nowNtpAtLastSr;
  private long rtpAtLastSr;

  public SenderReportGenerator(long ssrc, int clockRate) {
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clockRate " + clockRate);
    }
    this.ssrc = ssrc;
    this.clockRate = clockRate;
  }

  /**
   * Counts a forwarded media packet (not retransmissions, RFC 3550 6.4.1).
   *
   * @param timestamp the consumer's (rewritten) RTP timestamp
   * @param payloadBytes payload octets, excluding header and padding
   */
  public void onPacketSent(long timestamp, int payloadBytes, long nowMs) {
    packetCount++;
    octetCount += payloadBytes;
    lastPacketTs = timestamp & 0xFFFF_FFFFL;
    lastPacketSentMs = nowMs;
    sentAny = true;
  }

  /**
   * The producer stream currently forwarded reported {@code (ntp, rtp)} in an SR that we
   * received at {@code receivedMs}; {@code timestampOffset} is this consumer's rewrite offset
   * for that stream ({@code consumerTs = producerTs + offset mod 2^32}).
   */
  public void setSourceMapping(long ntp, long producerRtp, long receivedMs, long timestampOffset) {
    hasMapping = true;
    mapNtp = ntp;
    mapRtp = (producerRtp + timestampOffset) & 0xFFFF_FFFFL;
    mapLocalMs = receivedMs;
  }

  /** Drops the producer mapping (e.g. the new layer has no SR yet); falls back to local time. */
  public void clearSourceMapping() {
    hasMapping = false;
  }

  /**
   * The timestamp offset for a new source stream (after a layer switch) such that the new
   * stream's NTP ↔ RTP line, shifted by it, coincides with this consumer's current line: the
   * receiver's lip sync is undisturbed. Needs a current mapping ({@link #hasMapping()}) and the
   * new stream's last SR {@code (ntp, producerRtp)}.
   */
  public long offsetKeepingMapping(long ntp, long producerRtp) {
    long consumerRtpAtNtp = mapRtp + rtpTicks(ntpDiffMs(ntp, mapNtp));
    return (consumerRtpAtNtp - producerRtp) & 0xFFFF_FFFFL;
  }

  /** Consumer RTP timestamp of the last media packet sent (0 before any). */
  public long lastPacketTimestamp() {
    return lastPacketTs;
  }

  public boolean hasMapping() {
    return hasMapping;
  }

  /**
   * Fills {@code builder}'s sender info for time {@code nowMs} ({@code localNtp}: our own NTP
   * clock now, used before any producer mapping) and remembers the SR for RTT. Does not touch the
   * builder's report blocks.
   *
   * @return false before the first packet was sent (RFC 3550: no SR without data sent)
   */
  public boolean fillSenderInfo(SenderReport.Builder builder, long nowMs, long localNtp) {
    if (!sentAny) {
      return false;
    }
    long ntp;
    long rtp;
    if (hasMapping) {
      long elapsed = nowMs - mapLocalMs;
      ntp = NtpTime.plusMs(mapNtp, elapsed);
      rtp = (mapRtp + rtpTicks(elapsed)) & 0xFFFF_FFFFL;
    } else {
      ntp = localNtp;
      rtp = (lastPacketTs + rtpTicks(nowMs - lastPacketSentMs)) & 0xFFFF_FFFFL;
    }
    builder.senderInfo(ssrc, ntp, rtp, packetCount & 0xFFFF_FFFFL, octetCount & 0xFFFF_FFFFL);
    srCompact[srNext] = NtpTime.compact(ntp);
    srSentMs[srNext] = nowMs;
    srNext = (srNext + 1) % SR_HISTORY;
    nowNtpAtLastSr = ntp;
    rtpAtLastSr = rtp;
    return true;
  }

  /** NTP field of the last SR produced. */
  public long lastSrNtp() {
    return nowNtpAtLastSr;
  }

  /** RTP field of the last SR produced. */
  public long lastSrRtp() {
    return rtpAtLastSr;
  }

  /**
   * A receiver report block about this stream arrived: RTT = now − (when we sent the SR whose
   * compact NTP is {@code lastSr}) − {@code delaySinceLastSr}.
   *
   * @return RTT in ms, or -1 if the block echoes no SR we remember
   */
  public long onReceiverReport(long lastSr, long delaySinceLastSr, long nowMs) {
    if (lastSr == 0) {
      return -1;
    }
    for (int i = 0; i < SR_HISTORY; i++) {
      if (srSentMs[i] != 0 && srCompact[i] == lastSr) {
        long rtt = nowMs - srSentMs[i] - NtpTime.compactToMs(delaySinceLastSr);
        lastRttMs = Math.max(0, rtt);
        return lastRttMs;
      }
    }
    return -1;
  }

  /** Last RTT measured from a receiver report, -1 if none. */
  public long rttMs() {
    return lastRttMs;
  }

  public long packetCount() {
    return packetCount;
  }

  public long octetCount() {
    return octetCount;
  }

  private long rtpTicks(long ms) {
    return Math.floorDiv(ms * clockRate, 1000);
  }

  private static long ntpDiffMs(long a, long b) {
    return NtpTime.toUnixMs(a) - NtpTime.toUnixMs(b);
  }
}
