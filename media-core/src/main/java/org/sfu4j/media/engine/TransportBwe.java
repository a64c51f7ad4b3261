package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;
import org.sfu4j.media.bwe.GccEstimator;
import org.sfu4j.media.bwe.LayerSelector;
import org.sfu4j.media.bwe.TransportCcSendHistory;
import org.sfu4j.media.bwe.TrendlineEstimator;
import org.sfu4j.media.rtcp.Remb;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.TransportCcFeedback;

/**
 * Send-side bandwidth estimation of one transport: hands out transport-wide sequence numbers for
 * what its consumers send, turns the receiver's transport-cc feedback (or REMB) into a
 * {@link GccEstimator} estimate, shares the estimate between the consumers by priority (layered
 * consumers pick their layers from their share), probes with padding when consumers want more
 * than the estimate, and reports {@link DownlinkBwe} once a second.
 *
 * <p>Why probing: once a consumer dropped to a low layer, the sender is application-limited and
 * the delay-based estimate cannot grow past what it measures being delivered. A short burst of
 * padding-only RTX packets (stamped like media) shows whether the link carries more; the rate
 * that reached the receiver becomes the estimate at once.
 *
 * <p>Loop-confined. State that costs memory (the 8K-slot send history, the estimator) is created
 * on first use, so transports without transport-cc pay nothing.
 */
final class TransportBwe {
  static final long START_BPS = 600_000;
  static final long MIN_BPS = 30_000;
  static final long MAX_BPS = 20_000_000;
  static final long ALLOCATE_INTERVAL_MS = 200;
  static final long EVENT_INTERVAL_MS = 1000;
  static final long PROBE_INTERVAL_MS = 3000;
  static final long PROBE_DURATION_MS = 500;
  /** Feedback for the last probe packets arrives within about an RTT plus the feedback interval. */
  static final long PROBE_SETTLE_MS = 500;
  static final int PROBE_PADDING_BYTES = 255;

  private final Transport transport;
  private TransportCcSendHistory history;
  private TransportCcSendHistory.PacketResults results;
  private GccEstimator gcc;
  private final TransportCcFeedback feedbackView = new TransportCcFeedback();
  private final Remb rembView = new Remb();
  private boolean active;
  private long lastAllocateMs = Long.MIN_VALUE;
  private long lastEventMs = Long.MIN_VALUE;
  private long desiredBps;
  private long effectiveBps;
  private long mediaBps;
  private long feedbacks;
  private long rembs;

  // Probing.
  private long nextProbeMs = Long.MIN_VALUE;
  private long probeStartMs = Long.MIN_VALUE;
  private long probeEndMs;
  private long probeTargetBps;
  private long lastProbeTickMs;
  private double paddingCredit;
  private Consumer probeConsumer;
  private long probeSentBytes;
  private long probeRecvBytes;
  private long probeFirstArrivalUs = Long.MIN_VALUE;
  private long probeLastArrivalUs;
  private int probeReceived;
  private int probeLost;
  private long probes;
  private long lastProbeResultBps = -1;
  private long paddingPacketsSent;
  private boolean climbing;

  TransportBwe(Transport transport) {
    this.transport = transport;
  }

  /**
   * Allocates the transport-wide sequence number of a packet of {@code sizeBytes} leaving at
   * {@code nowMs} and records it for the feedback.
   */
  int onPacketSent(int sizeBytes, long nowMs) {
    if (history == null) {
      history = new TransportCcSendHistory();
      results = new TransportCcSendHistory.PacketResults();
    }
    if (probeStartMs != Long.MIN_VALUE && nowMs >= probeStartMs && nowMs <= probeEndMs) {
      probeSentBytes += sizeBytes;
    }
    return history.onPacketSent(sizeBytes, nowMs);
  }

  /** One transport-cc feedback (RTPFB FMT 15) at {@code off}; only reads {@code buf}. */
  void onTransportCcFeedback(ByteBuf buf, int off, int len, long nowMs) {
    if (history == null || feedbackView.wrap(buf, off, len) != RtcpDropReason.OK) {
      return;
    }
    history.onFeedback(feedbackView, nowMs, results);
    accountProbe(results);
    estimator().onPacketResults(results, nowMs);
    feedbacks++;
    active = true;
  }

  /** One PSFB FMT 15 packet: REMB when it says so. Only reads {@code buf}. */
  void onAfb(ByteBuf buf, int off, int len, long nowMs) {
    if (rembView.wrap(buf, off, len) != RtcpDropReason.OK) {
      return;
    }
    estimator().onRemb(Math.min(rembView.bitrate(), MAX_BPS), nowMs);
    rembs++;
    active = true;
  }

