package org.sfu4j.media.engine;

import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.stream.RtpStreamRecv;

/**
 * Forwards the single stream of a simple (or SVC, unfiltered) producer. After creation, resume or
 * producer resume it waits for a sync point (a key frame for video, any packet for audio) and
 * re-bases the sequence numbers there so the receiver sees no gap; timestamps pass through because
 * the source clock keeps running while paused.
 */
public final class SimpleConsumer extends Consumer {
  private final boolean video;
  private final ConsumerType type;
  private boolean syncRequired = true;

  SimpleConsumer(Transport transport, Producer producer, ConsumerOptions o, RtpParameters params) {
    super(transport, producer, o, params);
    this.video = producer.kind() == MediaKind.VIDEO;
    this.type = producer.type() == ProducerType.SVC ? ConsumerType.SVC : ConsumerType.SIMPLE;
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
      droppedUnsupportedPayloadType++;
      seq.drop(packet.sequenceNumber());
      return;
    }
    int inSeq = packet.sequenceNumber();
    if (syncRequired) {
      if (video && !keyFrame) {
        droppedWaitingKeyFrame++;
        producer.requestKeyFrame(stream.encodingIndex(), nowMs);
        return;
      }
      seq.sync(inSeq);
      syncRequired = false;
    }
    if (packet.payloadLength() == 0) { // padding-only probe: not forwarded, no gap
      seq.drop(inSeq);
      return;
    }
    int outSeq = seq.input(inSeq);
    if (outSeq < 0) {
      droppedOld++;
      return;
    }
    writeAndSend(packet, outPt, outSeq, packet.timestamp());
  }

  @Override
  void onActivated(long nowMs) {
    syncRequired = true;
    if (video) {
      producer.requestKeyFrame(0, nowMs);
    }
  }

  @Override
  void onDeactivated() {}

  @Override
  void onKeyFrameRequested(long nowMs) {
    countKeyFrameRequest();
    producer.requestKeyFrame(0, nowMs);
  }

  @Override
  void applyPreferredLayers(ConsumerLayers layers, long nowMs) {}

  @Override
  ConsumerLayers currentLayersNow() {
    return null;
  }

  @Override
  ConsumerLayers preferredLayersNow() {
    return null;
  }
}
