package org.sfu4j.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.engine.ProducerOptions;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.RouterOptions;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtcpFeedback;
import org.sfu4j.media.ortc.RtcpParameters;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpCodecCapability;
import org.sfu4j.media.ortc.RtpCodecParameters;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.media.transport.ListenInfo;
import org.sfu4j.media.transport.WebRtcTransport;
import org.sfu4j.media.transport.WebRtcTransportOptions;
import org.sfu4j.srtp.DtlsCertificate;
import org.sfu4j.srtp.DtlsHandshakeExecutor;
import org.sfu4j.srtp.DtlsRole;

/**
 * In-process engine scenario: one {@link Worker} (its own event-loop thread, one UDP port on
 * 127.0.0.1) with a router (opus, VP8), one WebRtcTransport per peer, and real peers
 * ({@link WebRtcTestPeer}: own ICE client, BouncyCastle DTLS, jitsi-srtp) over loopback.
 * Publishers produce VP8 (and opus) with the SSRCs of {@link PublisherClock#ssrcOf}; subscriber
 * {@code j} consumes publisher {@code j / S}. CPU is that of the worker thread only.
 *
 * <p>Subscribers are {@link SrtpSubscriber}s on one receive loop (dense, zero-copy), or with
 * {@code --testpeer-subscribers} WebRtcTestPeers drained by a {@link PeerDrain} thread.
 */
public final class EngineSession implements LoadSession {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** Netty's default thread name, truncated to Linux's 15-character comm. */
  static final String WORKER_THREAD_PREFIX = "multiThreadIoEv";

  private final Worker worker;
  private final WebRtcTestPeer[] publishers;
  private final WebRtcTestPeer[] subscribers;
  private final SrtpSubscriber[] fastSubscribers;
  private final SubscriberLoop rxLoop;
  private final DtlsHandshakeExecutor handshakes;
  private PeerDrain drain;
  private final ProcessStats stats;
  private final ConsentKeeper consent = new ConsentKeeper();
  private final long joinMillis;
  private final long setupStart;
  private final LoadMeter meter;
  private final double connectP50Ms;
  private final double connectP99Ms;

