package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtpCodecParameters;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpHeaderExtensionParameters;
import org.sfu4j.media.ortc.RtpMapping;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.quality.NtpTime;
import org.sfu4j.media.quality.RetransmissionBuffer;
import org.sfu4j.media.quality.RtcpReceiverReportGenerator;
import org.sfu4j.media.quality.SenderReportGenerator;
import org.sfu4j.media.rtcp.SenderReport;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.stream.RtpStreamRecv;
import org.sfu4j.media.stream.RtpStreamSend;
import org.sfu4j.media.stream.SeqManager;

/**
 * A producer's media delivered to one endpoint through one transport, with its own SSRC, sequence
 * and timestamp space, payload types and header extension ids.
 *
 * <p>Forwarding writes exactly one pooled heap copy per packet (the shared inbound buffer is never
 * modified): header and payload are copied, then SSRC, sequence number, timestamp, payload type
 * and extension ids are rewritten in the copy, which is handed to the transport (which owns it).
 * Subclasses decide which packets pass and how sequence/timestamps are re-based.
 */
public abstract class Consumer {
  /** Consumer events, on the loop. {@code onClose} always comes last. */
  public interface Listener {
    default void onProducerClose() {}

    default void onProducerPause() {}

    default void onProducerResume() {}

    /** New current layers, or null when nothing is forwarded any more (paused). */
    default void onLayersChange(ConsumerLayers layers) {}

    default void onTransportClose() {}

    default void onClose() {}
  }

  private final String id = UUID.randomUUID().toString();
  final Transport transport;
  final Producer producer;
  private final MediaKind kind;
  private final RtpParameters rtpParameters;
  private final Map<String, Object> appData;
  private final long ssrc;
  private final long rtxSsrc;
  private final RtpStreamSend sendStream;
  final SeqManager seq = new SeqManager();
  /** Producer payload type to consumer payload type; -1 = not negotiated, dropped. */
  final int[] payloadTypeMap = new int[128];
  private final byte[] extIdMap = new byte[256];
  private final byte[] extIdMapWithoutMid = new byte[256];
  private final int producerMidExtId;
  private final int consumerMidExtId;
  private final byte[] midBytes;
  final int clockRate;
  private final List<Listener> listeners = new ArrayList<>();

  /** Video only: answers this consumer's NACKs (RTX when negotiated); null for audio. */
  private final RetransmissionBuffer retransmissionBuffer;
  private final int[] nackSeqs = new int[17 * 64];
  /**
   * Creation time: before the router's first tick after it, {@link #tickNowMs()} is this (the
   * coarse clock is the router's tick time, see {@link Router#tickNowMs()}).
   */
  private final long createdMs;
  /** Tick time of the last retransmission-history expiry from the packet path. */
  private long lastExpireMs = Long.MIN_VALUE;
  private long retransmissionsSent;
  private final SenderReportGenerator senderReport;
  private final SenderReport.Builder srBuilder = new SenderReport.Builder();
  private long nextReportMs = Long.MIN_VALUE;

  /** Consumer-side id of transport-wide-cc (stamped with this transport's sequence), 0 = none. */
  private final int transportCcExtId;
  /** Arrival time of the packet being fanned out (set by the producer): its send time. */
  long packetNowMs;
  /** Send bitrate measured by the transport's BWE allocation step (bps) and its byte mark. */
  long sendBitrateBps;
  long bweLastBytes;

  boolean paused;
  boolean producerPaused;
  boolean closed;
  long droppedWaitingKeyFrame;
  long droppedOld;
  long droppedUnsupportedPayloadType;
  /** Packets not forwarded because their temporal layer is above the current one. */
  long droppedTemporalLayer;
  /** Packets not forwarded because their spatial layer is above the current one (SVC). */
  long droppedSpatialLayer;
  /** 1..255; the share of the transport's bandwidth the layer selection gives this consumer. */
  private int priority = 1;

