package org.sfu4j.media.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpCodecCapability;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;

/**
 * A worker with a hand-stepped clock and no real-time router tick, one router (opus + VP8, like mediasoup's defaults so the
 * Chrome device capabilities fixture matches), a sending and a receiving DirectTransport, and
 * recorders for what the receiving side gets and what RTCP the engine sends upstream.
 */
final class EngineHarness implements AutoCloseable {
  /** What a consumer emitted, decoded from a copy of its packet. */
  static final class Out {
    final Consumer consumer;
    final byte[] bytes;
    final int seq;
    final long ts;
    final long ssrc;
    final int pt;
    final Map<Integer, byte[]> extensions = new LinkedHashMap<>();

    Out(Consumer consumer, ByteBuf buf) {
      this.consumer = consumer;
      this.bytes = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), bytes);
      RtpPacket p = new RtpPacket();
      if (p.wrap(Unpooled.wrappedBuffer(bytes)) != RtpDropReason.OK) {
        throw new AssertionError("consumer emitted an invalid RTP packet");
      }
      seq = p.sequenceNumber();
      ts = p.timestamp();
      ssrc = p.ssrc();
      pt = p.payloadType();
      for (int id = 1; id < 15; id++) {
        if (p.hasExtension(id)) {
          byte[] v = new byte[p.extensionLength(id)];
          p.buffer().getBytes(p.extensionOffset(id), v);
          extensions.put(id, v);
        }
      }
    }

    @Override
    public String toString() {
      return "seq=" + seq + " ts=" + ts + " ssrc=" + ssrc + " pt=" + pt;
    }
  }

  final AtomicLong clock = new AtomicLong(1_000_000);
  final Worker worker;
  final Router router;
  final DirectTransport send;
  final DirectTransport recv;
  final List<Out> received = new ArrayList<>();
  final List<byte[]> rtcpUpstream = new ArrayList<>();

  EngineHarness() {
    this(new WorkerSettings());
  }

  EngineHarness(WorkerSettings settings) {
    this(settings, defaultCodecs());
  }

  EngineHarness(WorkerSettings settings, List<RtpCodecCapability> codecs) {
    // The clock only moves when a test steps it, so a real-time router tick would run at random
    // points of a test at whatever the clock says: tests tick by hand (router.tick) instead.
    worker = Worker.create(settings.nowMs(clock::get).routerTickIntervalMs(0));
    router = worker.createRouter(new RouterOptions(codecs)).join();
    send = router.createDirectTransport(null).join();
    recv = router.createDirectTransport(null).join();
    recv.setRtpListener((c, buf) -> received.add(new Out(c, buf)));
    send.setRtcpListener(buf -> {
      byte[] b = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), b);
      rtcpUpstream.add(b);
    });
    sync();
  }

  static List<RtpCodecCapability> defaultCodecs() {
    return EngineFixtures.defaultCodecs();
  }

  /** opus, VP8 and VP9 (profile-id 0), router payload types 100, 101, 103. */
  static List<RtpCodecCapability> codecsWithVp9() {
    List<RtpCodecCapability> l = defaultCodecs();
    RtpCodecCapability vp9 = new RtpCodecCapability();
    vp9.kind = MediaKind.VIDEO;
    vp9.mimeType = "video/VP9";
    vp9.clockRate = 90000;
    vp9.parameters = new java.util.HashMap<>(Map.of("profile-id", 0));
    l.add(vp9);
    return l;
  }

  static JsonNode fixture(String name) {
    return EngineFixtures.fixture(name);
  }

  static RtpCapabilities deviceCaps() {
    return EngineFixtures.deviceCaps();
  }

  static ProducerOptions producerOptions(String fixtureName) {
    JsonNode n = fixture(fixtureName);
    ProducerOptions o = new ProducerOptions();
    o.kind = MediaKind.valueOf(n.get("kind").asText().toUpperCase(java.util.Locale.ROOT));
    o.rtpParameters = Ortc.JSON.convertValue(n.get("rtpParameters"), RtpParameters.class);
    o.appData.put("source", n.get("appData").get("source").asText());
    return o;
  }

  /** Simple VP8 producer with a signaled SSRC and no extensions. */
  static ProducerOptions vp8Simple(long ssrc) {
    ProducerOptions o = producerOptions("chrome-produce-vp8-simulcast.json");
    RtpParameters p = o.rtpParameters;
    p.encodings.subList(1, p.encodings.size()).clear();
    p.encodings.get(0).rid = null;
    p.encodings.get(0).scalabilityMode = null;
    p.encodings.get(0).ssrc = ssrc;
    p.headerExtensions.removeIf(e -> e.uri.contains("rtp-stream-id"));
    p.mid = null;
    return o;
  }

  private final java.util.Set<String> usedMids = new java.util.HashSet<>();

  /** Produces on {@code send}; a fixture mid already used on it is replaced by a fresh one. */
  Producer produce(ProducerOptions o) {
    if (o.rtpParameters.mid != null && !usedMids.add(o.rtpParameters.mid)) {
      o.rtpParameters.mid = "p" + usedMids.size();
      usedMids.add(o.rtpParameters.mid);
    }
    return send.produce(o).join();
  }

  Consumer consume(Producer p, boolean paused) {
    ConsumerOptions o = new ConsumerOptions(p.id(), deviceCaps());
    o.paused = paused;
    return recv.consume(o).join();
  }

  /** Waits until everything posted so far ran on the loop. */
  void sync() {
    worker.call(() -> null).join();
  }

  <T> T onLoop(Worker.LoopTask<T> t) {
    return worker.call(t).join();
  }

  void inject(ByteBuf packet) {
    try {
      send.injectRtp(packet);
    } finally {
      packet.release();
    }
    sync();
  }

  void advance(long ms) {
    clock.addAndGet(ms);
  }

  /** VP8 payload: descriptor (S=1, PID 0) + 3 bytes of frame header; key frames have P=0. */
  static byte[] vp8Payload(boolean keyFrame) {
    return new byte[] {0x10, (byte) (keyFrame ? 0x10 : 0x11), 0x02, 0x00, 0x55, 0x66};
  }

  /** Builds an RTP packet with one-byte header extensions (id -> value). */
  static ByteBuf rtp(int pt, int seq, long ts, long ssrc, Map<Integer, byte[]> ext, byte[] payload) {
    ByteBuf b = Unpooled.buffer(256);
    boolean hasExt = ext != null && !ext.isEmpty();
    b.writeByte(hasExt ? 0x90 : 0x80).writeByte(pt & 0x7F).writeShort(seq).writeInt((int) ts).writeInt((int) ssrc);
    if (hasExt) {
      int len = 0;
      for (byte[] v : ext.values()) {
        len += 1 + v.length;
      }
      int words = (len + 3) / 4;
      b.writeShort(0xBEDE).writeShort(words);
      for (Map.Entry<Integer, byte[]> e : ext.entrySet()) {
        b.writeByte((e.getKey() << 4) | (e.getValue().length - 1)).writeBytes(e.getValue());
      }
      for (int i = len; i < words * 4; i++) {
        b.writeByte(0);
      }
    }
    b.writeBytes(payload);
    return b;
  }

  static Map<Integer, byte[]> ext(Object... idValue) {
    Map<Integer, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < idValue.length; i += 2) {
      Object v = idValue[i + 1];
      m.put((Integer) idValue[i], v instanceof String ? ((String) v).getBytes(java.nio.charset.StandardCharsets.US_ASCII) : (byte[]) v);
    }
    return m;
  }

  /** Media SSRCs of the PLIs the engine sent upstream so far (and clears the record). */
  List<Long> takePliMediaSsrcs() {
    List<Long> l = new ArrayList<>();
    for (byte[] b : rtcpUpstream) {
      if (b.length == 12 && (b[0] & 0x1F) == 1 && (b[1] & 0xFF) == 206) {
        l.add(Unpooled.wrappedBuffer(b).getUnsignedInt(8));
      }
    }
    rtcpUpstream.clear();
    return l;
  }

  List<Out> take() {
    List<Out> l = new ArrayList<>(received);
    received.clear();
    return l;
  }

  @Override
  public void close() {
    worker.close().join();
  }
}
