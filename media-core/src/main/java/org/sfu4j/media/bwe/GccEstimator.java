package org.sfu4j.media.bwe;

/**
 * Downlink bandwidth estimate of one transport from the receiver's transport-cc feedback (or
 * REMB), in the spirit of Google Congestion Control: the minimum of a delay-based estimate
 * ({@link TrendlineEstimator} + {@link AimdRateControl}) and a loss-based one.
 *
 * <p>Delay: packets sent within {@value #BURST_MS} ms of each other form a group (a frame's
 * packets leave together and are not independent samples); each new group yields the
 * one-way-delay change against the previous one. Loss: over each batch of at least {@value
 * #LOSS_MIN_PACKETS} reported packets, loss above 10 % cuts the loss-based limit by half the
 * loss fraction, loss below 2 % lets it grow 8 %/s, in between holds (GCC section 6.2). REMB,
 * when the receiver sends it, caps the result; when it only sends REMB, REMB is the estimate.
 * Acknowledged throughput is measured over ≥ {@value #ACKED_WINDOW_MS} ms windows of receiver
 * arrival time. Single-threaded, allocation-free.
 */
public final class GccEstimator {
  static final int BURST_MS = 5;
  static final int LOSS_MIN_PACKETS = 20;
  static final long ACKED_WINDOW_MS = 500;

  private final long minBps;
  private final long maxBps;
  private final TrendlineEstimator trendline = new TrendlineEstimator();
  private final AimdRateControl aimd;
  // Current and previous packet groups.
  private long groupFirstSendMs = Long.MIN_VALUE;
  private long groupLastSendMs;
  private long groupArrivalUs;
  private long prevGroupSendMs = Long.MIN_VALUE;
  private long prevGroupArrivalUs;
  // Acknowledged bitrate.
  private long ackWindowStartUs = Long.MIN_VALUE;
  private long ackWindowLastUs;
  private long ackWindowBytes;
  private long ackedBps;
  // Loss-based controller.
  private int lossPackets;
  private int lossLost;
  private long lossBps;
  private long lastLossUpdateMs = -1;
  private long lastLossDecreaseMs = -1;
  static final long LOSS_DECREASE_INTERVAL_MS = 300;
  private double lastLossFraction;
  // REMB.
  private long rembBps = -1;
  private boolean haveFeedback;
  private long rttMs = 100;
  private long estimateBps;

  public GccEstimator(long startBps, long minBps, long maxBps) {
    this.minBps = minBps;
    this.maxBps = maxBps;
    this.aimd = new AimdRateControl(startBps, minBps, maxBps);
    this.lossBps = maxBps;
    this.estimateBps = Math.max(minBps, Math.min(maxBps, startBps));
  }

  public void setRtt(long rttMs) {
    this.rttMs = Math.max(1, rttMs);
  }

  /** Consumes one feedback's per-packet results; returns the new estimate (bps). */
  public long onPacketResults(TransportCcSendHistory.PacketResults r, long nowMs) {
    haveFeedback = true;
    TrendlineEstimator.Signal signal = null;
    for (int i = 0; i < r.count(); i++) {
      lossPackets++;
      if (!r.received(i)) {
        lossLost++;
        continue;
      }
      long sendMs = r.sendTimeMs(i);
      long arrivalUs = r.arrivalTimeUs(i);
      accountAcked(arrivalUs, r.size(i));
      if (groupFirstSendMs == Long.MIN_VALUE) {
        startGroup(sendMs, arrivalUs);
        continue;
      }
      if (sendMs < groupFirstSendMs) {
        continue; // reordered into an earlier group: ignore for delay
      }
      if (sendMs - groupFirstSendMs <= BURST_MS) {
        groupLastSendMs = Math.max(groupLastSendMs, sendMs);
        groupArrivalUs = Math.max(groupArrivalUs, arrivalUs);
        continue;
      }
      // A new group starts: the finished group is compared with the previous one.
      if (prevGroupSendMs != Long.MIN_VALUE) {
        double sendDelta = groupLastSendMs - prevGroupSendMs;
        double arrivalDelta = (groupArrivalUs - prevGroupArrivalUs) / 1000.0;
        signal = trendline.update(arrivalDelta - sendDelta, sendDelta, groupArrivalUs / 1000,
            nowMs);
      }
      prevGroupSendMs = groupLastSendMs;
      prevGroupArrivalUs = groupArrivalUs;
      startGroup(sendMs, arrivalUs);
    }
    if (signal != null) {
      aimd.update(signal, ackedBps, rttMs, nowMs);
    }
    updateLoss(nowMs);
    return recompute();
  }