  Consumer(Transport transport, Producer producer, ConsumerOptions o, RtpParameters params) {
    this.transport = transport;
    this.producer = producer;
    this.kind = producer.kind();
    this.rtpParameters = params;
    this.appData = o.appData == null ? new HashMap<>() : o.appData;
    this.paused = o.paused;
    this.producerPaused = producer.paused();
    RtpEncodingParameters enc = params.encodings.get(0);
    this.ssrc = enc.ssrc;
    this.rtxSsrc = enc.rtx != null && enc.rtx.ssrc != null ? enc.rtx.ssrc : -1;
    this.sendStream = new RtpStreamSend(ssrc, rtxSsrc);
    RtpCodecParameters first = params.codecs.get(0);
    this.clockRate = first.clockRate == null ? 90000 : first.clockRate;

    // Payload types: producer PT -> router (mapped) PT -> kept only if the consumer negotiated it.
    Arrays.fill(payloadTypeMap, -1);
    for (RtpMapping.CodecMapping m : producer.rtpMapping().codecs) {
      if (m.payloadType == null || m.mappedPayloadType == null || m.payloadType < 0 || m.payloadType >= 128) {
        continue;
      }
      for (RtpCodecParameters c : params.codecs) {
        if (m.mappedPayloadType.equals(c.payloadType)) {
          payloadTypeMap[m.payloadType] = c.payloadType;
        }
      }
    }
    // Extension ids: producer id -> consumer id by URI; absent in the consumer = dropped (0).
    int pMid = 0;
    int cMid = 0;
    RtpParameters pp = producer.rtpParametersShared();
    if (pp.headerExtensions != null) {
      for (RtpHeaderExtensionParameters pe : pp.headerExtensions) {
        if (pe.id == null || pe.id <= 0 || pe.id > 255) {
          continue;
        }
        if (Mids.MID_URI.equals(pe.uri)) {
          pMid = pe.id;
        }
        if (params.headerExtensions != null) {
          for (RtpHeaderExtensionParameters ce : params.headerExtensions) {
            if (ce.uri != null && ce.uri.equals(pe.uri) && ce.id != null) {
              extIdMap[pe.id] = (byte) (int) ce.id;
              if (Mids.MID_URI.equals(ce.uri)) {
                cMid = ce.id;
              }
            }
          }
        }
      }
    }
    System.arraycopy(extIdMap, 0, extIdMapWithoutMid, 0, 256);
    if (pMid > 0) {
      extIdMapWithoutMid[pMid] = 0;
    }
    int twcc = 0;
    if (params.headerExtensions != null) {
      for (RtpHeaderExtensionParameters ce : params.headerExtensions) {
        if (org.sfu4j.media.ortc.SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01.equals(ce.uri)
            && ce.id != null && ce.id > 0 && ce.id < 15) {
          twcc = ce.id;
        }
      }
    }
    this.transportCcExtId = twcc;
    this.producerMidExtId = pMid;
    this.consumerMidExtId = cMid;
    this.midBytes = params.mid.getBytes(StandardCharsets.US_ASCII);
    this.retransmissionBuffer = kind == MediaKind.VIDEO ? newRetransmissionBuffer(params) : null;
    this.createdMs = transport.router().worker().nowMs();
    this.senderReport = new SenderReportGenerator(ssrc, clockRate);
  }

