package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.media.codec.CodecKeyFrameDetector;
import org.sfu4j.media.engine.RtpDropCounters.EngineReason;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtcpFeedback;
import org.sfu4j.media.ortc.RtpCodecParameters;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpMapping;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.ortc.ScalabilityMode;
import org.sfu4j.media.quality.KeyFrameRequestManager;
import org.sfu4j.media.quality.NackGenerator;
import org.sfu4j.media.quality.RtcpReceiverReportGenerator;
import org.sfu4j.media.ortc.RtpHeaderExtensionParameters;
import org.sfu4j.media.ortc.SupportedRtpCapabilities;
import org.sfu4j.media.rtcp.ReceiverReport;
import org.sfu4j.media.quality.SharedPacket;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtcp.Fir;
import org.sfu4j.media.rtcp.Pli;
import org.sfu4j.media.rtp.RtpPacket;
import org.sfu4j.media.stream.RtpStreamRecv;

/**
 * A media source sent by an endpoint into a transport: one receive stream per encoding (simulcast
 * layer), bound by SSRC up front or learned by RID, and the consumers it fans out to.
 *
 * <p>Per packet: one payload-type check, one key-frame detection shared by all consumers, then
 * one call per consumer. Upstream key-frame requests (PLI) are rate limited per stream.
 */
public final class Producer {
  /** Producer events, on the loop. */
  public interface Listener {
    default void onPause() {}

    default void onResume() {}

    /**
     * A stream's score changed (mediasoup's producer {@code score} event): every stream's score,
     * by encoding. At most once per RTCP report interval (~1 s).
     */
    default void onScore(java.util.List<ProducerScore> scores) {}

    default void onTransportClose() {}

    default void onClose() {}
  }

  /** Window in which a stream that sent a packet counts as active for layer selection. */
  static final long ACTIVE_WINDOW_MS = 2000;

  private final String id = UUID.randomUUID().toString();
  private final Transport transport;
  private final MediaKind kind;
  private final ProducerType type;
  private final RtpParameters rtpParameters;
  private final RtpParameters consumableRtpParameters;
  private final RtpMapping mapping;
  private final Map<String, Object> appData;
  private final String owner;
  private final long keyFrameRequestIntervalMs;

  /** Producer payload type to router payload type; -1 = unknown, dropped. */
  private final int[] mappedPayloadType = new int[128];
  /** Producer payload types of RTX codecs. */
  private final boolean[] rtxPayloadType = new boolean[128];
  /** Lower-case mime type per producer payload type, for key-frame detection. */
  private final String[] mimeByPayloadType = new String[128];
  private final int[] clockRateByPayloadType = new int[128];
  private final RtpStreamRecv[] streams;
  private final List<Long> registeredSsrcs = new ArrayList<>();
  private final ArrayList<Consumer> consumers = new ArrayList<>();
  private final List<Listener> listeners = new ArrayList<>();
  private boolean paused;
  private boolean closed;
  /** Upstream key-frame request: FIR when the endpoint negotiated ccm fir but not nack pli. */
  private final boolean useFir;
  private final Fir.Builder firBuilder;
  /**
   * Video only: aggregates every key-frame wish (consumer PLI/FIR, resume, layer switch,
   * unrepairable loss) per stream SSRC, at most one upstream request per interval, repeats an
   * unanswered one; owns the FIR command sequence numbers.
   */
  private final KeyFrameRequestManager keyFrames;

