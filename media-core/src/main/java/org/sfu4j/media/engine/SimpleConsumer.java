package org.sfu4j.media.engine;

import org.sfu4j.media.codec.Vp8PayloadDescriptor;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.ortc.ScalabilityMode;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.stream.RtpStreamRecv;

/**
 * Forwards the single stream of a simple producer. After creation, resume or producer resume it
 * waits for a sync point (a key frame for video, any packet for audio) and re-bases the sequence
 * numbers there so the receiver sees no gap; timestamps pass through because the source clock
 * keeps running while paused.
 *
 * <p>A single encoding with temporal layers (scalability mode {@code L1T2}/{@code L1T3}, e.g.
 * Chrome's VP8 L1T3) is filtered by temporal id like a simulcast stream ({@link
 * TemporalLayerFilter}): {@code setPreferredLayers({spatialLayer: 0, temporalLayer})} picks the
 * target, dropped packets leave no sequence (nor VP8 picture-id) gap, and {@code layerschange}
 * reports {@code {0, temporal}}. Without temporal layers there are no layers (null).
 */
public final class SimpleConsumer extends Consumer {
  private final boolean video;
  private final ConsumerType type;
  private boolean syncRequired = true;
  /** Null without temporal layers: the per-packet path then parses nothing. */
  private final TemporalLayerFilter temporal;
  private final PayloadLayers layersIn;
  private final Vp8PictureContinuity vp8Pictures;
  private final Vp8PayloadDescriptor vp8Out;
  private int reportedTemporal = -1;

  SimpleConsumer(Transport transport, Producer producer, ConsumerOptions o, RtpParameters params) {
    super(transport, producer, o, params);
    this.video = producer.kind() == MediaKind.VIDEO;
    this.type = producer.type() == ProducerType.SVC ? ConsumerType.SVC : ConsumerType.SIMPLE;
    int temporalLayers = ScalabilityMode.parse(params.encodings.get(0).scalabilityMode).temporalLayers();
    if (video && temporalLayers > 1) {
      Integer pref = o.preferredLayers == null ? null : o.preferredLayers.temporalLayer;
      this.temporal = new TemporalLayerFilter(temporalLayers, pref == null ? temporalLayers - 1 : pref);
      this.layersIn = new PayloadLayers(PayloadLayers.Codec.of(params.codecs.get(0).mimeType));
      boolean vp8 = layersIn.codec == PayloadLayers.Codec.VP8;
      this.vp8Pictures = vp8 ? new Vp8PictureContinuity() : null;
      this.vp8Out = vp8 ? new Vp8PayloadDescriptor() : null;
    } else {
      this.temporal = null;
      this.layersIn = null;
      this.vp8Pictures = null;
      this.vp8Out = null;
    }
  }

  @Override
  public ConsumerType type() {
    return type;
  }

  @Override
  void onRtpPacket(RtpStreamRecv stream, RtpPacket packet, boolean keyFrame, long nowMs) {
    if (!isActive() || !transport.readyToSendCounted()) {
      return;
    }
    int outPt = payloadTypeMap[packet.payloadType()];
    if (outPt < 0) {
      skipped(WorkerCounters.Skip.CONSUMER_PAYLOAD_TYPE);
      seq.drop(packet.sequenceNumber());
      return;
    }
    int inSeq = packet.sequenceNumber();
    if (syncRequired) {
      if (video && !keyFrame) {
        skipped(WorkerCounters.Skip.WAITING_KEY_FRAME);
        producer.requestKeyFrame(stream.encodingIndex(), nowMs);
        return;
      }
      seq.sync(inSeq);
      if (vp8Pictures != null) {
        vp8Pictures.requestSync();
      }
      syncRequired = false;
    }
    if (packet.payloadLength() == 0) { // padding-only probe: not forwarded, no gap
      seq.drop(inSeq);
      return;
    }
    if (temporal != null) {
      layersIn.parse(packet);
      boolean pass = temporal.accept(layersIn, keyFrame);
      int t = temporal.current();
      if (t != reportedTemporal) {
        reportedTemporal = t;
        fireLayersChange(new ConsumerLayers(0, t));
      }
      if (!pass) {
        skipped(WorkerCounters.Skip.TEMPORAL_LAYER);
        seq.drop(inSeq);
        if (vp8Pictures != null && layersIn.parsed) {
          vp8Pictures.dropFrame(layersIn.vp8);
        }
        return;
      }
    }
    int outSeq = seq.input(inSeq);
    if (outSeq < 0) {
      skipped(WorkerCounters.Skip.OLD_SEQUENCE);
      return;
    }
    writeAndSend(packet, outPt, outSeq, packet.timestamp());
  }

  @Override
  void rewritePayload(RtpPacket out) {
    if (vp8Out != null && vp8Out.parse(out.buffer(), out.payloadOffset(), out.payloadLength())) {
      vp8Pictures.rewrite(vp8Out);
    }
  }

  @Override
  void onActivated(long nowMs) {
    syncRequired = true;
    if (video) {
      producer.requestKeyFrame(0, nowMs);
    }
  }

  @Override
  void onDeactivated() {
    if (temporal != null) {
      temporal.reset();
      if (reportedTemporal >= 0) {
        reportedTemporal = -1;
        fireLayersChange(null);
      }
    }
  }

  @Override
  void onKeyFrameRequested(long nowMs) {
    countKeyFrameRequest();
    producer.requestKeyFrame(0, nowMs);
  }

  @Override
  void applyPreferredLayers(ConsumerLayers layers, long nowMs) {
    if (temporal != null) {
      temporal.setTarget(layers.temporalLayer == null ? temporal.layers() - 1 : layers.temporalLayer);
    }
  }

  @Override
  ConsumerLayers currentLayersNow() {
    return temporal == null || reportedTemporal < 0 ? null : new ConsumerLayers(0, reportedTemporal);
  }

  @Override
  ConsumerLayers preferredLayersNow() {
    return temporal == null ? null : new ConsumerLayers(0, temporal.target());
  }
}
