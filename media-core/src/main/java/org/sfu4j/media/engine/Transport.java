package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.NotFoundException;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.RtpDropCounters.EngineReason;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpHeaderExtensionParameters;
import org.sfu4j.media.ortc.RtpMapping;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.bwe.TransportCcFeedbackGenerator;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtcp.RtcpCompoundCursor;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;

/**
 * Base of every transport: owns producers and consumers and routes packets between them and the
 * network.
 *
 * <h2>The seam for network transports</h2>
 * A subclass (DirectTransport, WebRtcTransport, PlainTransport) is constructed by
 * {@link Router#createTransport(java.util.function.Function)} with the {@link TransportContext}
 * it is handed, and talks to the engine only through these methods, all on the worker's loop:
 * <ul>
 *   <li>{@link #receiveRtp(ByteBuf, long)}: a decrypted RTP packet came in. The engine parses it
 *       with one reusable view, finds the receive stream by SSRC in O(1) (learning unknown SSRCs
 *       by MID + RID / repaired-RID once) and forwards it to the producer's consumers. It does not
 *       release or retain {@code buf}; the caller releases after the call returns.
 *   <li>{@link #receiveRtcp(ByteBuf, long)}: a decrypted RTCP compound packet; same ownership.
 *       PLI/FIR/NACK are routed by media SSRC to the consumer (O(1)), SR to the receive stream.
 *   <li>{@link #sendRtp(Consumer, ByteBuf)} / {@link #sendRtcp(ByteBuf)}: the engine hands an
 *       outbound packet to the subclass, which TAKES OWNERSHIP and must release it (after writing
 *       it out). RTP buffers are pooled HEAP buffers with at least 32 bytes of tail room so SRTP
 *       can protect the array in place and append its tag.
 *   <li>{@link #isReadyToSend()}: false (e.g. DTLS not connected) makes forwarding to this
 *       transport's consumers a counted skip, before any copy is made.
 *   <li>{@link #onClose()}: release sockets/timers; called once, on the loop, after the engine
 *       closed this transport's producers and consumers.
 * </ul>
 * Listener callbacks must not inject packets synchronously back into the transport that is
 * currently forwarding (its parse view is in use).
 */
public abstract class Transport {
  /** Transport events, delivered on the loop. */
  public interface Listener {
    default void onNewProducer(Producer producer) {}

    default void onNewConsumer(Consumer consumer) {}

    default void onRouterClose() {}

    /** Once a second while the downlink estimate is running (transport-cc feedback or REMB). */
    default void onDownlinkBwe(DownlinkBwe bwe) {}

    default void onClose() {}
  }

  private static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
  private static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
  private static final String RRID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

  private final TransportContext context;
  private final Router router;
  private final Worker worker;
  private final String id;
  private final Map<String, Object> appData;
  private final long rtcpSsrc = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;

  private final Map<String, Producer> producers = new LinkedHashMap<>();
  private final Map<String, Consumer> consumers = new LinkedHashMap<>();
  private final IntObjectHashMap<StreamRoute> routesBySsrc = new IntObjectHashMap<>();
  private final Map<String, Producer> producersByMid = new HashMap<>();
  private final IntObjectHashMap<Consumer> consumersBySsrc = new IntObjectHashMap<>();
  private final List<Listener> listeners = new ArrayList<>();