  @SuppressWarnings("unchecked")
  public EngineSession(LoadConfig config, LoadMeter meter) throws Exception {
    worker = Worker.create(new WorkerSettings());
    stats = new ProcessStats(ProcessHandle.current().pid(), WORKER_THREAD_PREFIX, null);
    Router router = worker.createRouter(new RouterOptions(routerCodecs())).get(10,
        TimeUnit.SECONDS);
    RtpCapabilities caps = router.rtpCapabilities();
    int p = config.publishers();
    int n = config.subscribers();
    publishers = new WebRtcTestPeer[p];
    boolean fast = !config.testPeerSubscribers();
    subscribers = new WebRtcTestPeer[fast ? 0 : n];
    fastSubscribers = new SrtpSubscriber[fast ? n : 0];
    rxLoop = fast ? new SubscriberLoop() : null;
    handshakes = fast ? new DtlsHandshakeExecutor(16, TIMEOUT) : null;
    DtlsCertificate certificate = fast ? DtlsCertificate.generateEcdsaP256() : null;
    long t0 = System.nanoTime();
    this.setupStart = t0;
    this.meter = meter;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Long> connectNanos = new ArrayList<>();
    try {
      List<Future<Long>> pf = new ArrayList<>();
      Producer[] video = new Producer[p];
      Producer[] audio = new Producer[p];
      for (int i = 0; i < p; i++) {
        int idx = i;
        pf.add(pool.submit(() -> {
          long s = System.nanoTime();
          WebRtcTransport t = router.createWebRtcTransport(
              WebRtcTransportOptions.udp(ListenInfo.udp("127.0.0.1"))).get(10, TimeUnit.SECONDS);
          WebRtcTestPeer peer = WebRtcTestPeer.create();
          publishers[idx] = peer;
          peer.connect(t, DtlsRole.CLIENT, TIMEOUT);
          consent.add(peer);
          video[idx] = t.produce(producer(MediaKind.VIDEO, idx)).get(10, TimeUnit.SECONDS);
          if (config.traffic().audio()) {
            audio[idx] = t.produce(producer(MediaKind.AUDIO, idx)).get(10, TimeUnit.SECONDS);
          }
          return System.nanoTime() - s;
        }));
      }
      for (Future<Long> f : pf) {
        connectNanos.add(f.get(60, TimeUnit.SECONDS));
      }
      List<Future<Long>> sf = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        int idx = j;
        int pub = j / config.subscribersPerPublisher();
        sf.add(pool.submit(() -> {
          long s = System.nanoTime();
          WebRtcTransport t = router.createWebRtcTransport(
              WebRtcTransportOptions.udp(ListenInfo.udp("127.0.0.1"))).get(10, TimeUnit.SECONDS);
          if (fast) {
            SrtpSubscriber sub = new SrtpSubscriber(idx, config.subscribersPerPublisher(), meter,
                certificate, handshakes);
            fastSubscribers[idx] = sub;
            sub.attach(rxLoop.open(sub));
            sub.connectIce(t.iceParameters(), new InetSocketAddress(
                t.iceCandidates().get(0).getAddress(), t.iceCandidates().get(0).getPort()),
                TIMEOUT);
            t.connect(sub.dtlsParameters()).get(10, TimeUnit.SECONDS);
            sub.connectDtls(t.dtlsParameters().getFingerprints(), TIMEOUT);
          } else {
            WebRtcTestPeer peer = WebRtcTestPeer.create();
            subscribers[idx] = peer;
            peer.connect(t, DtlsRole.SERVER, TIMEOUT);
          }
          t.consume(new ConsumerOptions(video[pub].id(), caps)).get(10, TimeUnit.SECONDS);
          if (audio[pub] != null) {
            t.consume(new ConsumerOptions(audio[pub].id(), caps)).get(10, TimeUnit.SECONDS);
          }
          return System.nanoTime() - s;
        }));
      }
      for (Future<Long> f : sf) {
        connectNanos.add(f.get(120, TimeUnit.SECONDS));
      }
    } catch (Exception e) {
      pool.shutdownNow();
      drain = null;
      close();
      throw e;
    }
    pool.shutdown();
    joinMillis = (System.nanoTime() - t0) / 1_000_000;
    long[] sorted = connectNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    connectP50Ms = sorted[(int) Math.ceil(0.5 * sorted.length) - 1] / 1e6;
    connectP99Ms = sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
    if (fast) {
      drain = null;
    } else {
      Queue<byte[]>[] queues = new Queue[n];
      for (int j = 0; j < n; j++) {
        queues[j] = subscribers[j].receivedRtp();
      }
      drain = new PeerDrain(queues, config.subscribersPerPublisher(), meter);
    }
  }

  static List<RtpCodecCapability> routerCodecs() {
    RtpCodecCapability opus = new RtpCodecCapability();
    opus.kind = MediaKind.AUDIO;
    opus.mimeType = "audio/opus";
    opus.clockRate = 48000;
    opus.channels = 2;
    RtpCodecCapability vp8 = new RtpCodecCapability();
    vp8.kind = MediaKind.VIDEO;
    vp8.mimeType = "video/VP8";
    vp8.clockRate = 90000;
    return List.of(opus, vp8);
  }

  /** What a browser would send in {@code produce}: one codec, one encoding with our SSRC. */
  static ProducerOptions producer(MediaKind kind, int publisher) {
    RtpParameters rp = rtpParameters(kind, publisher);
    ProducerOptions o = new ProducerOptions();
    o.kind = kind;
    o.rtpParameters = rp;
    return o;
  }

  /** The produce rtpParameters of publisher {@code publisher} (also sent over signaling). */
  static RtpParameters rtpParameters(MediaKind kind, int publisher) {
    RtpCodecParameters c = new RtpCodecParameters();
    boolean video = kind == MediaKind.VIDEO;
    c.mimeType = video ? "video/VP8" : "audio/opus";
    c.payloadType = video ? TrafficModel.VP8_PAYLOAD_TYPE : TrafficModel.OPUS_PAYLOAD_TYPE;
    c.clockRate = video ? 90000 : 48000;
    c.channels = video ? null : 2;
    c.parameters = Map.of();
    c.rtcpFeedback = video ? List.of(new RtcpFeedback("nack", ""),
        new RtcpFeedback("nack", "pli"), new RtcpFeedback("ccm", "fir")) : List.of();
    RtpEncodingParameters e = new RtpEncodingParameters();
    e.ssrc = PublisherClock.ssrcOf(publisher, video ? Probe.KIND_VIDEO : Probe.KIND_AUDIO);
    RtpParameters rp = new RtpParameters();
    rp.mid = video ? "0" : "1";
    rp.codecs = new ArrayList<>(List.of(c));
    rp.headerExtensions = new ArrayList<>();
    rp.encodings = new ArrayList<>(List.of(e));
    rp.rtcp = new RtcpParameters("load-" + publisher, true, true);
    return rp;
  }

  @Override
  public void send(int publisher, int kind, byte[] packet, int length) throws Exception {
    publishers[publisher].sendRtp(Arrays.copyOf(packet, length));
  }

  @Override
  public boolean keyFrameRequested(int publisher) {
    return KeyFrameRequests.drain(publishers[publisher].receivedRtcp());
  }

  @Override
  public <T> T onReceiveThread(Callable<T> task) throws Exception {
    return drain != null ? drain.call(task) : rxLoop.call(task);
  }

  @Override
  public ProcessStats targetStats() {
    return stats;
  }

  @Override
  public String setupJson() {
    long lastFirst;
    int flowing;
    try {
      lastFirst = onReceiveThread(meter::lastFirstArrivalNanos);
      flowing = onReceiveThread(meter::streamsWithMedia);
    } catch (Exception e) {
      lastFirst = -1;
      flowing = -1;
    }
    long failures = 0;
    for (SrtpSubscriber sub : fastSubscribers) {
      failures += sub.decryptFailures(); // racy read of loop counters, at the end of a run
    }
    return String.format(Locale.ROOT, "\"peers\":%d,\"join_ms\":%d,\"media_to_all_ms\":%d,"
        + "\"streams_with_media\":%d,\"connect_p50_ms\":%.1f,\"connect_p99_ms\":%.1f,"
        + "\"srtp_decrypt_failures\":%d", publishers.length + fastSubscribers.length
        + subscribers.length, joinMillis, lastFirst < 0 ? -1 : (lastFirst - setupStart) / 1_000_000,
        flowing, connectP50Ms, connectP99Ms, failures);
  }

  @Override
  public void close() {
    consent.close();
    if (drain != null) {
      drain.stop();
    }
    for (SrtpSubscriber sub : fastSubscribers) {
      if (sub != null) {
        sub.close();
      }
    }
    for (WebRtcTestPeer[] peers : List.of(publishers, subscribers)) {
      for (WebRtcTestPeer peer : peers) {
        if (peer != null) {
          peer.close();
        }
      }
    }
    try {
      worker.close().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort at exit
    }
    if (rxLoop != null) {
      rxLoop.close();
    }
    if (handshakes != null) {
      handshakes.close();
    }
  }
}