  /**
   * A probe cluster (padding sent above the media rate) reached the receiver at {@code bps}
   * without overuse: delay- and loss-based limits rise to it at once. Returns the new estimate.
   */
  public long onProbeResult(long bps, long nowMs) {
    aimd.raiseTo(bps);
    lossBps = Math.max(lossBps, Math.min(maxBps, bps));
    return recompute();
  }

  /** The receiver sent REMB (bps). */
  public long onRemb(long bps, long nowMs) {
    rembBps = Math.max(0, bps);
    return recompute();
  }

  /** Current estimate in bps. */
  public long availableBitrate() {
    return estimateBps;
  }

  /** Throughput the receiver acknowledged in the last window, 0 before the first. */
  public long acknowledgedBitrate() {
    return ackedBps;
  }

  public long delayBasedBitrate() {
    return aimd.rateBps();
  }

  public long lossBasedBitrate() {
    return lossBps;
  }

  public double lastLossFraction() {
    return lastLossFraction;
  }

  public TrendlineEstimator.Signal delaySignal() {
    return trendline.signal();
  }

  private void startGroup(long sendMs, long arrivalUs) {
    groupFirstSendMs = sendMs;
    groupLastSendMs = sendMs;
    groupArrivalUs = arrivalUs;
  }

  private void accountAcked(long arrivalUs, int bytes) {
    if (ackWindowStartUs == Long.MIN_VALUE) {
      ackWindowStartUs = arrivalUs;
      ackWindowLastUs = arrivalUs;
      ackWindowBytes = 0; // the first packet only opens the window
      return;
    }
    ackWindowBytes += bytes;
    ackWindowLastUs = Math.max(ackWindowLastUs, arrivalUs);
    long spanUs = ackWindowLastUs - ackWindowStartUs;
    if (spanUs >= ACKED_WINDOW_MS * 1000) {
      ackedBps = ackWindowBytes * 8 * 1_000_000 / spanUs;
      ackWindowStartUs = ackWindowLastUs;
      ackWindowBytes = 0;
    }
  }

  private void updateLoss(long nowMs) {
    if (lossPackets < LOSS_MIN_PACKETS) {
      return;
    }
    double loss = (double) lossLost / lossPackets;
    lastLossFraction = loss;
    lossPackets = 0;
    lossLost = 0;
    long dt = lastLossUpdateMs < 0 ? 0 : nowMs - lastLossUpdateMs;
    lastLossUpdateMs = nowMs;
    if (loss > 0.10) {
      // One cut per loss-reaction interval: feedback comes every 50-100 ms, and cutting on each
      // batch of one congestion episode would compound into a collapse (libwebrtc waits
      // 300 ms + RTT between decreases the same way).
      if (lastLossDecreaseMs < 0 || nowMs - lastLossDecreaseMs >= LOSS_DECREASE_INTERVAL_MS + rttMs) {
        lastLossDecreaseMs = nowMs;
        long current = Math.min(lossBps, Math.max(estimateBps, minBps));
        lossBps = (long) (current * (1 - 0.5 * loss));
      }
    } else if (loss < 0.02 && lossBps < maxBps) {
      lossBps = (long) (lossBps * Math.pow(1.08, Math.min(dt, 1000) / 1000.0)) + 1000;
      if (lossBps >= 1.5 * aimd.rateBps()) {
        lossBps = maxBps; // well above the delay estimate: loss is no longer what limits us
      }
    }
    lossBps = Math.max(minBps, Math.min(maxBps, lossBps));
  }

  private long recompute() {
    long est;
    if (!haveFeedback && rembBps >= 0) {
      est = rembBps;
    } else {
      est = Math.min(aimd.rateBps(), lossBps);
      if (rembBps >= 0) {
        est = Math.min(est, rembBps);
      }
    }
    estimateBps = Math.max(minBps, Math.min(maxBps, est));
    return estimateBps;
  }
}
