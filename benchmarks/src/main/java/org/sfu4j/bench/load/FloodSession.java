package org.sfu4j.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code --mode flood}: the honest peers of {@link DaemonSession} (default 1 publisher x 2
 * subscribers, VP8 with the probe trailer) plus a {@link FloodAttack} on the daemon's worker
 * port during the measured window only (the warm-up stays clean). The attacker learns a real
 * ufrag the way anyone can: it joins a room of its own over signaling and creates a transport.
 *
 * <p>Adds to each second the attack datagrams/s, and to the final report what was sent per kind,
 * the daemon's counters that moved during the attack (from /metrics), its RSS and direct memory
 * at the attack's start, and kernel drops per place from /proc/net/udp (daemon shared socket,
 * daemon per-tuple readers, the tool's honest sockets, the tool's attack sockets).
 */
final class FloodSession implements LoadSession {
  private final LoadConfig config;
  private final DaemonSession honest;
  private final ProtooClient mallory;
  private final FloodAttack attack;
  private final InetSocketAddress target;
  private final HttpClient http = HttpClient.newHttpClient();
  private Thread attackThread;
  private long attackStart;
  private long attackStop;
  private long lastSent;
  private long lastRunDelay = -1;
  private Map<String, Double> metricsBefore = Map.of();
  private Map<String, Double> metricsAfter = Map.of();
  private UdpSocketTable.Drops dropsBefore;
  private UdpSocketTable.Drops dropsAfter;
  private double rssStart = Double.NaN;
  private double heapStart = Double.NaN;
  private double heapEnd = Double.NaN;
  private double directStart = Double.NaN;
  private final Set<Integer> attackPorts;

  FloodSession(LoadConfig config, LoadMeter meter) throws Exception {
    this.config = config;
    this.honest = new DaemonSession(config, meter);
    ProtooClient m = null;
    try {
      String run = Long.toString(System.currentTimeMillis(), 36);
      m = ProtooClient.connect(HttpClient.newHttpClient(), config.daemonUrl(), "flood-" + run,
          "mallory", new SignalingLatency(), null);
      JsonNode caps = m.request("getRouterRtpCapabilities", null);
      ObjectNode join = ProtooClient.object();
      join.put("displayName", "mallory").put("subscribe", "manual");
      join.set("rtpCapabilities", caps);
      m.request("join", join);
      ObjectNode req = ProtooClient.object();
      req.put("forceTcp", false).put("producing", true).put("consuming", false);
      JsonNode t = m.request("createWebRtcTransport", req);
      target = DaemonSession.candidate(t);
      String ufrag = DaemonSession.ice(t).getUsernameFragment();
      attack = new FloodAttack(target, config.floodSockets(), config.floodRate(), ufrag, 7);
      attackPorts = attack.localPorts();
      mallory = m;
      System.out.println("flood: target " + target + ", known ufrag " + ufrag + ", "
          + config.floodSockets() + " attack sockets, rate "
          + (config.floodOff() ? "off (control)"
              : config.floodRate() > 0 ? config.floodRate() + "/s" : "unpaced")
          + "; replies read and discarded");
    } catch (Exception e) {
      if (m != null) {
        m.close();
      }
      honest.close();
      throw e;
    }
  }

  @Override
  public void measureStarted() {
    metricsBefore = scrape();
    dropsBefore = drops();
    heapStart = honest.targetStats().heapAfterGcMb();
    rssStart = honest.targetStats().rssMb();
    directStart = honest.targetStats().directMb();
    lastRunDelay = honest.targetStats().runDelayNanos();
    attackStart = System.nanoTime();
    if (config.floodOff()) {
      return; // the control run: same peers, same signaling, no attack
    }
    attackThread = new Thread(attack, "load-flood");
    attackThread.setDaemon(true);
    attackThread.start();
  }

  @Override
  public void measureStopping() throws InterruptedException {
    if (attackThread != null) {
      attack.stop(attackThread);
    }
    attackStop = System.nanoTime();
    dropsAfter = drops();
  }

  @Override
  public String intervalJson() {
    long s = attack.attempted();
    long d = s - lastSent;
    lastSent = s;
    long wait = honest.targetStats().runDelayNanos();
    double waitShare = lastRunDelay < 0 || wait < 0 ? Double.NaN : (wait - lastRunDelay) / 1e9;
    lastRunDelay = wait;
    if (!config.quiet() && attackThread != null) {
      System.out.println("  attack sent " + d + " datagrams this second");
    }
    // The daemon's run-queue wait this second (runnable, not running): on a shared core this,
    // not the flood's work, is what delays the honest packets.
    return "\"attack_sent\":" + d + ",\"target_runqueue_wait\":" + LoadReport.num(waitShare);
  }

