package org.sfu4j.media.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.srtp.DtlsCertificate;
import org.sfu4j.srtp.DtlsHandshakeExecutor;

/**
 * What every WebRTC transport of one worker shares: the UDP socket per listen ip, the DTLS
 * certificate (so all transports announce the same fingerprints), the bounded DTLS handshake
 * executor, and the 1 s consent-freshness tick over all transports (one timer per worker rather
 * than one per transport). Created lazily through {@link Worker#service}; loop-confined.
 */
final class WorkerRtcNetwork {
  /**
   * A handshake that has not finished by then, counted from its admission (queue wait included),
   * fails (the browser retries with a new one). Concurrency and queue bound: {@link
   * org.sfu4j.media.engine.WorkerSettings#dtlsHandshakeConcurrency()} and {@code
   * dtlsHandshakeQueue()}.
   */
  static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(10);
  static final long CONSENT_TICK_MS = 1000;
  /** Runs each certificate generation on a short-lived daemon thread, never on a worker loop. */
  private static final java.util.concurrent.Executor CERTIFICATE_THREAD = r -> {
    Thread t = new Thread(r, "dtls-certificate");
    t.setDaemon(true);
    t.start();
  };

  private final Worker worker;
  private final EventLoop loop;
  /** Generated off the loop (EC key generation and signing are cold-crypto heavy on first use). */
  private final CompletableFuture<DtlsCertificate> certificate;
  private final DtlsHandshakeExecutor handshakes;
  private final Map<InetAddress, CompletableFuture<RtcUdpSocket>> sockets = new HashMap<>();
  private final List<WebRtcTransport> transports = new ArrayList<>();
  private final ScheduledFuture<?> consentTimer;

  private WorkerRtcNetwork(Worker worker) {
    this.worker = worker;
    this.loop = worker.eventLoop();
    DtlsCertificate c = worker.settings().dtlsCertificate();
    this.certificate = c != null ? CompletableFuture.completedFuture(c)
        : CompletableFuture.supplyAsync(DtlsCertificate::generateEcdsaP256, CERTIFICATE_THREAD);
    this.handshakes = new DtlsHandshakeExecutor(worker.settings().dtlsHandshakeConcurrency(),
        worker.settings().dtlsHandshakeQueue(), HANDSHAKE_DEADLINE);
    this.consentTimer = loop.scheduleAtFixedRate(this::tick, CONSENT_TICK_MS, CONSENT_TICK_MS,
        TimeUnit.MILLISECONDS);
    loop.terminationFuture().addListener(f -> handshakes.close());
  }

  /** The worker's network; loop only. */
  static WorkerRtcNetwork of(Worker worker) {
    return worker.service(WorkerRtcNetwork.class, WorkerRtcNetwork::new);
  }

  /** Completes once the worker's certificate exists; transports are created only after it. */
  CompletableFuture<DtlsCertificate> certificateReady() {
    return certificate;
  }

  /** The worker's certificate; only after {@link #certificateReady()} completed. */
  DtlsCertificate certificate() {
    DtlsCertificate c = certificate.getNow(null);
    if (c == null) {
      throw new IllegalStateException("DTLS certificate not generated yet");
    }
    return c;
  }

  DtlsHandshakeExecutor handshakes() {
    return handshakes;
  }

  /** The socket bound on {@code ip}, opened on first use. Loop only. */
  CompletableFuture<RtcUdpSocket> socket(InetAddress ip) {
    CompletableFuture<RtcUdpSocket> f = sockets.get(ip);
    if (f == null || f.isCompletedExceptionally()) {
      int min = worker.settings().rtcMinPort();
      int max = worker.settings().rtcMaxPort();
      f = RtcUdpSocket.open(loop, ip, min, max, worker::nowMs);
      sockets.put(ip, f);
    }
    return f;
  }

  /** Opened sockets (for stats and tests). Loop only. */
  List<RtcUdpSocket> openSockets() {
    List<RtcUdpSocket> l = new ArrayList<>();
    for (CompletableFuture<RtcUdpSocket> f : sockets.values()) {
      RtcUdpSocket s = f.getNow(null);
      if (s != null) {
        l.add(s);
      }
    }
    return l;
  }

  void add(WebRtcTransport transport) {
    transports.add(transport);
  }

  void remove(WebRtcTransport transport) {
    transports.remove(transport);
  }

  int transportCount() {
    return transports.size();
  }

  /** Consent freshness for every transport; a transport may close itself inside. */
  void tick() {
    if (transports.isEmpty()) {
      return;
    }
    long now = worker.nowMs();
    for (WebRtcTransport t : transports.toArray(new WebRtcTransport[0])) {
      t.tickConsent(now);
    }
  }

  /** Socket counters, one map per socket. Loop only. */
  List<Map<String, Object>> stats() {
    List<Map<String, Object>> l = new ArrayList<>();
    for (RtcUdpSocket s : openSockets()) {
      l.add(s.stats());
    }
    return l;
  }

  /**
   * {@link RtcUdpSocket#stats()} of every open socket (taken on the loop), completed OFF the loop
   * with the kernel's per-socket counters, whose /proc reads must not stall media. Loop only.
   */
  CompletableFuture<List<Map<String, Object>>> statsWithKernel() {
    return withKernel(openSockets());
  }

  /** See {@link #statsWithKernel()}; for any subset of this worker's sockets. Loop only. */
  static CompletableFuture<List<Map<String, Object>>> withKernel(List<RtcUdpSocket> sockets) {
    List<Map<String, Object>> l = new ArrayList<>();
    List<RtcUdpSocket.KernelProbe> probes = new ArrayList<>();
    for (RtcUdpSocket s : sockets) {
      l.add(s.stats());
      probes.add(s.kernelProbe());
    }
    return CompletableFuture.supplyAsync(() -> {
      for (int i = 0; i < l.size(); i++) {
        probes.get(i).addTo(l.get(i));
      }
      return l;
    }, KERNEL_READS);
  }

  /** Off-loop reads of /proc for socket stats (rare: metrics scrapes and stats requests). */
  private static final java.util.concurrent.Executor KERNEL_READS =
      java.util.concurrent.ForkJoinPool.commonPool();

  /** For tests: whether the timer still runs. */
  boolean timerActive() {
    return !consentTimer.isDone();
  }

  Map<String, Object> dump() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("transports", transports.size());
    d.put("sockets", stats());
    d.put("activeHandshakes", handshakes.activeHandshakes());
    d.put("queuedHandshakes", handshakes.queuedHandshakes());
    d.put("startedHandshakes", handshakes.startedHandshakes());
    d.put("rejectedHandshakes", handshakes.rejectedHandshakes());
    d.put("expiredInQueueHandshakes", handshakes.expiredInQueue());
    d.put("cancelledInQueueHandshakes", handshakes.cancelledInQueue());
    return d;
  }
}