  // ---- media quality (issue 7): NACK upstream, RTX repair, shared retransmission copy
  /** Producer RTX payload type to its associated media payload type ("apt"); -1 = none. */
  private final int[] aptByRtxPayloadType = new int[128];
  /** Per encoding; null for audio or before the stream is bound. */
  private final NackGenerator[] nackGenerators;
  private final GenericNack.Builder nackBuilder = new GenericNack.Builder();
  /** The once-per-packet copy consumers' retransmission buffers share during one fan-out. */
  private final SharedPacket sharedPacket;
  private final RtpPacket rtxView = new RtpPacket();
  private long rtxRecovered;
  /** Per encoding: reception statistics and our report block about it. */
  private final RtcpReceiverReportGenerator[] receiverReports;
  private final ReceiverReport.Builder rrBuilder = new ReceiverReport.Builder();
  /** XR RRTR blocks sent with our RRs, answered by the endpoint's DLRR (RFC 3611 RTT). */
  private final org.sfu4j.media.quality.RrtrHistory rrtrHistory =
      new org.sfu4j.media.quality.RrtrHistory();
  /** Last RTT measured from an XR DLRR answer, -1 if none. */
  private long xrRttMs = -1;
  /** RTCP report interval (RFC 3550 minimum for video-rate senders, as mediasoup uses 1 s). */
  static final long RTCP_REPORT_INTERVAL_MS = 1000;
  private long nextReportMs = Long.MIN_VALUE;
  /** One-byte/two-byte id of the transport-wide-cc extension the endpoint sends, 0 if none. */
  private final int transportCcExtId;
  private boolean receivingRtx;
  /** ssrc-audio-level extension id (audio producers), 0 if not negotiated. */
  private final int audioLevelExtId;
  /** Router audio observers fed from this producer's packets (copy-on-change array). */
  private AudioLevelSink[] audioLevelSinks = new AudioLevelSink[0];
  /**
   * Measured bitrate per encoding as {@code [spatial][0]} (what the LayerSelector reads; temporal
   * layers are not measured separately), from the streams' byte counters every
   * {@value #BITRATE_WINDOW_MS} ms on the tick: nothing on the packet path.
   */
  private final long[][] layerBitrates;
  private final long[] layerBytesAtWindowStart;
  private long bitrateWindowStartMs = Long.MIN_VALUE;
  static final long BITRATE_WINDOW_MS = 500;

  Producer(Transport transport, ProducerOptions o, RtpParameters params, RtpMapping mapping,
      RtpParameters consumable, long keyFrameRequestIntervalMs) {
    this.transport = transport;
    this.kind = o.kind;
    this.rtpParameters = params;
    this.consumableRtpParameters = consumable;
    this.mapping = mapping;
    this.appData = o.appData == null ? new HashMap<>() : o.appData;
    this.owner = o.owner;
    this.paused = o.paused;
    this.keyFrameRequestIntervalMs = keyFrameRequestIntervalMs;
    this.streams = new RtpStreamRecv[params.encodings.size()];
    this.type = typeOf(params);
    this.nackGenerators = new NackGenerator[params.encodings.size()];
    this.receiverReports = new RtcpReceiverReportGenerator[params.encodings.size()];
    this.layerBitrates = new long[params.encodings.size()][1];
    this.layerBytesAtWindowStart = new long[params.encodings.size()];
    int twcc = 0;
    if (params.headerExtensions != null) {
      for (RtpHeaderExtensionParameters e : params.headerExtensions) {
        if (SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01.equals(e.uri) && e.id != null) {
          twcc = e.id;
        }
      }
    }
    this.transportCcExtId = twcc;
    int audioLevel = 0;
    if (params.headerExtensions != null && o.kind == MediaKind.AUDIO) {
      for (RtpHeaderExtensionParameters e : params.headerExtensions) {
        if (SupportedRtpCapabilities.URI_SSRC_AUDIO_LEVEL.equals(e.uri) && e.id != null) {
          audioLevel = e.id;
        }
      }
    }
    this.audioLevelExtId = audioLevel;
    this.sharedPacket = new SharedPacket(transport.router().worker().allocator());
    Arrays.fill(aptByRtxPayloadType, -1);
    this.useFir = o.kind == MediaKind.VIDEO && !params.codecs.isEmpty()
        && hasFeedback(params.codecs.get(0), "ccm", "fir")
        && !hasFeedback(params.codecs.get(0), "nack", "pli");
    this.firBuilder = useFir ? new Fir.Builder() : null;
    this.keyFrames = o.kind == MediaKind.VIDEO
        ? new KeyFrameRequestManager(this::sendKeyFrameRequest, keyFrameRequestIntervalMs,
            Math.max(KeyFrameRequestManager.DEFAULT_RETRY_AFTER_MS, 2 * keyFrameRequestIntervalMs))
        : null;
    Arrays.fill(mappedPayloadType, -1);
    for (RtpMapping.CodecMapping m : mapping.codecs) {
      if (m.payloadType != null && m.mappedPayloadType != null && m.payloadType >= 0 && m.payloadType < 128) {
        mappedPayloadType[m.payloadType] = m.mappedPayloadType;
      }
    }
    for (RtpCodecParameters c : params.codecs) {
      if (c.payloadType == null || c.payloadType < 0 || c.payloadType >= 128) {
        continue;
      }
      String mime = c.mimeType.toLowerCase(Locale.ROOT);
      mimeByPayloadType[c.payloadType] = mime;
      clockRateByPayloadType[c.payloadType] = c.clockRate == null ? 90000 : c.clockRate;
      if (mime.endsWith("/rtx")) {
        rtxPayloadType[c.payloadType] = true;
        Object apt = c.parameters == null ? null : c.parameters.get("apt");
        if (apt instanceof Number n && n.intValue() >= 0 && n.intValue() < 128) {
          aptByRtxPayloadType[c.payloadType] = n.intValue();
        }
      }
    }
  }

