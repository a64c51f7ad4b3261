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
 * forwarded values) so the decoder sees one picture sequence. Temporal layers are not filtered
 * yet: all of them pass.
 */
public final class SimulcastConsumer extends Consumer {
  private static final long TS_MASK = 0xFFFFFFFFL;

  private final int spatialLayers;
  private final int temporalLayers;
  private int preferredSpatial;
  private int preferredTemporal;
  private int currentSpatial = -1;
  /** Layer whose timestamps {@link #tsOffset} was computed for; -1 none. */
  private int tsLayer = -1;
  private long tsOffset;
  private boolean sentAny;
  private long lastOutTs;
  private long lastOutAtMs;

  private final boolean vp8;
  private final Vp8PayloadDescriptor vp8In = new Vp8PayloadDescriptor();
  private final Vp8PayloadDescriptor vp8Out = new Vp8PayloadDescriptor();
  private int pictureIdOffset;
  private int tl0PicIdxOffset;
  private int lastPictureId = -1;
  private int lastTl0PicIdx = -1;

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
        droppedWaitingKeyFrame++;
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
      droppedUnsupportedPayloadType++;
      seq.drop(inSeq);
      return;
    }
    if (packet.payloadLength() == 0) {
      seq.drop(inSeq);
      return;
    }
    int outSeq = seq.input(inSeq);
    if (outSeq < 0) {
      droppedOld++;
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

  private void switchTo(int layer, RtpPacket packet, long nowMs) {
    seq.sync(packet.sequenceNumber());
    if (!sentAny) {
      tsOffset = 0;
    } else if (layer != tsLayer) {
      long delta = Math.max(1, (nowMs - lastOutAtMs) * clockRate / 1000);
      long desired = (lastOutTs + delta) & TS_MASK;
      tsOffset = (packet.timestamp() - desired) & TS_MASK;
    }
    tsLayer = layer;
    if (vp8 && vp8In.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength())) {
      int pic = vp8In.pictureId();
      int tl0 = vp8In.tl0PicIdx();
      pictureIdOffset = pic < 0 || lastPictureId < 0 ? 0 : (pic - (lastPictureId + 1)) & 0x7FFF;
      tl0PicIdxOffset = tl0 < 0 || lastTl0PicIdx < 0 ? 0 : (tl0 - (lastTl0PicIdx + 1)) & 0xFF;
    }
    currentSpatial = layer;
    fireLayersChange(new ConsumerLayers(layer, preferredTemporal));
  }

  @Override
  void rewritePayload(RtpPacket out) {
    if (!vp8 || !vp8Out.parse(out.buffer(), out.payloadOffset(), out.payloadLength())) {
      return;
    }
    int pic = vp8Out.pictureId();
    if (pic >= 0) {
      int outPic = (pic - pictureIdOffset) & (vp8Out.hasLongPictureId() ? 0x7FFF : 0x7F);
      vp8Out.setPictureId(outPic);
      lastPictureId = outPic;
    }
    int tl0 = vp8Out.tl0PicIdx();
    if (tl0 >= 0) {
      int outTl0 = (tl0 - tl0PicIdxOffset) & 0xFF;
      vp8Out.setTl0PicIdx(outTl0);
      lastTl0PicIdx = outTl0;
    }
  }

  /** Highest active layer not above the preferred one, else the lowest active above; -1 none. */
  int targetLayer(long nowMs) {
    for (int l = Math.min(preferredSpatial, spatialLayers - 1); l >= 0; l--) {
      if (producer.streamActive(l, nowMs)) {
        return l;
      }
    }
    for (int l = preferredSpatial + 1; l < spatialLayers; l++) {
      if (producer.streamActive(l, nowMs)) {
        return l;
      }
    }
    return -1;
  }

  @Override
  void onActivated(long nowMs) {
    currentSpatial = -1;
    int target = targetLayer(nowMs);
    producer.requestKeyFrame(target >= 0 ? target : preferredSpatial, nowMs);
  }

  @Override
  void onDeactivated() {
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
    if (isActive()) {
      int target = targetLayer(nowMs);
      if (target >= 0 && target != currentSpatial) {
        producer.requestKeyFrame(target, nowMs);
      }
    }
  }

  @Override
  ConsumerLayers currentLayersNow() {
    return currentSpatial < 0 ? null : new ConsumerLayers(currentSpatial, preferredTemporal);
  }

  @Override
  ConsumerLayers preferredLayersNow() {
    return new ConsumerLayers(preferredSpatial, preferredTemporal);
  }
}
