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
import org.sfu4j.media.ortc.RtpCodecParameters;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpMapping;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.ortc.ScalabilityMode;
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
      }
    }
  }

  private static ProducerType typeOf(RtpParameters params) {
    if (params.encodings.size() > 1) {
      return ProducerType.SIMULCAST;
    }
    String mode = params.encodings.get(0).scalabilityMode;
    if (mode != null && ScalabilityMode.parse(mode).spatialLayers() > 1) {
      return ProducerType.SVC;
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
        m.put("pliCount", s.keyFrameRequests());
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
    if (paused) {
      transport.countDrop(EngineReason.PRODUCER_PAUSED);
      return;
    }
    ArrayList<Consumer> cs = consumers;
    // Index loop: no iterator allocation; a consumer closed by a listener mid-loop is tolerated.
    for (int i = 0; i < cs.size(); i++) {
      cs.get(i).onRtpPacket(stream, packet, keyFrame, nowMs);
    }
  }

  /** Sends a PLI for stream {@code layer} unless one went out less than the interval ago. */
  void requestKeyFrame(int layer, long nowMs) {
    if (closed || kind != MediaKind.VIDEO || layer < 0 || layer >= streams.length) {
      return;
    }
    RtpStreamRecv s = streams[layer];
    if (s == null || !s.tryKeyFrameRequest(nowMs, keyFrameRequestIntervalMs)) {
      return;
    }
    // RFC 4585 6.3.1 PLI: V=2 FMT=1, PT=PSFB, length 2 words, sender SSRC, media SSRC.
    ByteBuf pli = transport.router().worker().allocator().heapBuffer(12 + 64);
    pli.writeByte(0x81).writeByte(206).writeShort(2)
        .writeInt((int) transport.rtcpSsrc()).writeInt((int) s.ssrc());
    transport.sendRtcpFromEngine(pli);
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
