package org.sfu4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** CLI/config resolution, HTTP endpoints and SIGTERM behaviour of the real daemon. */
class DaemonTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static DaemonConfig resolve(String... args) throws Exception {
    Sfu4jMain m = new Sfu4jMain();
    new CommandLine(m).parseArgs(args);
    return m.resolveConfig();
  }

  @Test
  void devConfigAndOverrides() throws Exception {
    DaemonConfig dev = resolve("--dev");
    assertEquals("127.0.0.1", dev.http.ip);
    assertEquals(4443, dev.http.port);
    assertEquals("127.0.0.1", dev.rtc.listenIp);
    assertEquals(40000, dev.rtc.minPort);
    assertEquals(40999, dev.rtc.maxPort);
    assertEquals(Runtime.getRuntime().availableProcessors(), dev.effectiveWorkers());
    assertEquals(null, dev.auth.secret);
    assertEquals(32, dev.rtc.dtlsHandshakeConcurrency);
    assertEquals(512, dev.rtc.dtlsHandshakeQueue);
    DaemonConfig o = resolve("--dev", "--http-ip", "127.0.0.2", "--http-port", "0", "--rtc-listen-ip", "127.0.0.3",
        "--rtc-announced-ip", "198.51.100.7", "--rtc-min-port", "41000", "--rtc-max-port", "41010",
        "--workers", "3", "--secret", "abc");
    assertEquals("127.0.0.2", o.http.ip);
    assertEquals(0, o.http.port);
    assertEquals("127.0.0.3", o.rtc.listenIp);
    assertEquals("198.51.100.7", o.rtc.announcedIp);
    assertEquals(41000, o.rtc.minPort);
    assertEquals(41010, o.rtc.maxPort);
    assertEquals(3, o.effectiveWorkers());
    assertEquals("abc", o.auth.secret);
    assertThrows(IllegalArgumentException.class, () -> resolve("--dev", "--rtc-min-port", "50000", "--rtc-max-port", "40000"));
  }

  @Test
  void yamlAndJsonConfigFiles(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("c.yaml");
    Files.writeString(yaml, "http:\n  ip: 127.0.0.1\n  port: 5555\nrtc:\n  listenIp: 127.0.0.1\n  minPort: 42000\n  maxPort: 42100\n"
        + "  dtlsHandshakeConcurrency: 8\n  dtlsHandshakeQueue: 64\n"
        + "workers: 2\nauth:\n  secret: xyz\nlimits:\n  maxPeersPerRoom: 7\npendingConsumerTimeoutMs: 1234\n");
    DaemonConfig y = resolve("--config", yaml.toString());
    assertEquals(5555, y.http.port);
    assertEquals(42100, y.rtc.maxPort);
    assertEquals(8, y.rtc.dtlsHandshakeConcurrency);
    assertEquals(64, y.rtc.dtlsHandshakeQueue);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "rtc:\n  dtlsHandshakeConcurrency: 0\n");
    assertThrows(IllegalArgumentException.class, () -> resolve("--config", bad.toString()));
    assertEquals(2, y.workers);
    assertEquals("xyz", y.auth.secret);
    assertEquals(7, y.limits.maxPeersPerRoom);
    assertEquals(1234, y.pendingConsumerTimeoutMs);
    Path json = dir.resolve("c.json");
    Files.writeString(json, "{\"http\":{\"ip\":\"127.0.0.1\",\"port\":6000},\"workers\":1}");
    DaemonConfig j = resolve("--config", json.toString(), "--http-port", "6001");
    assertEquals(6001, j.http.port);
    assertEquals(1, j.workers);
    Path typo = dir.resolve("t.yaml");
    Files.writeString(typo, "htp:\n  port: 1\n");
    assertThrows(Exception.class, () -> resolve("--config", typo.toString()));
  }

  @Test
  void healthMetricsStaticAndWebSocket() throws Exception {
    DaemonConfig c = resolve("--dev", "--http-port", "0", "--workers", "2");
    try (Daemon d = Daemon.start(c)) {
      String base = "http://127.0.0.1:" + d.address().getPort();
      HttpResponse<String> health = get(base + "/health");
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"state\":\"running\""), health.body());
      assertEquals("application/json", health.headers().firstValue("content-type").orElse(""));

      // A peer joins so the gauges move.
      CompletableFuture<String> first = new CompletableFuture<>();
      WebSocket ws = HTTP.newWebSocketBuilder().subprotocols("protoo")
          .buildAsync(URI.create("ws://127.0.0.1:" + d.address().getPort() + "/ws?roomId=m&peerId=p1"),
              new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                  first.complete(data.toString());
                  return null;
                }
              }).join();
      assertEquals("protoo", ws.getSubprotocol());
      ws.sendText("{\"request\":true,\"id\":1,\"method\":\"createWebRtcTransport\",\"data\":{}}", true).join();
      String created = first.get(5, TimeUnit.SECONDS);
      assertTrue(created.contains("\"ok\":true"), created);
      // A real WebRtcTransport on the rtc listen ip (not a DirectTransport): ICE-lite + DTLS params.
      assertTrue(created.contains("\"iceLite\":true") && created.contains("\"ip\":\"127.0.0.1\"")
          && created.contains("\"fingerprints\""), created);

      String metrics = get(base + "/metrics").body();
      for (String name : List.of("sfu4j_workers 2.0", "sfu4j_rooms 1.0", "sfu4j_peers 1.0",
          "sfu4j_transports{state=\"new\"} 1.0",
          "sfu4j_transports{state=\"connected\"} 0.0", "sfu4j_producers 0.0", "sfu4j_consumers 0.0",
          "sfu4j_pending_consumers 0.0", "sfu4j_event_loop_lag_seconds{loop=\"signaling\",worker=\"\"}",
          "sfu4j_event_loop_lag_seconds{loop=\"worker\",worker=\"1\"}", "sfu4j_rtp_packets_total{direction=\"in\",worker=\"1\"} 0.0",
          "sfu4j_dtls_failures_total 0.0")) {
        assertTrue(metrics.contains(name), name + " missing in\n" + metrics);
      }
      ws.abort();

      // Static files: served from classpath static/ when present, never outside it.
      assertEquals(404, get(base + "/../pom.xml").statusCode());
      assertEquals(404, get(base + "/%2e%2e/sfu4j-dev.yaml").statusCode());
      assertEquals(404, get(base + "/sfu4j-dev.yaml").statusCode());
      assertFalse(StaticRoute.isSafe("/a/../b.js"));
      assertFalse(StaticRoute.isSafe("/.hidden.js"));
      assertFalse(StaticRoute.isSafe("/a\\b.js"));
      assertTrue(StaticRoute.isSafe("/app-1.2.js"));
      HttpResponse<String> test = get(base + "/sfu4j-test.css");
      assertEquals(200, test.statusCode());
      assertEquals("text/css; charset=utf-8", test.headers().firstValue("content-type").orElse(""));
      assertEquals("body{}\n", test.body());
    }
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void sigtermStopsWithExitZeroWithinFiveSeconds() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.sfu4j.daemon.Sfu4jMain", "--dev", "--http-port", "0", "--workers", "1")
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    String url = null;
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
      if (line.startsWith("sfu4j is running: open http://127.0.0.1:")) {
        url = line.substring("sfu4j is running: open ".length());
        break;
      }
    }
    assertTrue(url != null && url.endsWith("/"), "no URL printed");
    assertEquals(200, get(url + "health").statusCode());
    long t0 = System.nanoTime();
    new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(5, TimeUnit.SECONDS), "did not exit within 5 s");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("[daemon] SIGTERM -> exit " + p.exitValue() + " in " + ms + " ms");
    assertEquals(0, p.exitValue());
  }
}