  private Map<String, Double> scrape() {
    if (config.metricsUrl() == null) {
      return Map.of();
    }
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.metricsUrl()))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return PrometheusText.parse(r.body(), "sfu4j_");
    } catch (Exception e) {
      return Map.of();
    }
  }

  private UdpSocketTable.Drops drops() {
    return UdpSocketTable.classify(UdpSocketTable.read(), target.getPort(),
        UdpSocketTable.socketInodes(ProcessHandle.current().pid()), attackPorts);
  }

  @Override
  public String setupJson() {
    try {
      Thread.sleep(1200); // the daemon publishes socket counters every 500 ms
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    metricsAfter = scrape();
    heapEnd = honest.targetStats().heapAfterGcMb();
    double seconds = attackStop > attackStart ? (attackStop - attackStart) / 1e9 : Double.NaN;
    UdpSocketTable.Drops d = dropsAfter == null || dropsBefore == null ? null
        : dropsAfter.minus(dropsBefore);
    StringBuilder kinds = new StringBuilder();
    for (FloodDatagrams.Kind k : FloodDatagrams.Kind.values()) {
      kinds.append(kinds.length() == 0 ? "" : ",").append('"')
          .append(k.name().toLowerCase(Locale.ROOT)).append("\":").append(attack.sentOf(k));
    }
    String base = honest.setupJson();
    return (base.isEmpty() ? "" : base + ",") + String.format(Locale.ROOT,
        "\"flood_rate_target\":%d,\"flood_sockets\":%d,\"attack_attempted\":%d,"
            + "\"attack_sent\":%d,\"attack_send_errors\":%d,\"attack_replies\":%d,"
            + "\"attack_seconds\":%s,\"attack_pps\":%.0f,\"attack_sent_by_kind\":{%s},"
            + "\"daemon_rss_mb_start\":%s,\"daemon_direct_mb_start\":%s,"
            + "\"daemon_heap_after_gc_mb_start\":%s,\"daemon_heap_after_gc_mb_end\":%s,"
            + "\"kernel_drops\":%s,\"daemon_counters\":{%s}",
        config.floodOff() ? -1 : config.floodRate(), config.floodSockets(), attack.attempted(),
        attack.sentOk(),
        attack.sendErrors(), attack.replies(), LoadReport.num(seconds),
        pps(attack.sentOk(), seconds), kinds, LoadReport.num(rssStart), LoadReport.num(directStart),
        LoadReport.num(heapStart), LoadReport.num(heapEnd),
        d == null ? "null" : String.format(Locale.ROOT,
            "{\"daemon_shared\":%d,\"daemon_tuple_readers\":%d,\"daemon_tuple_sockets\":%d,"
                + "\"tool_peer_sockets\":%d,\"tool_attack_sockets\":%d}",
            d.daemonShared(), d.daemonTuples(), d.daemonTupleSockets(), d.toolPeers(),
            d.toolAttack()),
        PrometheusText.deltaJson(metricsBefore, metricsAfter));
  }

  /** Short figures for the RESULT line. */
  @Override
  public String resultSuffix() {
    double seconds = attackStop > attackStart ? (attackStop - attackStart) / 1e9 : Double.NaN;
    Map<String, Double> a = metricsAfter;
    Map<String, Double> b = metricsBefore;
    UdpSocketTable.Drops d = dropsAfter == null || dropsBefore == null ? null
        : dropsAfter.minus(dropsBefore);
    return String.format(Locale.ROOT,
        " attack_pps=%.0f attack_sent=%d daemon_socket_drops=%d kernel_drops=%d"
            + " stun_suppressed=%d dtls_rejected=%d kernel_drops_tuple_readers=%s"
            + " kernel_drops_tool_peers=%s heap_after_gc_mb=%s->%s",
        pps(attack.sentOk(), seconds), attack.sentOk(),
        delta(a, b, "sfu4j_webrtc_socket_dropped_total"),
        delta(a, b, "sfu4j_webrtc_socket_kernel_dropped_total"),
        delta(a, b, "sfu4j_webrtc_stun_errors_suppressed_total"),
        Math.round(PrometheusText.sum(a, "sfu4j_dtls_handshakes_total", "rejected")
            - PrometheusText.sum(b, "sfu4j_dtls_handshakes_total", "rejected")),
        d == null ? "null" : Long.toString(d.daemonTuples()),
        d == null ? "null" : Long.toString(d.toolPeers()), LoadReport.num(heapStart),
        LoadReport.num(heapEnd));
  }

  private static double pps(long sent, double seconds) {
    return seconds > 0 ? sent / seconds : 0;
  }

  private static long delta(Map<String, Double> after, Map<String, Double> before, String name) {
    return Math.round(PrometheusText.sum(after, name, null)
        - PrometheusText.sum(before, name, null));
  }

  @Override
  public void send(int publisher, int kind, byte[] packet, int length) throws Exception {
    honest.send(publisher, kind, packet, length);
  }

  @Override
  public boolean keyFrameRequested(int publisher) {
    return honest.keyFrameRequested(publisher);
  }

  @Override
  public <T> T onReceiveThread(Callable<T> task) throws Exception {
    return honest.onReceiveThread(task);
  }

  @Override
  public ProcessStats targetStats() {
    return honest.targetStats();
  }

  @Override
  public void close() {
    if (attackThread != null && attackThread.isAlive()) {
      try {
        attack.stop(attackThread);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    attack.close();
    mallory.close();
    honest.close();
  }
}
