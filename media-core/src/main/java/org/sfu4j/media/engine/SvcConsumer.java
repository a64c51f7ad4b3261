package org.sfu4j.media.engine;

import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.ortc.ScalabilityMode;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.stream.RtpStreamRecv;

/**
 * Forwards the single stream of an SVC producer (VP9 {@code LxTy}/{@code LxTy_KEY}, or VP9/AV1
 * with temporal layers only), keeping the spatial (SID) and temporal (TID) layers up to the
 * current ones.
 *
 * <p>Layer moves happen at picture boundaries (the first packet of the base spatial layer's
 * frame) so the receiver always gets whole pictures:
 * <ul>
 *   <li>Spatial up: only at a key frame (requested, rate limited, while a higher target waits).
 *       Conservative on purpose: it is right for both full SVC and K-SVC, where an upper layer is
 *       decodable only from the key picture on.
 *   <li>Spatial down: at the next picture start (lower layers never reference upper ones).
 *   <li>Temporal: as {@link TemporalLayerFilter}, evaluated at picture starts (VP9 U bit as the
 *       switching point).
 * </ul>
 * The RTP marker must close every forwarded picture: for VP9 it is set on the last packet (E=1)
 * of the highest forwarded spatial layer, since the producer set it only on the layer above
 * that may now be dropped. Dropped packets leave no sequence gap ({@link
 * org.sfu4j.media.stream.SeqManager#drop}); VP9 picture ids are NOT rewritten because flexible
 * and non-flexible mode both reference earlier pictures by picture-id difference, which a
 * rewrite would corrupt, and libwebrtc's VP9 reference finder tolerates picture-id gaps of
 * non-referenced upper temporal layers. Timestamps pass through (one stream, one clock).
 *
 * <p>AV1: layer ids come from the OBU extension header of packets that start an OBU; the marker
 * is left as sent (without the dependency descriptor the end of a spatial layer frame is not
 * visible in the payload), so AV1 is filtered by temporal layer only when it has one spatial
 * layer. Target layers are the preferred ones until the quality branch's layer selector drives
 * them.
 */
public final class SvcConsumer extends Consumer {
  private final int spatialLayers;
  private final int temporalLayers;
  private final PayloadLayers layersIn;
  private final TemporalLayerFilter temporal;
  private final boolean vp9;
  private int preferredSpatial;
  private int currentSpatial = -1;
  private int reportedSpatial = -1;
  private int reportedTemporal = -1;
  private boolean syncRequired = true;
  /** Set for the packet being written: force the marker bit in its copy. */
  private boolean markOutgoing;

  SvcConsumer(Transport transport, Producer producer, ConsumerOptions o, RtpParameters params) {
    super(transport, producer, o, params);
    ScalabilityMode mode = ScalabilityMode.parse(params.encodings.get(0).scalabilityMode);
    this.spatialLayers = mode.spatialLayers();
    this.temporalLayers = mode.temporalLayers();
    this.layersIn = new PayloadLayers(PayloadLayers.Codec.of(params.codecs.get(0).mimeType));
    this.vp9 = layersIn.codec == PayloadLayers.Codec.VP9;
    ConsumerLayers pref = o.preferredLayers;
    this.preferredSpatial = pref == null ? spatialLayers - 1 : clamp(pref.spatialLayer, spatialLayers);
    int t = pref == null || pref.temporalLayer == null ? temporalLayers - 1 : pref.temporalLayer;
    this.temporal = new TemporalLayerFilter(temporalLayers, t);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(v, n - 1));
  }

  @Override
  public ConsumerType type() {
    return ConsumerType.SVC;
  }

  @Override
  void onRtpPacket(RtpStreamRecv stream, RtpPacket packet, boolean keyFrame, long nowMs) {
    if (!isActive() || !transport.readyToSendCounted()) {
      return;
    }
    int inSeq = packet.sequenceNumber();
    int outPt = payloadTypeMap[packet.payloadType()];
    if (outPt < 0) {
      skipped(WorkerCounters.Skip.CONSUMER_PAYLOAD_TYPE);
      seq.drop(inSeq);
      return;
    }
    if (syncRequired) {
      if (!keyFrame) {
        skipped(WorkerCounters.Skip.WAITING_KEY_FRAME);
        producer.requestKeyFrame(0, nowMs);
        return;
      }
      seq.sync(inSeq);
      syncRequired = false;
    }
    if (packet.payloadLength() == 0) {
      seq.drop(inSeq);
      return;
    }
    PayloadLayers l = layersIn;
    l.parse(packet);
    int sid = Math.max(0, l.sid);
    // Decisions move only at picture starts: the base layer's frame start.
    boolean pictureStart = l.frameStart && sid == 0;
    l.frameStart = pictureStart;
    if (keyFrame) {
      currentSpatial = preferredSpatial;
    } else if (pictureStart && preferredSpatial < currentSpatial) {
      currentSpatial = preferredSpatial;
    } else if (preferredSpatial > currentSpatial) {
      producer.requestKeyFrame(0, nowMs); // rate limited per stream
    }
    boolean temporalPass = temporal.accept(l, keyFrame);
    reportLayers();
    if (!temporalPass) {
      skipped(WorkerCounters.Skip.TEMPORAL_LAYER);
      seq.drop(inSeq);
      return;
    }
    if (sid > currentSpatial) {
      skipped(WorkerCounters.Skip.SPATIAL_LAYER);
      seq.drop(inSeq);
      return;
    }
    int outSeq = seq.input(inSeq);
    if (outSeq < 0) {
      skipped(WorkerCounters.Skip.OLD_SEQUENCE);
      return;
    }
    markOutgoing = vp9 && l.frameEnd && sid == currentSpatial;
    writeAndSend(packet, outPt, outSeq, packet.timestamp());
    markOutgoing = false;
  }

  @Override
  void rewritePayload(RtpPacket out) {
    if (markOutgoing) {
      out.setMarker(true);
    }
  }

  private void reportLayers() {
    int t = temporal.current();
    if (currentSpatial < 0 || t < 0 || (currentSpatial == reportedSpatial && t == reportedTemporal)) {
      return;
    }
    reportedSpatial = currentSpatial;
    reportedTemporal = t;
    fireLayersChange(new ConsumerLayers(currentSpatial, t));
  }

  @Override
  void onActivated(long nowMs) {
    syncRequired = true;
    producer.requestKeyFrame(0, nowMs);
  }

  @Override
  void onDeactivated() {
    currentSpatial = -1;
    temporal.reset();
    if (reportedSpatial >= 0) {
      reportedSpatial = -1;
      reportedTemporal = -1;
      fireLayersChange(null);
    }
  }

  @Override
  void onKeyFrameRequested(long nowMs) {
    countKeyFrameRequest();
    producer.requestKeyFrame(0, nowMs);
  }

  @Override
  void applyPreferredLayers(ConsumerLayers layers, long nowMs) {
    preferredSpatial = clamp(layers.spatialLayer, spatialLayers);
    temporal.setTarget(layers.temporalLayer == null ? temporalLayers - 1 : layers.temporalLayer);
    if (isActive() && currentSpatial >= 0 && preferredSpatial > currentSpatial) {
      producer.requestKeyFrame(0, nowMs);
    }
  }

  @Override
  ConsumerLayers currentLayersNow() {
    return reportedSpatial < 0 ? null : new ConsumerLayers(reportedSpatial, reportedTemporal);
  }

  @Override
  ConsumerLayers preferredLayersNow() {
    return new ConsumerLayers(preferredSpatial, temporal.target());
  }
}