  /**
   * Rejects codecs of the other kind (e.g. {@code audio/opus} in a video producer): the router
   * would otherwise map them and forward audio as video. Validation has run (mime types set).
   *
   * @throws IllegalArgumentException naming the first offending codec
   */
  static void checkCodecKinds(MediaKind kind, RtpParameters params) {
    String prefix = kind.value() + "/";
    for (int i = 0; i < params.codecs.size(); i++) {
      String mime = params.codecs.get(i).mimeType;
      if (mime == null || !mime.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        throw new IllegalArgumentException("rtpParameters.codecs[" + i + "] " + mime
            + " does not match the producer kind " + kind.value());
      }
    }
  }

  private static boolean hasFeedback(RtpCodecParameters codec, String type, String parameter) {
    if (codec.rtcpFeedback == null) {
      return false;
    }
    for (RtcpFeedback fb : codec.rtcpFeedback) {
      if (type.equalsIgnoreCase(fb.type) && parameter.equalsIgnoreCase(fb.parameter)) {
        return true;
      }
    }
    return false;
  }

  private static ProducerType typeOf(RtpParameters params) {
    if (params.encodings.size() > 1) {
      return ProducerType.SIMULCAST;
    }
    // mediasoup: spatial layers make SVC; temporal layers alone make SVC for the codecs whose
    // payload carries layer ids per packet in one stream (VP9, AV1). VP8/H264 LxTy stay simple
    // (SimpleConsumer filters VP8 temporal layers itself).
    ScalabilityMode mode = ScalabilityMode.parse(params.encodings.get(0).scalabilityMode);
    if (mode.spatialLayers() > 1) {
      return ProducerType.SVC;
    }
    if (mode.temporalLayers() > 1 && !params.codecs.isEmpty()) {
      String mime = params.codecs.get(0).mimeType.toLowerCase(Locale.ROOT);
      if (mime.equals("video/vp9") || mime.equals("video/av1")) {
        return ProducerType.SVC;
      }
    }
    return ProducerType.SIMPLE;
  }

  public String id() {
    return id;
  }

  public MediaKind kind() {
    return kind;
  }

  public ProducerType type() {
    return type;
  }

  /** A deep copy of the parameters the endpoint sends with (validated). */
  public RtpParameters rtpParameters() {
    return rtpParameters.deepCopy();
  }

  /** A deep copy of the router-mapped parameters consumers are derived from. */
  public RtpParameters consumableRtpParameters() {
    return consumableRtpParameters.deepCopy();
  }

  public RtpMapping rtpMapping() {
    return mapping.deepCopy();
  }

  RtpParameters rtpParametersShared() {
    return rtpParameters;
  }

  RtpParameters consumableRtpParametersShared() {
    return consumableRtpParameters;
  }

  public Map<String, Object> appData() {
    return appData;
  }

  /** The owner tag (e.g. peer id) pending consume requests match; may be null. */
  public String owner() {
    return owner;
  }

  /** {@code appData.source} as a string, or null. */
  public String source() {
    Object s = appData.get("source");
    return s == null ? null : s.toString();
  }

  public Transport transport() {
    return transport;
  }

  /** Loop-confined view. */
  public boolean paused() {
    return paused;
  }

  /** Loop-confined view. */
  public boolean closed() {
    return closed;
  }

  /** Number of encodings (simulcast layers). */
  public int encodingCount() {
    return streams.length;
  }

  /** Every stream's score, by encoding index (0 for a stream not seen yet). Loop only. */
  public List<ProducerScore> scores() {
    List<ProducerScore> l = new ArrayList<>(streams.length);
    for (int i = 0; i < streams.length; i++) {
      RtpStreamRecv s = streams[i];
      if (s != null) {
        l.add(new ProducerScore(i, s.ssrc(), s.rid(), s.score()));
      }
    }
    return l;
  }

  /** Scores by encoding index (0 where no stream was seen yet); for consumer scores. Loop only. */
  List<Integer> streamScores() {
    List<Integer> l = new ArrayList<>(streams.length);
    for (RtpStreamRecv s : streams) {
      l.add(s == null ? 0 : s.score());
    }
    return l;
  }