  private final RtpPacket inView = new RtpPacket();
  private final RtpPacket outView = new RtpPacket();
  private final RtcpCompoundCursor rtcpCursor = new RtcpCompoundCursor();
  private final GenericNack nackView = new GenericNack();
  /** transport-cc feedback for what the endpoint sends us (created when a producer uses it). */
  private TransportCcFeedbackGenerator transportCcFeedback;
  private final RtpDropCounters drops;
  /** The worker's totals (loop-confined, see {@link WorkerCounters}). */
  private final WorkerCounters counters;
  /** CNAME of the RTCP this transport originates as a receiver (RFC 3550 6.5.1). */
  private final String rtcpCname = "sfu4j-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private final org.sfu4j.media.rtcp.Sdes.Builder sdesBuilder = new org.sfu4j.media.rtcp.Sdes.Builder();
  private final org.sfu4j.media.rtcp.ExtendedReport.Builder xrBuilder =
      new org.sfu4j.media.rtcp.ExtendedReport.Builder();
  private final org.sfu4j.media.rtcp.ExtendedReport xrView = new org.sfu4j.media.rtcp.ExtendedReport();
  /**
   * The endpoint's last XR RRTR (RFC 3611 4.4) not yet answered: the next consumer SR compound
   * carries the DLRR (4.5) so the endpoint, as a receiver, can measure RTT.
   */
  private boolean rrtrPending;
  private long rrtrSsrc;
  private long rrtrLastRr;
  private long rrtrReceivedMs;
  /** Send-side BWE of what this transport's consumers send. */
  private final TransportBwe bwe = new TransportBwe(this);
  /**
   * Earliest tick time at which a consumer of this transport has timer work (its next Sender
   * Report); {@link Long#MIN_VALUE} after a consumer was added (its first tick arms its timers).
   */
  private long consumersDueMs = Long.MIN_VALUE;
  /** Earliest tick time at which {@link #tick} has work when there are no producers. */
  private long nextTickDueMs = Long.MIN_VALUE;

  private int midExtId;
  private int ridExtId;
  private int rridExtId;
  private int nextMid;
  private boolean closed;

  private long rtpPacketsReceived;
  private long rtpBytesReceived;
  private long rtpPacketsSent;
  private long rtpBytesSent;
  private long rtcpPacketsReceived;
  private long rtcpPacketsSent;
  private long notReadySkipped;
  private long sendErrors;

  /** Subclasses pass the context the router's factory received. */
  protected Transport(TransportContext context, Map<String, Object> appData) {
    this.context = context;
    this.router = context.router();
    this.worker = router.worker();
    this.id = context.id();
    this.appData = appData == null ? new HashMap<>() : appData;
    this.counters = worker.counters();
    this.drops = new RtpDropCounters(counters);
  }

  public final String id() {
    return id;
  }

  public final Router router() {
    return router;
  }

  public final Map<String, Object> appData() {
    return appData;
  }

  /** Loop-confined view of the closed flag. */
  public final boolean closed() {
    return closed;
  }

  /** SSRC this transport uses as sender of the RTCP it originates (PLI, ...). */
  public final long rtcpSsrc() {
    return rtcpSsrc;
  }

  protected final TransportContext context() {
    return context;
  }

  protected final EventLoop eventLoop() {
    return worker.eventLoop();
  }

  protected final ByteBufAllocator allocator() {
    return worker.allocator();
  }

  protected final long nowMs() {
    return worker.nowMs();
  }

  public final void addListener(Listener listener) {
    worker.execute(() -> listeners.add(listener));
  }

  public final void removeListener(Listener listener) {
    worker.execute(() -> listeners.remove(listener));
  }

  // ---------------------------------------------------------------- public API

  /** Creates a producer (validating rtpParameters against the router's capabilities). */
  public final CompletableFuture<Producer> produce(ProducerOptions options) {
    return worker.call(() -> produceNow(options));
  }

  /** Creates a consumer of a router producer; its rtpParameters get {@code mid} "0", "1", ... */
  public final CompletableFuture<Consumer> consume(ConsumerOptions options) {
    return worker.call(() -> consumeNow(options));
  }

  /** Closes this transport and everything it owns. */
  public final CompletableFuture<Void> close() {
    return worker.call(() -> {
      closeInternal(false);
      return null;
    });
  }