  private GccEstimator estimator() {
    if (gcc == null) {
      gcc = new GccEstimator(START_BPS, MIN_BPS, MAX_BPS);
    }
    return gcc;
  }

  /**
   * Earliest router tick time at which {@link #tick} has work: every tick while the estimate is
   * active (probing, the event), else the next allocation ({@link Long#MIN_VALUE}: now).
   */
  long nextDueMs() {
    return active || lastAllocateMs == Long.MIN_VALUE
        ? Long.MIN_VALUE : lastAllocateMs + ALLOCATE_INTERVAL_MS;
  }

  /** Whether feedback arrived, so {@link #tick} must run on every router tick. */
  boolean active() {
    return active;
  }

  /** Router tick: allocation every 200 ms, probing, the {@link DownlinkBwe} event every second. */
  void tick(long nowMs, Iterable<Consumer> consumers) {
    if (lastAllocateMs == Long.MIN_VALUE) {
      lastAllocateMs = nowMs;
      lastEventMs = nowMs;
      return;
    }
    if (nowMs - lastAllocateMs >= ALLOCATE_INTERVAL_MS) {
      allocate(nowMs, nowMs - lastAllocateMs, consumers);
      lastAllocateMs = nowMs;
    }
    if (active) {
      probe(nowMs, consumers);
      if (nowMs - lastEventMs >= EVENT_INTERVAL_MS) {
        lastEventMs = nowMs;
        transport.fireDownlinkBwe(new DownlinkBwe(desiredBps, effectiveBps, gcc.availableBitrate()));
      }
    }
  }

  private void allocate(long nowMs, long dtMs, Iterable<Consumer> consumers) {
    long fixed = 0;
    int totalPriority = 0;
    long media = 0;
    long rtt = -1;
    for (Consumer c : consumers) {
      long bytes = c.sendStream().bytesSent();
      c.sendBitrateBps = Math.max(0, bytes - c.bweLastBytes) * 8 * 1000 / Math.max(1, dtMs);
      c.bweLastBytes = bytes;
      media += c.sendBitrateBps;
      if (c.layered() && c.isActive()) {
        totalPriority += c.priority();
      } else {
        fixed += c.effectiveBitrate(nowMs);
      }
      rtt = Math.max(rtt, c.rttMs());
    }
    mediaBps = media;
    if (active) {
      if (rtt > 0) {
        gcc.setRtt(rtt);
      }
      long forLayered = Math.max(0, gcc.availableBitrate() - fixed);
      for (Consumer c : consumers) {
        if (c.layered() && c.isActive()) {
          c.onBandwidthShare(LayerSelector.share(forLayered, c.priority(), totalPriority), nowMs);
        }
      }
    }
    long desired = 0;
    long effective = 0;
    for (Consumer c : consumers) {
      desired += c.desiredBitrate(nowMs);
      effective += c.effectiveBitrate(nowMs);
    }
    desiredBps = desired;
    effectiveBps = effective;
  }

  // ---------------------------------------------------------------- probing

  private void probe(long nowMs, Iterable<Consumer> consumers) {
    if (probeStartMs != Long.MIN_VALUE) {
      if (nowMs <= probeEndMs) {
        sendPadding(nowMs);
      } else if (nowMs >= probeEndMs + PROBE_SETTLE_MS) {
        finishProbe(nowMs);
      }
      return;
    }
    if (nextProbeMs == Long.MIN_VALUE) {
      nextProbeMs = nowMs + PROBE_INTERVAL_MS;
      return;
    }
    long available = gcc.availableBitrate();
    if (nowMs < nextProbeMs || desiredBps <= available
        || gcc.delaySignal() == TrendlineEstimator.Signal.OVERUSE || available >= MAX_BPS) {
      return;
    }
    Consumer pad = null;
    for (Consumer c : consumers) {
      if (c.isActive() && c.rtxSsrc() >= 0 && c.transportCcExtId() > 0) {
        pad = c;
        break;
      }
    }
    if (pad == null) {
      nextProbeMs = nowMs + PROBE_INTERVAL_MS;
      return;
    }
    probes++;
    probeConsumer = pad;
    probeTargetBps = Math.min(Math.max(2 * available, available + 300_000),
        Math.max(desiredBps + desiredBps / 4, available + available / 2));
    probeStartMs = nowMs;
    probeEndMs = nowMs + PROBE_DURATION_MS;
    lastProbeTickMs = nowMs;
    paddingCredit = 0;
    probeSentBytes = 0;
    probeRecvBytes = 0;
    probeFirstArrivalUs = Long.MIN_VALUE;
    probeReceived = 0;
    probeLost = 0;
    sendPadding(nowMs);
  }

