package org.sfu4j.media.engine;

import org.sfu4j.media.codec.Vp8PayloadDescriptor;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.ortc.ScalabilityMode;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.stream.RtpStreamRecv;

/**
 * Forwards one of a simulcast producer's streams (spatial layer = encoding index, low to high).
 *
 * <p>Target layer: the highest active stream not above the preferred spatial layer (else the
 * lowest active one above it). A switch happens only on a key frame of the target stream (which is
 * requested); until then the current stream keeps flowing. At a switch the sequence numbers are
 * re-based to continue from the last output and the timestamp offset is recomputed so the output
 * timestamp advances by the wall-clock time since the last forwarded packet (at least 1 tick).
 * For VP8, the picture id and TL0PICIDX are re-based the same way (continuing from the last
 * forwarded values) so the decoder sees one picture sequence.
 *
 * <p>Temporal layers (scalability mode {@code LxTy}, y > 1) are filtered per packet by a
 * {@link TemporalLayerFilter} on the temporal id of the payload descriptor (VP8, VP9, AV1):
 * dropped packets are swallowed by the {@link org.sfu4j.media.stream.SeqManager} (no sequence
 * gap) and, for VP8, their pictures by {@link Vp8PictureContinuity} (no picture-id gap).
 * {@code layerschange} fires when the spatial or the temporal layer forwarded changes.
 */
public final class SimulcastConsumer extends Consumer {
  private static final long TS_MASK = 0xFFFFFFFFL;

  private final int spatialLayers;
  private final int temporalLayers;
  private int preferredSpatial;
  private int preferredTemporal;
  private int currentSpatial = -1;
  /** Picks the spatial layer that fits this consumer's share of the downlink estimate. */
  private final org.sfu4j.media.bwe.LayerSelector bweSelector = new org.sfu4j.media.bwe.LayerSelector();
  /** Highest spatial layer the estimate allows; unbounded until the transport's BWE runs. */
  private int bweSpatial = Integer.MAX_VALUE;
  /** Temporal layer last reported in {@code layerschange}; -1 none. */
  private int reportedTemporal = -1;
  private final PayloadLayers layersIn;
  private final TemporalLayerFilter temporal;
  private final Vp8PictureContinuity vp8Pictures = new Vp8PictureContinuity();
  /** Layer whose timestamps {@link #tsOffset} was computed for; -1 none. */
  private int tsLayer = -1;
  private long tsOffset;
  private boolean sentAny;
  private long lastOutTs;
  private long lastOutAtMs;

  private final boolean vp8;
  private final Vp8PayloadDescriptor vp8Out = new Vp8PayloadDescriptor();