  private RetransmissionBuffer newRetransmissionBuffer(RtpParameters params) {
    RetransmissionBuffer b = new RetransmissionBuffer(ssrc);
    // Retransmissions drop the MID extension (the receiver knows the SSRC by then).
    b.setExtensionIdMap(extIdMapWithoutMid);
    if (rtxSsrc >= 0) {
      for (RtpCodecParameters c : params.codecs) {
        if (c.mimeType != null && c.mimeType.toLowerCase(java.util.Locale.ROOT).endsWith("/rtx")
            && c.payloadType != null) {
          b.enableRtx(rtxSsrc, c.payloadType,
              java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
          break;
        }
      }
    }
    return b;
  }

  public final String id() {
    return id;
  }

  public final String producerId() {
    return producer.id();
  }

  public final MediaKind kind() {
    return kind;
  }

  public abstract ConsumerType type();

  /** A deep copy of the parameters to signal to the endpoint (mid, SSRC, codecs, ...). */
  public final RtpParameters rtpParameters() {
    return rtpParameters.deepCopy();
  }

  public final Map<String, Object> appData() {
    return appData;
  }

  public final Transport transport() {
    return transport;
  }

  public final long ssrc() {
    return ssrc;
  }

  /** -1 when RTX is not negotiated. */
  public final long rtxSsrc() {
    return rtxSsrc;
  }

  /** Loop-confined views. */
  public final boolean paused() {
    return paused;
  }

  public final boolean producerPaused() {
    return producerPaused;
  }

  public final boolean closed() {
    return closed;
  }

  /** 0..10 from the receiver's reported loss. */
  public final int score() {
    return sendStream.score();
  }

  /** Priority 1..255 (default 1); loop-confined view. */
  public final int priority() {
    return priority;
  }

  /**
   * Sets the priority (1..255, mediasoup's {@code consumer.setPriority}): a higher value gets a
   * larger share of the transport's estimated bandwidth when layers are selected. Stored and
   * reported in dump and stats. Fails with {@link IllegalArgumentException} outside 1..255.
   */
  public final CompletableFuture<Void> setPriority(int priority) {
    if (priority < 1 || priority > 255) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("priority must be an integer in 1..255, got " + priority));
    }
    return worker().call(() -> {
      if (!closed) {
        this.priority = priority;
      }
      return null;
    });
  }

  /** mediasoup's {@code unsetPriority()}: back to 1. */
  public final CompletableFuture<Void> unsetPriority() {
    return setPriority(1);
  }

  public final void addListener(Listener l) {
    worker().execute(() -> listeners.add(l));
  }

  public final void removeListener(Listener l) {
    worker().execute(() -> listeners.remove(l));
  }

  public final CompletableFuture<Void> pause() {
    return worker().call(() -> {
      if (!paused && !closed) {
        boolean wasActive = isActive();
        paused = true;
        if (wasActive) {
          onDeactivated();
        }
      }
      return null;
    });
  }

  /** Resumes; forwarding restarts at the next key frame (requested now) with continuous seq. */
  public final CompletableFuture<Void> resume() {
    return worker().call(() -> {
      if (paused && !closed) {
        paused = false;
        if (isActive()) {
          onActivated(worker().nowMs());
        }
      }
      return null;
    });
  }

  public final CompletableFuture<Void> setPreferredLayers(ConsumerLayers layers) {
    return worker().call(() -> {
      if (!closed && layers != null) {
        applyPreferredLayers(layers, worker().nowMs());
      }
      return null;
    });
  }

  /** Layers currently forwarded, or null (nothing forwarded or not layered). */
  public final CompletableFuture<ConsumerLayers> currentLayers() {
    return worker().call(this::currentLayersNow);
  }

  public final CompletableFuture<ConsumerLayers> preferredLayers() {
    return worker().call(this::preferredLayersNow);
  }

  /** Asks the producer's endpoint for a key frame of the stream this consumer forwards. */
  public final CompletableFuture<Void> requestKeyFrame() {
    return worker().call(() -> {
      if (!closed) {
        onKeyFrameRequested(worker().nowMs());
      }
      return null;
    });
  }

  public final CompletableFuture<Void> close() {
    return worker().call(() -> {
      closeInternal();
      return null;
    });
  }

  /** mediasoup-like: [outbound-rtp of this consumer]. */
  public final CompletableFuture<List<Map<String, Object>>> getStats() {
    return worker().call(() -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "outbound-rtp");
      m.put("timestamp", worker().nowMs());
      m.put("ssrc", ssrc);
      if (rtxSsrc >= 0) {
        m.put("rtxSsrc", rtxSsrc);
      }
      m.put("kind", kind.value());
      m.put("packetCount", sendStream.packetsSent());
      m.put("byteCount", sendStream.bytesSent());
      m.put("nackCount", sendStream.nackRequests());
      m.put("retransmittedPacketCount", retransmissionsSent);
      m.put("pliCount", sendStream.keyFrameRequests());
      m.put("fractionLost", sendStream.fractionLost());
      m.put("packetsLost", sendStream.packetsLostReported());
      m.put("droppedWaitingKeyFrame", droppedWaitingKeyFrame);
      m.put("droppedOld", droppedOld);
      m.put("droppedUnsupportedPayloadType", droppedUnsupportedPayloadType);
      m.put("droppedTemporalLayer", droppedTemporalLayer);
      m.put("droppedSpatialLayer", droppedSpatialLayer);
      m.put("priority", priority);
      m.put("score", sendStream.score());
      List<Map<String, Object>> l = new ArrayList<>();
      l.add(m);
      return l;
    });
  }

  public final CompletableFuture<Map<String, Object>> dump() {
    return worker().call(() -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", id);
      d.put("producerId", producer.id());
      d.put("kind", kind.value());
      d.put("type", type().value());
      d.put("paused", paused);
      d.put("producerPaused", producerPaused);
      d.put("ssrc", ssrc);
      d.put("mid", rtpParameters.mid);
      d.put("priority", priority);
      ConsumerLayers preferred = preferredLayersNow();
      if (preferred != null) {
        d.put("preferredLayers", layersMap(preferred));
      }
      ConsumerLayers current = currentLayersNow();
      if (current != null) {
        d.put("currentLayers", layersMap(current));
      }
      return d;
    });
  }

  private static Map<String, Object> layersMap(ConsumerLayers l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("spatialLayer", l.spatialLayer);
    m.put("temporalLayer", l.temporalLayer);
    return m;
  }

  // ---------------------------------------------------------------- loop internals

  final Worker worker() {
    return transport.router().worker();
  }

  final RtpStreamSend sendStream() {
    return sendStream;
  }

  final boolean isActive() {
    return !closed && !paused && !producerPaused;
  }

  /** Hot path: decide and forward one packet of the producer's {@code stream}. */
  abstract void onRtpPacket(RtpStreamRecv stream, RtpPacket packet, boolean keyFrame, long nowMs);

  /** Forwarding (re)starts: require a sync point (key frame for video) and ask for one. */
  abstract void onActivated(long nowMs);

  /** Forwarding stops (pause); layered consumers report null layers. */
  abstract void onDeactivated();

  /** The endpoint (PLI/FIR) or the application asks for a key frame. */
  abstract void onKeyFrameRequested(long nowMs);

  abstract void applyPreferredLayers(ConsumerLayers layers, long nowMs);

  abstract ConsumerLayers currentLayersNow();

  abstract ConsumerLayers preferredLayersNow();

  /** Called once after registration. */
  final void start(long nowMs) {
    if (isActive()) {
      onActivated(nowMs);
    }
  }

  /** Counts a packet this consumer did not forward, here and in the worker's totals. */
  final void skipped(WorkerCounters.Skip reason) {
    switch (reason) {
      case WAITING_KEY_FRAME:
        droppedWaitingKeyFrame++;
        break;
      case OLD_SEQUENCE:
        droppedOld++;
        break;
      case CONSUMER_PAYLOAD_TYPE:
        droppedUnsupportedPayloadType++;
        break;
      case TEMPORAL_LAYER:
        droppedTemporalLayer++;
        break;
      case SPATIAL_LAYER:
        droppedSpatialLayer++;
        break;
      default:
        break;
    }
    transport.countSkip(reason);
  }

  final void onNack() {
    sendStream.onNack();
  }

  final void countKeyFrameRequest() {
    sendStream.onKeyFrameRequest();
  }

  final void onProducerPaused() {
    if (producerPaused || closed) {
      return;
    }
    boolean wasActive = isActive();
    producerPaused = true;
    if (wasActive) {
      onDeactivated();
    }
    for (Listener l : new ArrayList<>(listeners)) {
      l.onProducerPause();
    }
  }

  final void onProducerResumed(long nowMs) {
    if (!producerPaused || closed) {
      return;
    }
    producerPaused = false;
    if (isActive()) {
      onActivated(nowMs);
    }
    for (Listener l : new ArrayList<>(listeners)) {
      l.onProducerResume();
    }
  }

  final void fireLayersChange(ConsumerLayers layers) {
    for (Listener l : new ArrayList<>(listeners)) {
      l.onLayersChange(layers);
    }
  }

  /**
   * Writes this consumer's copy of {@code in} with the given output values and hands it to the
   * transport. {@code in} is only read. One pooled heap allocation (tail room for the SRTP tag).
   */
  final void writeAndSend(RtpPacket in, int outPayloadType, int outSeq, long outTimestamp) {
    int length = in.headerLength() + in.payloadLength();
    ByteBuf out = worker().sendBuffer().acquire(length + 64);
    in.writeTo(out);
    RtpPacket view = transport.outView();
    if (view.wrap(out) != RtpDropReason.OK) {
      out.release();
      return;
    }
    view.setPayloadType(outPayloadType);
    view.setSequenceNumber(outSeq);
    view.setTimestamp(outTimestamp);
    view.setSsrc(ssrc);
    rewritePayload(view);
    if (view.hasExtension()) {
      if (consumerMidExtId > 0 && in.extensionLength(producerMidExtId) == midBytes.length) {
        view.remapExtensionIds(extIdMap);
        view.setExtensionValue(consumerMidExtId, midBytes);
      } else {
        view.remapExtensionIds(extIdMapWithoutMid);
      }
    }
    if (transportCcExtId > 0 && view.extensionLength(transportCcExtId) == 2) {
      view.setExtensionU16(transportCcExtId, transport.bwe().onPacketSent(length, packetNowMs));
    }
    sendStream.onPacketSent(length);
    long tickNowMs = tickNowMs();
    senderReport.onPacketSent(outTimestamp, in.payloadLength(), tickNowMs);
    if (retransmissionBuffer != null) {
      ByteBuf stored = producer.sharedPacket().get(); // null outside the producer's fan-out
      if (stored != null) {
        retransmissionBuffer.insert(outSeq, outTimestamp, outPayloadType, stored, tickNowMs);
        if (tickNowMs != lastExpireMs) {
          // Ages out history here, once per router tick as the tick did before, now that the
          // tick visits a consumer only for its Sender Report (lookups check the age anyway:
          // this only releases memory on time).
          lastExpireMs = tickNowMs;
          retransmissionBuffer.expire(tickNowMs);
        }
      }
    }
    transport.sendRtpFromConsumer(this, out, length);
  }

  /**
   * The endpoint NACKed packets of this consumer: resend each one still in the retransmission
   * buffer (RTX when negotiated). Only reads {@code nack}.
   */
  final void onNack(GenericNack nack, long nowMs) {
    sendStream.onNack();
    if (retransmissionBuffer == null || closed) {
      return;
    }
    int n = nack.lostSequenceNumbers(nackSeqs);
    for (int i = 0; i < n; i++) {
      ByteBuf out = worker().allocator().heapBuffer(1500 + 64);
      int len = retransmissionBuffer.writeRetransmission(nackSeqs[i], nowMs, 0, out);
      if (len < 0) {
        out.release();
        continue;
      }
      retransmissionsSent++;
      stampTransportCc(out, len, nowMs);
      transport.sendRtpFromConsumer(this, out, len);
    }
  }

  /** Writes this transport's next transport-wide sequence number into {@code out} if it has the extension. */
  private void stampTransportCc(ByteBuf out, int len, long nowMs) {
    if (transportCcExtId == 0) {
      return;
    }
    RtpPacket view = transport.outView();
    if (view.wrap(out, out.readerIndex(), len) == RtpDropReason.OK
        && view.extensionLength(transportCcExtId) == 2) {
      view.setExtensionU16(transportCcExtId, transport.bwe().onPacketSent(len, nowMs));
    }
    view.clear();
  }

  /** Consumer-side transport-wide-cc extension id, 0 when not negotiated. */
  final int transportCcExtId() {
    return transportCcExtId;
  }

  /**
   * Writes one padding-only RTX packet (RFC 3550 padding, no payload; receivers discard it) for
   * bandwidth probing into {@code out}, stamped with the next transport-wide sequence number.
   * Returns its length, or -1 when this consumer has no RTX stream or no transport-cc id.
   */
  final int writeProbePadding(ByteBuf out, int paddingBytes, long nowMs) {
    if (retransmissionBuffer == null || retransmissionBuffer.rtxSsrc() < 0 || transportCcExtId == 0
        || closed) {
      return -1;
    }
    int pad = Math.max(1, Math.min(255, paddingBytes));
    int length = 12 + 8 + pad;
    int twSeq = transport.bwe().onPacketSent(length, nowMs);
    out.writeByte(0xB0) // V=2, P=1, X=1
        .writeByte(retransmissionBuffer.rtxPayloadType() & 0x7F)
        .writeShort(retransmissionBuffer.takeRtxSequenceNumber())
        .writeInt((int) senderReport.lastPacketTimestamp())
        .writeInt((int) retransmissionBuffer.rtxSsrc())
        .writeShort(0xBEDE).writeShort(1)
        .writeByte((transportCcExtId << 4) | 1).writeShort(twSeq).writeByte(0);
    out.writeZero(pad - 1);
    out.writeByte(pad);
    return length;
  }

  /** Layered consumers (simulcast, SVC) take a share of the downlink estimate. */
  boolean layered() {
    return false;
  }

  /** This consumer's share of the downlink estimate (layered consumers pick layers from it). */
  void onBandwidthShare(long shareBps, long nowMs) {}

  /** What this consumer would send with its preferred layers (bps). */
  long desiredBitrate(long nowMs) {
    return isActive() ? sendBitrateBps : 0;
  }

  /** What this consumer sends with the layers its BWE allows (bps). */
  long effectiveBitrate(long nowMs) {
    return isActive() ? sendBitrateBps : 0;
  }

  /**
   * The coarse clock of the packet path (retransmission ages, SR extrapolation): the router's
   * last tick time, or this consumer's creation time before its first tick.
   */
  final long tickNowMs() {
    return Math.max(createdMs, transport.router().tickNowMs());
  }

  /**
   * Router tick, called only when due (see {@link Transport#tick}): a Sender Report every second;
   * ages out retransmission history of a stream that went idle (sending ages it out per packet).
   *
   * @return the next tick time at which this consumer has work
   */
  final long tick(long nowMs) {
    if (retransmissionBuffer != null) {
      retransmissionBuffer.expire(nowMs);
    }
    if (nextReportMs == Long.MIN_VALUE) {
      nextReportMs = nowMs + Producer.RTCP_REPORT_INTERVAL_MS;
    } else if (nowMs >= nextReportMs && !closed) {
      nextReportMs = nowMs + Producer.RTCP_REPORT_INTERVAL_MS;
      sendSenderReport(nowMs);
    }
    return nextReportMs;
  }

  /**
   * One SR for this consumer's stream. For a stream forwarded with unchanged timestamps (simple
   * and SVC consumers) the NTP ↔ RTP mapping is the producer's own, so lip sync survives; other
   * consumers fall back to our clock until they provide their timestamp offset (see
   * {@link SenderReportGenerator#setSourceMapping}).
   */
  final void sendSenderReport(long nowMs) {
    int layer = srSourceLayer();
    RtcpReceiverReportGenerator source = layer < 0 ? null : producer.receiverReport(layer);
    if (source != null && source.lastSrNtp() != 0) {
      senderReport.setSourceMapping(source.lastSrNtp(), source.lastSrRtpTimestamp(),
          source.lastSrReceivedMs(), srTimestampOffset());
    } else if (layer >= 0 && type() == ConsumerType.SIMULCAST) {
      senderReport.clearSourceMapping(); // the new layer has no SR yet
    }
    srBuilder.clearReportBlocks();
    if (!senderReport.fillSenderInfo(srBuilder, nowMs,
        NtpTime.fromUnixMs(System.currentTimeMillis()))) {
      return;
    }
    // RFC 3550 6.1: every compound carries an SDES CNAME.
    org.sfu4j.media.rtcp.Sdes.Builder sdes = transport.sdesBuilder().clear();
    String cname = rtpParameters.rtcp != null && rtpParameters.rtcp.cname != null
        ? rtpParameters.rtcp.cname : transport.rtcpCname();
    sdes.addCname(ssrc, cname);
    // RFC 3611 4.5: answer the endpoint's RRTR so it can measure RTT as a receiver.
    org.sfu4j.media.rtcp.ExtendedReport.Builder xr = transport.xrBuilder().clear().ssrc(ssrc);
    int xrBytes = transport.addPendingDlrr(xr, nowMs) ? xr.sizeInBytes() : 0;
    ByteBuf out = worker().allocator()
        .heapBuffer(srBuilder.sizeInBytes() + xrBytes + sdes.sizeInBytes());
    srBuilder.writeTo(out);
    if (xrBytes > 0) {
      xr.writeTo(out);
    }
    sdes.writeTo(out);
    transport.sendRtcpFromEngine(out);
  }

  /**
   * Producer encoding whose Sender Reports map this consumer's timestamps (-1: none now). Simple
   * and SVC consumers forward encoding 0 with unchanged timestamps.
   */
  int srSourceLayer() {
    return 0;
  }

  /** {@code consumerTs = producerTs + offset (mod 2^32)} for {@link #srSourceLayer()}. */
  long srTimestampOffset() {
    return 0;
  }

  final SenderReportGenerator senderReportGenerator() {
    return senderReport;
  }

  /** A receiver report block about this consumer: RTT from LSR/DLSR. */
  final void onReportBlock(long lastSr, long delaySinceLastSr) {
    senderReport.onReceiverReport(lastSr, delaySinceLastSr, tickNowMs());
  }

  /** RTT measured from the receiver's reports, -1 if none yet. */
  final long rttMs() {
    return senderReport.rttMs();
  }

  final long retransmissionsSent() {
    return retransmissionsSent;
  }

  /**
   * Hook for codec-level rewrites in this consumer's own copy (e.g. VP8 picture id continuity on
   * simulcast switches); {@code out} is the outbound view. Default: nothing.
   */
  void rewritePayload(RtpPacket out) {}

  final void closeFromProducer() {
    if (closed) {
      return;
    }
    for (Listener l : new ArrayList<>(listeners)) {
      l.onProducerClose();
    }
    closeInternal();
  }

  final void closeFromTransport() {
    if (closed) {
      return;
    }
    for (Listener l : new ArrayList<>(listeners)) {
      l.onTransportClose();
    }
    closeInternal();
  }

  private void closeInternal() {
    if (closed) {
      return;
    }
    closed = true;
    if (retransmissionBuffer != null) {
      retransmissionBuffer.close();
    }
    producer.removeConsumer(this);
    transport.onConsumerClosed(this);
    for (Listener l : new ArrayList<>(listeners)) {
      l.onClose();
    }
    listeners.clear();
  }

  /** Header extension URIs the consumer needs to know about. */
  static final class Mids {
    static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

    private Mids() {}
  }
}