  private void sendPadding(long nowMs) {
    long dt = nowMs - lastProbeTickMs;
    lastProbeTickMs = nowMs;
    long paddingBps = probeTargetBps - mediaBps;
    if (paddingBps <= 0 || probeConsumer == null || probeConsumer.closed()
        || !transport.readyToSendCounted()) {
      return;
    }
    paddingCredit += paddingBps * (double) Math.max(dt, 1) / 8000.0;
    while (paddingCredit >= PROBE_PADDING_BYTES) {
      ByteBuf out = transport.allocator().heapBuffer(12 + 8 + PROBE_PADDING_BYTES + 64);
      int len = probeConsumer.writeProbePadding(out, PROBE_PADDING_BYTES, nowMs);
      if (len < 0) {
        out.release();
        return;
      }
      paddingCredit -= len;
      paddingPacketsSent++;
      transport.sendRtpFromConsumer(probeConsumer, out, len);
    }
  }

  private void accountProbe(TransportCcSendHistory.PacketResults r) {
    if (probeStartMs == Long.MIN_VALUE) {
      return;
    }
    for (int i = 0; i < r.count(); i++) {
      long sent = r.sendTimeMs(i);
      if (sent < probeStartMs || sent > probeEndMs) {
        continue;
      }
      if (!r.received(i)) {
        probeLost++;
        continue;
      }
      probeReceived++;
      long arrival = r.arrivalTimeUs(i);
      if (probeFirstArrivalUs == Long.MIN_VALUE) {
        probeFirstArrivalUs = arrival;
        probeLastArrivalUs = arrival;
        continue; // the first packet only opens the window
      }
      probeFirstArrivalUs = Math.min(probeFirstArrivalUs, arrival);
      probeLastArrivalUs = Math.max(probeLastArrivalUs, arrival);
      probeRecvBytes += r.size(i);
    }
  }

  private void finishProbe(long nowMs) {
    long spanUs = probeLastArrivalUs - probeFirstArrivalUs;
    int total = probeReceived + probeLost;
    if (probeFirstArrivalUs != Long.MIN_VALUE && spanUs >= 100_000 && probeReceived >= 10
        && probeLost * 10 <= total) {
      long received = probeRecvBytes * 8 * 1_000_000 / spanUs;
      long sent = probeSentBytes * 8 * 1000 / PROBE_DURATION_MS;
      long result = Math.min(received, sent);
      lastProbeResultBps = result;
      long before = gcc.availableBitrate();
      if (gcc.delaySignal() != TrendlineEstimator.Signal.OVERUSE) {
        gcc.onProbeResult(result * 95 / 100, nowMs);
      }
      // Climbing (the probe found clearly more): probe again soon; otherwise back off.
      climbing = gcc.availableBitrate() > before + before / 5;
    } else {
      climbing = false;
    }
    probeStartMs = Long.MIN_VALUE;
    probeConsumer = null;
    nextProbeMs = nowMs + (climbing ? PROBE_INTERVAL_MS / 2 : PROBE_INTERVAL_MS);
  }

  /** Estimate in bps, -1 before any feedback. */
  long availableBitrate() {
    return active ? gcc.availableBitrate() : -1;
  }

  /** Forgets a closed consumer (it may have been the probe's padding stream). */
  void onConsumerClosed(Consumer c) {
    if (probeConsumer == c) {
      probeConsumer = null;
    }
  }

  void fillStats(java.util.Map<String, Object> s) {
    s.put("availableOutgoingBitrate", availableBitrate());
    s.put("transportCcPacketsSent", history == null ? 0 : history.packetsSent());
    s.put("desiredBitrate", desiredBps);
    s.put("effectiveDesiredBitrate", effectiveBps);
    s.put("transportCcFeedbacks", feedbacks);
    s.put("rembsReceived", rembs);
    s.put("bweProbes", probes);
    s.put("bweLastProbeBitrate", lastProbeResultBps);
    s.put("paddingPacketsSent", paddingPacketsSent);
    if (gcc != null) {
      s.put("delayBasedBitrate", gcc.delayBasedBitrate());
      s.put("lossBasedBitrate", gcc.lossBasedBitrate());
      s.put("acknowledgedBitrate", gcc.acknowledgedBitrate());
    }
  }
}