  SimulcastConsumer(Transport transport, Producer producer, ConsumerOptions o, RtpParameters params) {
    super(transport, producer, o, params);
    this.spatialLayers = producer.encodingCount();
    this.vp8 = "video/vp8".equalsIgnoreCase(params.codecs.get(0).mimeType);
    String mode = params.encodings.get(0).scalabilityMode;
    this.temporalLayers = mode == null ? 1 : Math.max(1, ScalabilityMode.parse(mode).temporalLayers());
    ConsumerLayers pref = o.preferredLayers;
    this.preferredSpatial = pref == null ? spatialLayers - 1 : clamp(pref.spatialLayer, spatialLayers);
    this.preferredTemporal = pref == null || pref.temporalLayer == null
        ? temporalLayers - 1 : clamp(pref.temporalLayer, temporalLayers);
    this.layersIn = new PayloadLayers(PayloadLayers.Codec.of(params.codecs.get(0).mimeType));
    this.temporal = new TemporalLayerFilter(temporalLayers, preferredTemporal);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(v, n - 1));
  }

  @Override
  public ConsumerType type() {
    return ConsumerType.SIMULCAST;
  }

  @Override
  void onRtpPacket(RtpStreamRecv stream, RtpPacket packet, boolean keyFrame, long nowMs) {
    if (!isActive() || !transport.readyToSendCounted()) {
      return;
    }
    int layer = stream.encodingIndex();
    int target = targetLayer(nowMs);
    if (layer != currentSpatial) {
      if (layer != target) {
        return; // another layer's packet: not in our sequence space, nothing to account
      }
      if (!keyFrame) {
        skipped(WorkerCounters.Skip.WAITING_KEY_FRAME);
        producer.requestKeyFrame(layer, nowMs);
        return;
      }
      switchTo(layer, packet, nowMs);
    } else if (target != currentSpatial && target >= 0) {
      producer.requestKeyFrame(target, nowMs); // rate limited per stream
    }
    int outPt = payloadTypeMap[packet.payloadType()];
    int inSeq = packet.sequenceNumber();
    if (outPt < 0) {
      skipped(WorkerCounters.Skip.CONSUMER_PAYLOAD_TYPE);
      seq.drop(inSeq);
      return;
    }
    if (packet.payloadLength() == 0) {
      seq.drop(inSeq);
      return;
    }
    if (temporal.layers() > 1) {
      layersIn.parse(packet);
      if (!temporal.accept(layersIn, keyFrame)) {
        skipped(WorkerCounters.Skip.TEMPORAL_LAYER);
        seq.drop(inSeq);
        if (vp8 && layersIn.parsed) {
          vp8Pictures.dropFrame(layersIn.vp8);
        }
        reportLayers();
        return;
      }
      reportLayers();
    }
    int outSeq = seq.input(inSeq);
    if (outSeq < 0) {
      skipped(WorkerCounters.Skip.OLD_SEQUENCE);
      return;
    }
    long outTs = (packet.timestamp() - tsOffset) & TS_MASK;
    if (!sentAny || ((outTs - lastOutTs) & TS_MASK) < 0x80000000L) {
      lastOutTs = outTs;
      lastOutAtMs = nowMs;
    }
    sentAny = true;
    writeAndSend(packet, outPt, outSeq, outTs);
  }

  /** Fires {@code layerschange} when the forwarded temporal layer moved (spatial unchanged). */
  private void reportLayers() {
    int t = temporal.current();
    if (currentSpatial >= 0 && t >= 0 && t != reportedTemporal) {
      reportedTemporal = t;
      fireLayersChange(new ConsumerLayers(currentSpatial, t));
    }
  }

  private void switchTo(int layer, RtpPacket packet, long nowMs) {
    seq.sync(packet.sequenceNumber());
    if (!sentAny) {
      tsOffset = 0;
    } else if (layer != tsLayer) {
      long synced = lipSyncOffset(layer, packet);
      if (synced >= 0) {
        tsOffset = synced;
      } else {
        long delta = Math.max(1, (nowMs - lastOutAtMs) * clockRate / 1000);
        long desired = (lastOutTs + delta) & TS_MASK;
        tsOffset = (packet.timestamp() - desired) & TS_MASK;
      }
    }
    tsLayer = layer;
    vp8Pictures.requestSync();
    currentSpatial = layer;
    // A key frame: every temporal layer up to the target is decodable from here.
    temporal.reset();
    int t = temporal.layers() > 1 ? temporal.target() : preferredTemporal;
    reportedTemporal = t;
    fireLayersChange(new ConsumerLayers(layer, t));
  }

  @Override
  void rewritePayload(RtpPacket out) {
    if (vp8 && vp8Out.parse(out.buffer(), out.payloadOffset(), out.payloadLength())) {
      vp8Pictures.rewrite(vp8Out);
    }
  }

  /**
   * Highest active layer not above the preferred one (and not above what the downlink estimate
   * allows), else the lowest active above; -1 none.
   */
  int targetLayer(long nowMs) {
    int limit = Math.min(preferredSpatial, bweSpatial);
    for (int l = Math.min(limit, spatialLayers - 1); l >= 0; l--) {
      if (producer.streamActive(l, nowMs)) {
        return l;
      }
    }
    for (int l = limit + 1; l < spatialLayers; l++) {
      if (producer.streamActive(l, nowMs)) {
        return l;
      }
    }
    return -1;
  }

  /** SRs map the layer being forwarded, shifted by its timestamp rewrite. */
  @Override
  int srSourceLayer() {
    return currentSpatial;
  }

  @Override
  long srTimestampOffset() {
    return (-tsOffset) & TS_MASK;
  }

  /**
   * Timestamp offset for a switch to {@code layer} that keeps the receiver's NTP ↔ RTP line (lip
   * sync with the other streams of the sender) when both the current mapping and an SR of the new
   * layer are known and the result continues forward from the last output; else -1.
   */
  private long lipSyncOffset(int layer, RtpPacket packet) {
    org.sfu4j.media.quality.SenderReportGenerator sr = senderReportGenerator();
    org.sfu4j.media.quality.RtcpReceiverReportGenerator src = producer.receiverReport(layer);
    if (!sr.hasMapping() || src == null || src.lastSrNtp() == 0) {
      return -1;
    }
    long consumerOffset = sr.offsetKeepingMapping(src.lastSrNtp(), src.lastSrRtpTimestamp());
    long offset = (-consumerOffset) & TS_MASK; // our tsOffset: outTs = inTs - tsOffset
    long outTs = (packet.timestamp() - offset) & TS_MASK;
    long advance = (outTs - lastOutTs) & TS_MASK;
    return advance > 0 && advance < 2L * clockRate ? offset : -1;
  }

  @Override
  boolean layered() {
    return true;
  }

  /**
   * The transport's BWE allocation (every 200 ms): the selector goes down at once and up only
   * after the better layer fitted for a while; a new target is reached at its next key frame
   * (requested now), which then fires {@code layerschange}.
   */
  @Override
  void onBandwidthShare(long shareBps, long nowMs) {
    if (bweSelector.update(shareBps, producer.layerBitrates(), preferredSpatial, 0, nowMs)) {
      bweSpatial = bweSelector.targetSpatial();
      if (isActive()) {
        int target = targetLayer(nowMs);
        if (target >= 0 && target != currentSpatial) {
          producer.requestKeyFrame(target, nowMs);
        }
      }
    }
  }

  @Override
  long desiredBitrate(long nowMs) {
    if (!isActive()) {
      return 0;
    }
    long[][] rates = producer.layerBitrates();
    for (int l = Math.min(preferredSpatial, spatialLayers - 1); l >= 0; l--) {
      if (rates[l][0] > 0) {
        return rates[l][0];
      }
    }
    return 0;
  }

  @Override
  long effectiveBitrate(long nowMs) {
    int target = isActive() ? targetLayer(nowMs) : -1;
    return target < 0 ? 0 : producer.layerBitrates()[target][0];
  }

  /** Spatial limit set by the downlink estimate (MAX_VALUE when unbounded); loop only. */
  int bweSpatialLimit() {
    return bweSpatial;
  }

  @Override
  void onActivated(long nowMs) {
    currentSpatial = -1;
    int target = targetLayer(nowMs);
    producer.requestKeyFrame(target >= 0 ? target : preferredSpatial, nowMs);
  }

  @Override
  void onDeactivated() {
    temporal.reset();
    reportedTemporal = -1;
    if (currentSpatial >= 0) {
      currentSpatial = -1;
      fireLayersChange(null);
    }
  }

  @Override
  void onKeyFrameRequested(long nowMs) {
    countKeyFrameRequest();
    int layer = currentSpatial >= 0 ? currentSpatial : targetLayer(nowMs);
    producer.requestKeyFrame(layer, nowMs);
  }

  @Override
  void applyPreferredLayers(ConsumerLayers layers, long nowMs) {
    preferredSpatial = clamp(layers.spatialLayer, spatialLayers);
    preferredTemporal = layers.temporalLayer == null
        ? temporalLayers - 1 : clamp(layers.temporalLayer, temporalLayers);
    temporal.setTarget(preferredTemporal);
    if (isActive()) {
      int target = targetLayer(nowMs);
      if (target >= 0 && target != currentSpatial) {
        producer.requestKeyFrame(target, nowMs);
      }
    }
  }

  @Override
  ConsumerLayers currentLayersNow() {
    if (currentSpatial < 0) {
      return null;
    }
    return new ConsumerLayers(currentSpatial, reportedTemporal >= 0 ? reportedTemporal : preferredTemporal);
  }

  @Override
  ConsumerLayers preferredLayersNow() {
    return new ConsumerLayers(preferredSpatial, preferredTemporal);
  }
}