  private void fireScore() {
    if (closed) {
      return;
    }
    if (!listeners.isEmpty()) {
      List<ProducerScore> scores = scores();
      for (Listener l : new ArrayList<>(listeners)) {
        l.onScore(scores);
      }
    }
    for (int i = 0; i < consumers.size(); i++) {
      consumers.get(i).fireScore(); // their producerScore changed
    }
  }

  /** 0..10, mediasoup-like, of the best stream. */
  public int score() {
    int best = 0;
    for (RtpStreamRecv s : streams) {
      if (s != null) {
        best = Math.max(best, s.score());
      }
    }
    return best;
  }

  public void addListener(Listener l) {
    transport.router().worker().execute(() -> listeners.add(l));
  }

  public CompletableFuture<Void> pause() {
    return call(() -> {
      if (!paused && !closed) {
        paused = true;
        for (Consumer c : new ArrayList<>(consumers)) {
          c.onProducerPaused();
        }
        for (Listener l : new ArrayList<>(listeners)) {
          l.onPause();
        }
      }
      return null;
    });
  }

  public CompletableFuture<Void> resume() {
    return call(() -> {
      if (paused && !closed) {
        paused = false;
        long now = transport.router().worker().nowMs();
        for (Consumer c : new ArrayList<>(consumers)) {
          c.onProducerResumed(now);
        }
        for (Listener l : new ArrayList<>(listeners)) {
          l.onResume();
        }
      }
      return null;
    });
  }

  /** Closes the producer; its consumers close with {@code producerclose}. */
  public CompletableFuture<Void> close() {
    return call(() -> {
      closeInternal(false);
      return null;
    });
  }

  /** Asks the endpoint for a key frame on every stream (rate limited per stream). */
  public CompletableFuture<Void> requestKeyFrame() {
    return call(() -> {
      long now = transport.router().worker().nowMs();
      for (int i = 0; i < streams.length; i++) {
        requestKeyFrame(i, now);
      }
      return null;
    });
  }