  /** mediasoup-like stats: a one-element list with counters and drop reasons. */
  public final CompletableFuture<List<Map<String, Object>>> getStats() {
    return worker.call(() -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("type", typeName());
      s.put("transportId", id);
      s.put("timestamp", worker.nowMs());
      s.put("rtpPacketsReceived", rtpPacketsReceived);
      s.put("rtpBytesReceived", rtpBytesReceived);
      s.put("rtpPacketsSent", rtpPacketsSent);
      s.put("rtpBytesSent", rtpBytesSent);
      s.put("rtcpPacketsReceived", rtcpPacketsReceived);
      s.put("rtcpPacketsSent", rtcpPacketsSent);
      s.put("notReadySkipped", notReadySkipped);
      s.put("sendErrors", sendErrors);
      s.put("rtpDrops", drops.toMap());
      bwe.fillStats(s);
      fillStats(s);
      List<Map<String, Object>> l = new ArrayList<>();
      l.add(s);
      return l;
    });
  }

  public final CompletableFuture<Map<String, Object>> dump() {
    return worker.call(this::dumpNow);
  }

  // ---------------------------------------------------------------- the seam

  /**
   * Handles one decrypted inbound RTP packet ({@code readerIndex..writerIndex}). Loop only.
   * Neither retains nor releases {@code buf}; it is read, never modified.
   */
  protected final void receiveRtp(ByteBuf buf, long nowMs) {
    if (closed) {
      return;
    }
    RtpPacket packet = inView;
    RtpDropReason reason = packet.wrap(buf);
    if (reason != RtpDropReason.OK) {
      drops.count(reason);
      return;
    }
    rtpPacketsReceived++;
    rtpBytesReceived += packet.length();
    counters.rtpPacketsIn++;
    counters.rtpBytesIn += packet.length();
    StreamRoute route = routesBySsrc.get((int) packet.ssrc());
    if (route == null) {
      route = learnRoute(packet, nowMs);
      if (route == null) {
        drops.count(EngineReason.UNKNOWN_SSRC);
        return;
      }
    }
    // Before the RTX branch: the sender numbers RTX (retransmissions and BWE probe padding) in
    // the same transport-wide sequence; unrecorded, they read as lost and its estimate collapses.
    int twccId = route.producer.transportCcExtId();
    if (twccId > 0 && packet.extensionLength(twccId) == 2) {
      recordTransportCc(packet, twccId, nowMs);
    }
    if (route.rtx) {
      route.stream.onRtxPacket(nowMs);
      route.producer.receiveRtx(route.stream, packet, nowMs);
      return;
    }
    route.producer.receiveRtp(route.stream, packet, nowMs);
  }

  private void recordTransportCc(RtpPacket packet, int extId, long nowMs) {
    if (transportCcFeedback == null) {
      transportCcFeedback = new TransportCcFeedbackGenerator(fb -> {
        ByteBuf out = worker.allocator().heapBuffer(fb.sizeInBytes());
        fb.writeTo(out);
        sendRtcpFromEngine(out);
      }, 100);
      transportCcFeedback.setSsrcs(rtcpSsrc, packet.ssrc());
    }
    // The worker clock is in ms; TWCC has 250 µs resolution (finer arrival times need a µs clock).
    transportCcFeedback.onPacket(packet.extensionU16(extId), nowMs * 1000);
  }

  /**
   * Handles one decrypted inbound RTCP compound packet. Loop only. Neither retains nor releases
   * {@code buf}.
   */
  protected final void receiveRtcp(ByteBuf buf, long nowMs) {
    if (closed) {
      return;
    }
    RtcpCompoundCursor c = rtcpCursor;
    c.reset(buf, buf.readerIndex(), buf.readableBytes());
    while (c.next()) {
      rtcpPacketsReceived++;
      counters.rtcpPacketsIn++;
      int off = c.offset();
      int len = c.length();
      switch (c.packetType()) {
        case RtcpPacketType.SR:
          if (len >= 28) {
            StreamRoute r = routesBySsrc.get(buf.getInt(off + 4));
            if (r != null && !r.rtx) {
              r.stream.onSenderReport(buf.getUnsignedInt(off + 8), buf.getUnsignedInt(off + 12),
                  buf.getUnsignedInt(off + 16), nowMs);
              r.producer.onSenderReport(r.stream, buf.getLong(off + 8), buf.getUnsignedInt(off + 16),
                  nowMs);
            }
            onReportBlocks(buf, off + 28, c.count(), off + len);
          }
          break;
        case RtcpPacketType.RR:
          onReportBlocks(buf, off + 8, c.count(), off + len);
          break;
        case RtcpPacketType.PSFB:
          if (c.count() == 1 && len >= 12) { // PLI
            Consumer consumer = consumersBySsrc.get(buf.getInt(off + 8));
            if (consumer != null) {
              consumer.onKeyFrameRequested(nowMs);
            }
          } else if (c.count() == 15) { // AFB: REMB
            bwe.onAfb(buf, off, len, nowMs);
          } else if (c.count() == 4) { // FIR: FCI entries of 8 bytes from offset 12
            for (int at = off + 12; at + 8 <= off + len; at += 8) {
              Consumer consumer = consumersBySsrc.get(buf.getInt(at));
              if (consumer != null) {
                consumer.onKeyFrameRequested(nowMs);
              }
            }
          }
          break;
        case RtcpPacketType.RTPFB:
          if (c.count() == 1 && nackView.wrap(buf, off, len) == RtcpDropReason.OK) {
            Consumer consumer = consumersBySsrc.get((int) nackView.mediaSsrc());
            if (consumer != null) {
              consumer.onNack(nackView, nowMs);
            }
          } else if (c.count() == 15) { // transport-cc feedback
            bwe.onTransportCcFeedback(buf, off, len, nowMs);
          }
          break;
        case RtcpPacketType.XR:
          if (xrView.wrap(buf, off, len) == RtcpDropReason.OK) {
            onExtendedReport(xrView, nowMs);
          }
          break;
        default:
          break;
      }
    }
    if (c.dropReason() != RtcpDropReason.OK) {
      drops.count(EngineReason.RTCP_INVALID);
    }
  }

  private void onExtendedReport(org.sfu4j.media.rtcp.ExtendedReport xr, long nowMs) {
    if (xr.hasRrtr()) {
      rrtrPending = true;
      rrtrSsrc = xr.ssrc();
      rrtrLastRr = org.sfu4j.media.quality.NtpTime.compact(xr.rrtrNtpTimestamp());
      rrtrReceivedMs = nowMs;
    }
    for (int i = 0; i < xr.dlrrCount(); i++) {
      if (xr.dlrrSsrc(i) != rtcpSsrc) {
        continue;
      }
      long lastRr = xr.dlrrLastRr(i);
      long delay = xr.dlrrDelay(i);
      // Every producer sends RRTRs with our RTCP SSRC; the one that sent this LRR takes the RTT.
      for (Producer p : producers.values()) {
        if (p.onDlrr(lastRr, delay, nowMs) >= 0) {
          break;
        }
      }
    }
  }

  /**
   * Adds the DLRR answering the endpoint's pending RRTR to {@code xr} (once per RRTR).
   *
   * @return whether a sub-block was added
   */
  boolean addPendingDlrr(org.sfu4j.media.rtcp.ExtendedReport.Builder xr, long nowMs) {
    if (!rrtrPending) {
      return false;
    }
    rrtrPending = false;
    xr.addDlrr(rrtrSsrc, rrtrLastRr,
        org.sfu4j.media.quality.NtpTime.msToCompact(Math.max(0, nowMs - rrtrReceivedMs)));
    return true;
  }

  private void onReportBlocks(ByteBuf buf, int at, int count, int end) {
    for (int i = 0; i < count && at + 24 <= end; i++, at += 24) {
      Consumer consumer = consumersBySsrc.get(buf.getInt(at));
      if (consumer != null) {
        int cumulative = buf.getMedium(at + 5);
        consumer.sendStream().onReceiverReport(buf.getUnsignedByte(at + 4), cumulative);
        consumer.onReportBlock(buf.getUnsignedInt(at + 16), buf.getUnsignedInt(at + 20));
      }
    }
  }

  /**
   * Sends one consumer's RTP packet: TAKES OWNERSHIP of {@code packet} (must release it, also on
   * failure). Called on the loop.
   */
  protected abstract void sendRtp(Consumer consumer, ByteBuf packet);

  /** Sends one RTCP packet originated by the engine: TAKES OWNERSHIP of {@code packet}. */
  protected abstract void sendRtcp(ByteBuf packet);

  /** Whether packets can be sent now (e.g. DTLS connected); false skips forwarding, counted. */
  protected abstract boolean isReadyToSend();

  /** Subclass cleanup (sockets, timers). Called once on the loop after the cascade. */
  protected void onClose() {}

  /** Subclass-specific stats entries. */
  protected void fillStats(Map<String, Object> stats) {}

  /** Stats {@code type} value, e.g. "direct-transport". */
  protected String typeName() {
    return "transport";
  }

  // ---------------------------------------------------------------- engine internals (loop)

  Producer produceNow(ProducerOptions o) {
    checkOpen();
    if (o == null || o.kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (o.rtpParameters == null) {
      throw new IllegalArgumentException("rtpParameters is required");
    }
    RtpParameters params = o.rtpParameters.deepCopy();
    Ortc.validateRtpParameters(params);
    Producer.checkCodecKinds(o.kind, params);
    if (params.encodings == null || params.encodings.isEmpty()) {
      throw new IllegalArgumentException("rtpParameters.encodings must not be empty");
    }
    RtpCapabilities caps = router.rtpCapabilitiesShared();
    RtpMapping mapping = Ortc.getProducerRtpParametersMapping(params, caps);
    RtpParameters consumable = Ortc.getConsumableRtpParameters(o.kind, params, caps, mapping);
    if (params.mid != null && producersByMid.containsKey(params.mid)) {
      throw new IllegalArgumentException("rtpParameters.mid already in use: " + params.mid);
    }
    for (RtpEncodingParameters e : params.encodings) {
      if (e.ssrc != null && routesBySsrc.containsKey((int) (long) e.ssrc)) {
        throw new IllegalArgumentException("ssrc already in use: " + e.ssrc);
      }
      if (e.rtx != null && e.rtx.ssrc != null && routesBySsrc.containsKey((int) (long) e.rtx.ssrc)) {
        throw new IllegalArgumentException("rtx ssrc already in use: " + e.rtx.ssrc);
      }
    }
    long interval = o.keyFrameRequestDelay > 0 ? o.keyFrameRequestDelay
        : worker.settings().keyFrameRequestIntervalMs();
    Producer producer = new Producer(this, o, params, mapping, consumable, interval);
    learnExtensionIds(params);
    producers.put(producer.id(), producer);
    if (params.mid != null) {
      producersByMid.put(params.mid, producer);
    }
    producer.registerSignaledStreams();
    for (Listener l : new ArrayList<>(listeners)) {
      l.onNewProducer(producer);
    }
    router.addProducer(producer);
    return producer;
  }

  Consumer consumeNow(ConsumerOptions o) {
    checkOpen();
    if (o == null || o.producerId == null) {
      throw new IllegalArgumentException("producerId is required");
    }
    if (o.rtpCapabilities == null) {
      throw new IllegalArgumentException("rtpCapabilities is required");
    }
    Producer producer = router.producer(o.producerId);
    if (producer == null) {
      throw new NotFoundException("producer not found: " + o.producerId);
    }
    RtpCapabilities caps = o.rtpCapabilities.deepCopy();
    Ortc.validateRtpCapabilities(caps);
    if (!Ortc.canConsume(producer.consumableRtpParametersShared(), caps)) {
      throw new UnsupportedException("cannot consume producer " + o.producerId
          + " with the given rtpCapabilities");
    }
    RtpParameters params = Ortc.getConsumerRtpParameters(
        producer.consumableRtpParametersShared(), caps, false, o.enableRtx);
    params.mid = String.valueOf(nextMid++);
    Consumer consumer;
    switch (producer.type()) {
      case SIMULCAST:
        consumer = new SimulcastConsumer(this, producer, o, params);
        break;
      case SVC:
        consumer = new SvcConsumer(this, producer, o, params);
        break;
      default:
        consumer = new SimpleConsumer(this, producer, o, params);
        break;
    }
    if (consumersBySsrc.containsKey((int) consumer.ssrc())) {
      throw new IllegalStateException("consumer ssrc collision: " + consumer.ssrc());
    }
    consumers.put(consumer.id(), consumer);
    consumersDueMs = Long.MIN_VALUE;
    nextTickDueMs = Long.MIN_VALUE;
    consumersBySsrc.put((int) consumer.ssrc(), consumer);
    if (consumer.rtxSsrc() >= 0) {
      consumersBySsrc.put((int) consumer.rtxSsrc(), consumer);
    }
    producer.addConsumer(consumer);
    consumer.start(worker.nowMs());
    for (Listener l : new ArrayList<>(listeners)) {
      l.onNewConsumer(consumer);
    }
    return consumer;
  }

  void closeInternal(boolean routerClosed) {
    if (closed) {
      return;
    }
    closed = true;
    router.onTransportClosed(this);
    for (Consumer c : new ArrayList<>(consumers.values())) {
      c.closeFromTransport();
    }
    for (Producer p : new ArrayList<>(producers.values())) {
      p.closeFromTransport();
    }
    consumers.clear();
    producers.clear();
    routesBySsrc.clear();
    consumersBySsrc.clear();
    producersByMid.clear();
    try {
      onClose();
    } catch (RuntimeException e) {
      sendErrors++;
    }
    for (Listener l : new ArrayList<>(listeners)) {
      if (routerClosed) {
        l.onRouterClose();
      }
      l.onClose();
    }
    listeners.clear();
  }

  void checkOpen() {
    router.checkOpen();
    if (closed) {
      throw new InvalidStateException("transport closed");
    }
  }

  RtpPacket outView() {
    return outView;
  }

  boolean readyToSendCounted() {
    if (isReadyToSend()) {
      return true;
    }
    notReadySkipped++;
    counters.skip(WorkerCounters.Skip.TRANSPORT_NOT_READY);
    return false;
  }

  void sendRtpFromConsumer(Consumer consumer, ByteBuf packet, int length) {
    rtpPacketsSent++;
    rtpBytesSent += length;
    counters.rtpPacketsOut++;
    counters.rtpBytesOut += length;
    try {
      sendRtp(consumer, packet);
    } catch (RuntimeException e) {
      sendErrors++;
      counters.skip(WorkerCounters.Skip.SEND_ERROR);
    }
  }

  void sendRtcpFromEngine(ByteBuf packet) {
    if (closed) {
      packet.release();
      return;
    }
    rtcpPacketsSent++;
    counters.rtcpPacketsOut++;
    try {
      sendRtcp(packet);
    } catch (RuntimeException e) {
      sendErrors++;
    }
  }

  /**
   * Whether {@link #tick} has work at {@code nowMs}. Producers (NACK retries, key frame
   * requests, bitrates, RR), transport-cc feedback and an active BWE run on every tick; a
   * consumers-only transport only when a consumer's Sender Report or the BWE allocation is due.
   */
  boolean tickDue(long nowMs) {
    return nowMs >= nextTickDueMs || !producers.isEmpty() || transportCcFeedback != null
        || bwe.active();
  }

  /**
   * Router tick (media quality timers): producers' NACK retries, consumers' Sender Reports and
   * history aging (only when one is due), transport-cc feedback, BWE.
   */
  void tick(long nowMs) {
    if (closed) {
      return;
    }
    for (Producer p : producers.values()) {
      p.tick(nowMs);
    }
    if (nowMs >= consumersDueMs) {
      long due = Long.MAX_VALUE;
      for (Consumer c : consumers.values()) {
        due = Math.min(due, c.tick(nowMs));
      }
      consumersDueMs = due;
    }
    if (transportCcFeedback != null) {
      transportCcFeedback.onTick(nowMs);
    }
    bwe.tick(nowMs, consumers.values());
    nextTickDueMs = Math.min(consumersDueMs, bwe.nextDueMs());
  }

  String rtcpCname() {
    return rtcpCname;
  }

  org.sfu4j.media.rtcp.ExtendedReport.Builder xrBuilder() {
    return xrBuilder;
  }

  org.sfu4j.media.rtcp.Sdes.Builder sdesBuilder() {
    return sdesBuilder;
  }

  TransportBwe bwe() {
    return bwe;
  }

  void fireDownlinkBwe(DownlinkBwe report) {
    for (Listener l : new ArrayList<>(listeners)) {
      l.onDownlinkBwe(report);
    }
  }

  void countDrop(EngineReason reason) {
    drops.count(reason);
  }

  /** A consumer of this transport skipped a packet: worker totals (the consumer counts its own). */
  void countSkip(WorkerCounters.Skip reason) {
    counters.skip(reason);
  }

  long dropCount(EngineReason reason) {
    return drops.get(reason);
  }

  long dropCount(RtpDropReason reason) {
    return drops.get(reason);
  }

  void registerRoute(long ssrc, StreamRoute route) {
    routesBySsrc.put((int) ssrc, route);
  }

  void unregisterRoute(long ssrc, Producer producer) {
    StreamRoute r = routesBySsrc.get((int) ssrc);
    if (r != null && r.producer == producer) {
      routesBySsrc.remove((int) ssrc);
    }
  }

  void onProducerClosed(Producer producer) {
    producers.remove(producer.id());
    String mid = producer.rtpParametersShared().mid;
    if (mid != null && producersByMid.get(mid) == producer) {
      producersByMid.remove(mid);
    }
  }

  void onConsumerClosed(Consumer consumer) {
    consumers.remove(consumer.id());
    bwe.onConsumerClosed(consumer);
    if (consumersBySsrc.get((int) consumer.ssrc()) == consumer) {
      consumersBySsrc.remove((int) consumer.ssrc());
    }
    if (consumer.rtxSsrc() >= 0 && consumersBySsrc.get((int) consumer.rtxSsrc()) == consumer) {
      consumersBySsrc.remove((int) consumer.rtxSsrc());
    }
  }

  List<String> consumerIdsNow() {
    return new ArrayList<>(consumers.keySet());
  }

  Map<String, Object> dumpNow() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("type", typeName());
    d.put("closed", closed);
    d.put("producerIds", new ArrayList<>(producers.keySet()));
    d.put("consumerIds", new ArrayList<>(consumers.keySet()));
    d.put("ssrcRoutes", routesBySsrc.size());
    d.put("consumerSsrcs", consumersBySsrc.size());
    d.put("mids", producersByMid.size());
    d.put("headerExtensionIds", Map.of("mid", midExtId, "rid", ridExtId, "rrid", rridExtId));
    return d;
  }

  /** Total entries in every registry of this transport; 0 after close. */
  int registeredCount() {
    return producers.size() + consumers.size() + routesBySsrc.size() + producersByMid.size()
        + consumersBySsrc.size() + listeners.size();
  }

  private void learnExtensionIds(RtpParameters params) {
    if (params.headerExtensions == null) {
      return;
    }
    for (RtpHeaderExtensionParameters e : params.headerExtensions) {
      if (e.id == null || e.uri == null) {
        continue;
      }
      switch (e.uri) {
        case MID_URI:
          midExtId = e.id;
          break;
        case RID_URI:
          ridExtId = e.id;
          break;
        case RRID_URI:
          rridExtId = e.id;
          break;
        default:
          break;
      }
    }
  }

  /** Slow path, once per new SSRC: find the producer by MID (or RID) and let it bind the stream. */
  private StreamRoute learnRoute(RtpPacket packet, long nowMs) {
    String mid = midExtId > 0 ? readExtensionString(packet, midExtId) : null;
    String rid = ridExtId > 0 ? readExtensionString(packet, ridExtId) : null;
    String rrid = rridExtId > 0 ? readExtensionString(packet, rridExtId) : null;
    Producer producer = mid == null ? null : producersByMid.get(mid);
    if (producer == null && mid == null) {
      String wanted = rid != null ? rid : rrid;
      for (Producer p : producers.values()) {
        if (wanted != null ? p.hasRid(wanted) : p.acceptsUnsignaledSsrc()) {
          producer = p;
          break;
        }
      }
    }
    if (producer == null) {
      return null;
    }
    StreamRoute route = producer.learnStream(packet.ssrc(), rid, rrid, packet.payloadType());
    if (route != null) {
      routesBySsrc.put((int) packet.ssrc(), route);
    }
    return route;
  }

  private static String readExtensionString(RtpPacket packet, int id) {
    int off = packet.extensionOffset(id);
    int len = packet.extensionLength(id);
    if (off < 0 || len <= 0) {
      return null;
    }
    return packet.buffer().toString(off, len, StandardCharsets.US_ASCII);
  }

  /** Kind helper for subclasses of Consumer: whether a producer kind is video. */
  static boolean isVideo(MediaKind kind) {
    return kind == MediaKind.VIDEO;
  }
}