  /** One entry per receive stream (mediasoup "inbound-rtp"). */
  public CompletableFuture<List<Map<String, Object>>> getStats() {
    return call(() -> {
      List<Map<String, Object>> out = new ArrayList<>();
      long now = transport.router().worker().nowMs();
      for (RtpStreamRecv s : streams) {
        if (s == null) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "inbound-rtp");
        m.put("timestamp", now);
        m.put("ssrc", s.ssrc());
        if (s.rtxSsrc() >= 0) {
          m.put("rtxSsrc", s.rtxSsrc());
        }
        if (s.rid() != null) {
          m.put("rid", s.rid());
        }
        m.put("kind", kind.value());
        m.put("packetCount", s.packetsReceived());
        m.put("byteCount", s.bytesReceived());
        m.put("packetsLost", s.packetsLost());
        m.put("rtxPacketsReceived", s.rtxPacketsReceived());
        m.put("keyFramesReceived", s.keyFramesReceived());
        m.put("pliCount", keyFrameRequestsSent(s.ssrc()));
        m.put("score", s.score());
        out.add(m);
      }
      return out;
    });
  }

  public CompletableFuture<Map<String, Object>> dump() {
    return call(() -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", id);
      d.put("kind", kind.value());
      d.put("type", type.value());
      d.put("paused", paused);
      d.put("streams", registeredSsrcs.size());
      List<String> cs = new ArrayList<>();
      for (Consumer c : consumers) {
        cs.add(c.id());
      }
      d.put("consumerIds", cs);
      return d;
    });
  }

  // ---------------------------------------------------------------- loop internals

  private <T> CompletableFuture<T> call(Worker.LoopTask<T> task) {
    return transport.router().worker().call(task);
  }

  /** Hot path: one valid packet of one of this producer's media streams. */
  void receiveRtp(RtpStreamRecv stream, RtpPacket packet, long nowMs) {
    int pt = packet.payloadType();
    if (mappedPayloadType[pt] < 0 || rtxPayloadType[pt]) {
      transport.countDrop(EngineReason.UNKNOWN_PAYLOAD_TYPE);
      return;
    }
    boolean keyFrame = kind == MediaKind.VIDEO && packet.payloadLength() > 0
        && CodecKeyFrameDetector.isKeyFrame(mimeByPayloadType[pt], packet.buffer(),
            packet.payloadOffset(), packet.payloadLength());
    stream.onPacket(packet.sequenceNumber(), packet.length(), keyFrame, nowMs);
    if (keyFrame) {
      keyFrames.onKeyFrame(stream.ssrc(), nowMs);
    }
    lastNowMs = nowMs;
    RtcpReceiverReportGenerator rr = receiverReport(stream);
    if (rr != null) {
      rr.onPacket(packet.sequenceNumber(), packet.timestamp(), nowMs, receivingRtx);
    }
    NackGenerator nack = nackGenerator(stream);
    if (nack != null) {
      nack.onPacket(packet.sequenceNumber(), keyFrame, nowMs);
    }
    AudioLevelSink[] sinks = audioLevelSinks;
    if (sinks.length > 0 && audioLevelExtId > 0 && packet.extensionLength(audioLevelExtId) >= 1) {
      int level = packet.extensionU8(audioLevelExtId);
      for (AudioLevelSink sink : sinks) {
        sink.onAudioLevel(level);
      }
    }
    if (paused) {
      transport.countDrop(EngineReason.PRODUCER_PAUSED);
      return;
    }
    ArrayList<Consumer> cs = consumers;
    sharedPacket.reset(packet.buffer(), packet.offset(), packet.length());
    try {
      // Index loop: no iterator allocation; a consumer closed by a listener mid-loop is tolerated.
      for (int i = 0; i < cs.size(); i++) {
        Consumer c = cs.get(i);
        c.packetNowMs = nowMs; // send time for transport-cc stamping
        c.onRtpPacket(stream, packet, keyFrame, nowMs);
      }
    } finally {
      sharedPacket.done();
    }
  }

  /**
   * One packet of {@code stream}'s RTX stream (RFC 4588): restores the original packet (OSN from
   * the first two payload bytes, associated payload type, media SSRC) into a pooled copy and
   * feeds it through {@link #receiveRtp} as a late packet, which repairs the NACK entry and lets
   * consumers forward it. Only reads {@code rtx}; the copy is released before returning.
   */
  void receiveRtx(RtpStreamRecv stream, RtpPacket rtx, long nowMs) {
    int apt = aptByRtxPayloadType[rtx.payloadType()];
    if (apt < 0 || rtx.payloadLength() < 2) {
      transport.countDrop(EngineReason.RTX_NOT_FORWARDED);
      return; // padding-only RTX (bandwidth probing) or unknown payload type
    }
    ByteBuf buf = rtx.buffer();
    int osn = buf.getUnsignedShort(rtx.payloadOffset());
    NackGenerator nack = nackGenerator(stream);
    if (nack != null && !nack.isPending(osn)) {
      // Not a repair: libwebrtc probes bandwidth with RTX copies of packets already received
      // ("payload padding"). Re-injected, they count twice (negative loss in our RRs) for nothing.
      transport.countDrop(EngineReason.RTX_NOT_FORWARDED);
      return;
    }
    int header = rtx.headerLength();
    int payload = rtx.payloadLength() - 2;
    ByteBuf copy = transport.router().worker().allocator().heapBuffer(header + payload);
    try {
      copy.writeBytes(buf, rtx.offset(), header);
      copy.writeBytes(buf, rtx.payloadOffset() + 2, payload);
      copy.setByte(0, copy.getByte(0) & ~0x20); // padding was not copied
      copy.setByte(1, (copy.getByte(1) & 0x80) | apt);
      copy.setShort(2, osn);
      copy.setInt(8, (int) stream.ssrc());
      if (rtxView.wrap(copy) == org.sfu4j.media.rtp.RtpDropReason.OK) {
        if (nack != null) {
          rtxRecovered++;
        }
        receivingRtx = true;
        receiveRtp(stream, rtxView, nowMs);
      }
    } finally {
      receivingRtx = false;
      rtxView.clear();
      copy.release();
    }
  }

  /** The shared stored copy of the packet being fanned out (see {@link SharedPacket}). */
  SharedPacket sharedPacket() {
    return sharedPacket;
  }

  /** Packets repaired through RTX (they were pending a NACK when they arrived). */
  long rtxRecoveredCount() {
    return rtxRecovered;
  }

  /** NACK generator of a stream (created on first use, video only), or null. */
  NackGenerator nackGenerator(RtpStreamRecv stream) {
    if (kind != MediaKind.VIDEO) {
      return null;
    }
    int layer = stream.encodingIndex();
    if (layer < 0 || layer >= nackGenerators.length || streams[layer] != stream) {
      return null;
    }
    NackGenerator g = nackGenerators[layer];
    if (g == null) {
      g = new NackGenerator(new NackSender(layer));
      if (xrRttMs >= 0) {
        g.setRtt((int) Math.min(Integer.MAX_VALUE, xrRttMs));
      }
      nackGenerators[layer] = g;
    }
    return g;
  }

  /** Router tick: NACK retries and give-ups; a Receiver Report every second. */
  void tick(long nowMs) {
    lastNowMs = nowMs;
    for (NackGenerator g : nackGenerators) {
      if (g != null) {
        g.onTick(nowMs);
      }
    }
    if (keyFrames != null && !closed) {
      keyFrames.onTick(nowMs);
    }
    measureBitrates(nowMs);
    if (nextReportMs == Long.MIN_VALUE) {
      nextReportMs = nowMs + RTCP_REPORT_INTERVAL_MS;
    } else if (nowMs >= nextReportMs && !closed) {
      nextReportMs = nowMs + RTCP_REPORT_INTERVAL_MS;
      sendReceiverReport(nowMs);
    }
  }

  /** One RR with a report block per stream that received packets (RFC 3550 6.4.2). */
  void sendReceiverReport(long nowMs) {
    rrBuilder.clearReportBlocks().senderSsrc(transport.rtcpSsrc());
    int blocks = 0;
    boolean scoreChanged = false;
    for (int layer = 0; layer < receiverReports.length; layer++) {
      RtcpReceiverReportGenerator g = receiverReports[layer];
      if (g != null && g.addReportBlock(rrBuilder, nowMs)) {
        blocks++;
        if (streams[layer] != null
            && streams[layer].onReportInterval(g.intervalExpected(), g.intervalLost())) {
          scoreChanged = true;
        }
      }
    }
    if (scoreChanged) {
      fireScore();
    }
    if (blocks == 0) {
      return;
    }
    // RFC 3550 6.1: every compound carries an SDES CNAME.
    org.sfu4j.media.rtcp.Sdes.Builder sdes = transport.sdesBuilder().clear();
    sdes.addCname(transport.rtcpSsrc(), transport.rtcpCname());
    // RFC 3611 4.4: an RRTR lets the endpoint answer with a DLRR, giving us (the receiver) RTT.
    long ntp = org.sfu4j.media.quality.NtpTime.fromUnixMs(System.currentTimeMillis());
    org.sfu4j.media.rtcp.ExtendedReport.Builder xr =
        transport.xrBuilder().clear().ssrc(transport.rtcpSsrc()).rrtr(ntp);
    ByteBuf out = transport.router().worker().allocator()
        .heapBuffer(rrBuilder.sizeInBytes() + xr.sizeInBytes() + sdes.sizeInBytes());
    rrBuilder.writeTo(out);
    xr.writeTo(out);
    sdes.writeTo(out);
    rrtrHistory.onRrtrSent(ntp, nowMs);
    transport.sendRtcpFromEngine(out);
  }

  /**
   * An XR DLRR sub-block addressed to our RTCP SSRC: if it echoes one of our RRTRs, the RTT
   * (now − LRR − DLRR) becomes this producer's RTT for NACK retries.
   *
   * @return the RTT in ms, or -1 when the LRR is not ours
   */
  long onDlrr(long lastRr, long delaySinceLastRr, long nowMs) {
    long rtt = rrtrHistory.onDlrr(lastRr, delaySinceLastRr, nowMs);
    if (rtt >= 0) {
      xrRttMs = rtt;
      for (NackGenerator g : nackGenerators) {
        if (g != null) {
          g.setRtt((int) Math.min(Integer.MAX_VALUE, rtt));
        }
      }
    }
    return rtt;
  }

  /** RTT measured from XR RRTR/DLRR, -1 if none yet. */
  long xrRttMs() {
    return xrRttMs;
  }

  /** A Sender Report arrived for {@code stream}: LSR/DLSR and the NTP/RTP mapping. */
  void onSenderReport(RtpStreamRecv stream, long ntp, long rtpTimestamp, long nowMs) {
    RtcpReceiverReportGenerator g = receiverReport(stream);
    if (g != null) {
      g.onSenderReport(ntp, rtpTimestamp, nowMs);
    }
  }

  /** Reception statistics of a bound stream (created on first use), or null. */
  RtcpReceiverReportGenerator receiverReport(RtpStreamRecv stream) {
    int layer = stream.encodingIndex();
    if (layer < 0 || layer >= receiverReports.length || streams[layer] != stream) {
      return null;
    }
    RtcpReceiverReportGenerator g = receiverReports[layer];
    if (g == null || g.ssrc() != stream.ssrc()) {
      g = new RtcpReceiverReportGenerator(stream.ssrc(), Math.max(1, stream.clockRate()));
      receiverReports[layer] = g;
    }
    return g;
  }

  /** Receiver report state of encoding {@code layer}, or null. */
  RtcpReceiverReportGenerator receiverReport(int layer) {
    return layer >= 0 && layer < receiverReports.length ? receiverReports[layer] : null;
  }

  /** Id of the transport-wide-cc extension in this producer's packets, 0 if not negotiated. */
  int transportCcExtId() {
    return transportCcExtId;
  }

  private long lastNowMs;

  /** Sends the generator's NACKs upstream for one encoding; key frame when repair failed. */
  private final class NackSender implements NackGenerator.Listener {
    private final int layer;

    NackSender(int layer) {
      this.layer = layer;
    }

    @Override
    public void onNackRequired(int[] seqs, int count) {
      RtpStreamRecv s = streams[layer];
      if (s == null || closed) {
        return;
      }
      nackBuilder.clear().ssrcs(transport.rtcpSsrc(), s.ssrc()).addSequenceNumbers(seqs, count);
      ByteBuf out = transport.router().worker().allocator().heapBuffer(nackBuilder.sizeInBytes());
      nackBuilder.writeTo(out);
      transport.sendRtcpFromEngine(out);
    }

    @Override
    public void onKeyFrameRequired() {
      requestKeyFrame(layer, lastNowMs);
    }
  }

  /**
   * A key frame of stream {@code layer} is wanted (consumer PLI/FIR, resume, layer switch,
   * unrepairable loss): handed to the {@link KeyFrameRequestManager}, which sends at most one
   * request per interval upstream and defers the rest until the window ends.
   */
  void requestKeyFrame(int layer, long nowMs) {
    if (closed || keyFrames == null || layer < 0 || layer >= streams.length) {
      return;
    }
    RtpStreamRecv s = streams[layer];
    if (s != null) {
      keyFrames.keyFrameNeeded(s.ssrc(), nowMs);
    }
  }

  /**
   * Writes the upstream request: a PLI (RFC 4585 6.3.1), or a FIR (RFC 5104 4.3.1) with the
   * manager's command sequence number when the endpoint negotiated {@code ccm fir} without
   * {@code nack pli}.
   */
  private void sendKeyFrameRequest(long ssrc, boolean fir, int firSeq) {
    if (closed) {
      return;
    }
    ByteBuf out;
    if (fir) {
      firBuilder.clear().senderSsrc(transport.rtcpSsrc()).add(ssrc, firSeq);
      out = transport.router().worker().allocator().heapBuffer(firBuilder.sizeInBytes() + 64);
      firBuilder.writeTo(out);
    } else {
      out = transport.router().worker().allocator().heapBuffer(Pli.SIZE + 64);
      Pli.write(out, transport.rtcpSsrc(), ssrc);
    }
    transport.sendRtcpFromEngine(out);
  }

  /** Upstream key-frame requests actually sent for {@code ssrc} (after aggregation). */
  long keyFrameRequestsSent(long ssrc) {
    return keyFrames == null ? 0 : keyFrames.sentCount(ssrc);
  }

  private void measureBitrates(long nowMs) {
    if (bitrateWindowStartMs == Long.MIN_VALUE) {
      bitrateWindowStartMs = nowMs;
      return;
    }
    long dt = nowMs - bitrateWindowStartMs;
    if (dt < BITRATE_WINDOW_MS) {
      return;
    }
    bitrateWindowStartMs = nowMs;
    for (int i = 0; i < streams.length; i++) {
      RtpStreamRecv s = streams[i];
      long bytes = s == null ? 0 : s.bytesReceived();
      long delta = bytes - layerBytesAtWindowStart[i];
      layerBytesAtWindowStart[i] = bytes;
      layerBitrates[i][0] = delta <= 0 || !streamActive(i, nowMs) ? 0 : delta * 8 * 1000 / dt;
    }
  }

  /** Measured bitrate per encoding, {@code [spatial][0]} in bps (0 = inactive); loop only. */
  long[][] layerBitrates() {
    return layerBitrates;
  }

  boolean streamActive(int layer, long nowMs) {
    RtpStreamRecv s = streams[layer];
    return s != null && s.isActive(nowMs, ACTIVE_WINDOW_MS);
  }

  RtpStreamRecv stream(int layer) {
    return streams[layer];
  }

  int clockRateOfFirstCodec() {
    return rtpParameters.codecs.get(0).clockRate == null ? 90000 : rtpParameters.codecs.get(0).clockRate;
  }

  /** Binds encodings that carry an SSRC (and RTX SSRC) in the signaling, before any packet. */
  void registerSignaledStreams() {
    int clockRate = clockRateOfFirstCodec();
    for (int i = 0; i < streams.length; i++) {
      RtpEncodingParameters e = rtpParameters.encodings.get(i);
      if (e.ssrc == null) {
        continue;
      }
      RtpStreamRecv s = new RtpStreamRecv(e.ssrc, e.rid, i, clockRate);
      streams[i] = s;
      if (keyFrames != null) {
        keyFrames.addStream(e.ssrc, useFir);
      }
      register(e.ssrc, new StreamRoute(this, s, false));
      if (e.rtx != null && e.rtx.ssrc != null) {
        s.setRtxSsrc(e.rtx.ssrc);
        register(e.rtx.ssrc, new StreamRoute(this, s, true));
      }
    }
  }

  boolean hasRid(String rid) {
    return encodingIndexByRid(rid) >= 0;
  }

  /** Whether an unknown SSRC without MID/RID may be this producer's (one encoding, no SSRC). */
  boolean acceptsUnsignaledSsrc() {
    return streams.length == 1 && rtpParameters.encodings.get(0).ssrc == null
        && rtpParameters.encodings.get(0).rid == null;
  }

  /**
   * Binds a new SSRC seen with this producer's MID: by RID to an encoding, by repaired-RID (or RTX
   * payload type for a single encoding) to that encoding's RTX. Null when it cannot be placed.
   * The caller registers the returned route in the transport's SSRC table.
   */
  StreamRoute learnStream(long ssrc, String rid, String rrid, int payloadType) {
    if (closed) {
      return null;
    }
    boolean rtx = rrid != null || rtxPayloadType[payloadType];
    if (rtx) {
      int idx = rrid != null ? encodingIndexByRid(rrid) : (streams.length == 1 ? 0 : -1);
      if (idx < 0 || streams[idx] == null) {
        return null;
      }
      streams[idx].setRtxSsrc(ssrc);
      registeredSsrcs.add(ssrc);
      return new StreamRoute(this, streams[idx], true);
    }
    int idx = rid != null ? encodingIndexByRid(rid) : (acceptsUnsignaledSsrc() ? 0 : -1);
    if (idx < 0) {
      return null;
    }
    if (streams[idx] != null) {
      transport.unregisterRoute(streams[idx].ssrc(), this);
      if (keyFrames != null) {
        keyFrames.removeStream(streams[idx].ssrc());
      }
    }
    if (keyFrames != null) {
      keyFrames.addStream(ssrc, useFir);
    }
    int clockRate = clockRateByPayloadType[payloadType] == 0 ? clockRateOfFirstCodec()
        : clockRateByPayloadType[payloadType];
    RtpStreamRecv s = new RtpStreamRecv(ssrc, rid, idx, clockRate);
    streams[idx] = s;
    registeredSsrcs.add(ssrc);
    return new StreamRoute(this, s, false);
  }

  private void register(long ssrc, StreamRoute route) {
    transport.registerRoute(ssrc, route);
    registeredSsrcs.add(ssrc);
  }

  private int encodingIndexByRid(String rid) {
    for (int i = 0; i < streams.length; i++) {
      if (rid.equals(rtpParameters.encodings.get(i).rid)) {
        return i;
      }
    }
    return -1;
  }

  void addAudioLevelSink(AudioLevelSink sink) {
    AudioLevelSink[] a = Arrays.copyOf(audioLevelSinks, audioLevelSinks.length + 1);
    a[a.length - 1] = sink;
    audioLevelSinks = a;
  }

  int audioLevelSinkCount() {
    return audioLevelSinks.length;
  }

  void removeAudioLevelSink(AudioLevelSink sink) {
    List<AudioLevelSink> l = new ArrayList<>(Arrays.asList(audioLevelSinks));
    l.remove(sink);
    audioLevelSinks = l.toArray(new AudioLevelSink[0]);
  }

  void addConsumer(Consumer c) {
    consumers.add(c);
  }

  void removeConsumer(Consumer c) {
    consumers.remove(c);
  }

  int consumerCount() {
    return consumers.size();
  }

  void closeFromTransport() {
    closeInternal(true);
  }

  private void closeInternal(boolean transportClosed) {
    if (closed) {
      return;
    }
    closed = true;
    for (Consumer c : new ArrayList<>(consumers)) {
      c.closeFromProducer();
    }
    consumers.clear();
    for (Long ssrc : registeredSsrcs) {
      transport.unregisterRoute(ssrc, this);
    }
    registeredSsrcs.clear();
    transport.onProducerClosed(this);
    transport.router().removeProducer(this);
    for (Listener l : new ArrayList<>(listeners)) {
      if (transportClosed) {
        l.onTransportClose();
      }
      l.onClose();
    }
    listeners.clear();
  }
}
