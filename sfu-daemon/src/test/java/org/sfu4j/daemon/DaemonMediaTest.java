package org.sfu4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.signaling.WsClient;
import org.sfu4j.srtp.DtlsRole;
import picocli.CommandLine;

/**
 * Media through the real daemon (WebSocket signaling, WebRtcTransports on 127.0.0.1, the Java
 * WebRTC test peer as the browser) and what /metrics and the notifications say about it.
 */
class DaemonMediaTest {
  static Daemon daemon;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Sfu4jMain m = new Sfu4jMain();
    new CommandLine(m).parseArgs("--dev", "--http-port", "0", "--workers", "1",
        "--rtc-min-port", "43000", "--rtc-max-port", "43999");
    daemon = Daemon.start(m.resolveConfig());
    base = "http://127.0.0.1:" + daemon.address().getPort();
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  static String room() {
    return "media-" + UUID.randomUUID();
  }

  @Test
  void forwardedRtpShowsInWorkerCounters() throws Exception {
    String room = room();
    try (RtcClient alice = new RtcClient(daemon.address().getPort(), room, "alice");
        RtcClient bob = new RtcClient(daemon.address().getPort(), room, "bob")) {
      alice.join();
      alice.connectTransport(true);
      alice.produceOpus();
      bob.connectTransport(false);
      bob.join();
      bob.ws.acceptNewConsumer();
      long before = metric(scrape(), "sfu4j_rtp_packets_total", "direction=\"out\",worker=\"0\"");
      byte[] got = null;
      for (int i = 0; i < 50 && got == null; i++) {
        alice.sendOpus(30);
        got = bob.recv.receivedRtp().poll(20, TimeUnit.MILLISECONDS);
      }
      assertNotNull(got, "bob receives alice's opus");
      String text = awaitMetric("sfu4j_rtp_packets_total", "direction=\"out\",worker=\"0\"", before + 1);
      long in = metric(text, "sfu4j_rtp_packets_total", "direction=\"in\",worker=\"0\"");
      long out = metric(text, "sfu4j_rtp_packets_total", "direction=\"out\",worker=\"0\"");
      long bytesIn = metric(text, "sfu4j_rtp_bytes_total", "direction=\"in\",worker=\"0\"");
      long bytesOut = metric(text, "sfu4j_rtp_bytes_total", "direction=\"out\",worker=\"0\"");
      System.out.printf("[metrics] rtp in %d pkts / %d B, out %d pkts / %d B%n", in, bytesIn, out, bytesOut);
      assertTrue(in >= out && out > 0, text);
      assertTrue(bytesIn >= in * 12 && bytesOut >= out * 12, text);
      // Every reason series exists from the start (0 or more).
      metric(text, "sfu4j_rtp_dropped_total", "reason=\"unknown_ssrc\",worker=\"0\"");
      metric(text, "sfu4j_rtp_forward_skipped_total", "reason=\"waiting_key_frame\",worker=\"0\"");
      metric(text, "sfu4j_rtcp_packets_total", "direction=\"in\",worker=\"0\"");
      assertTrue(text.contains("sfu4j_event_loop_lag_seconds{loop=\"worker\",worker=\"0\"}"), text);
      assertTrue(text.contains("sfu4j_event_loop_lag_seconds{loop=\"signaling\""), text);
      // DTLS admission: alice's and bob's handshakes (at least) started, none waited out or refused.
      assertTrue(metric(text, "sfu4j_dtls_handshakes_total", "outcome=\"started\",worker=\"0\"") >= 2,
          text);
      assertEquals(0, metric(text, "sfu4j_dtls_handshakes_total", "outcome=\"rejected\",worker=\"0\""));
      assertEquals(0, metric(text, "sfu4j_dtls_handshakes_total", "outcome=\"expired\",worker=\"0\""));
      metric(text, "sfu4j_dtls_handshakes_total", "outcome=\"cancelled\",worker=\"0\"");
      assertEquals(0, metric(text, "sfu4j_dtls_handshakes_queued", "worker=\"0\""));
      metric(text, "sfu4j_dtls_handshakes_active", "worker=\"0\"");
    }
  }

  @Test
  void activeSpeakerAndDownlinkBweNotifications() throws Exception {
    String room = room();
    try (RtcClient alice = new RtcClient(daemon.address().getPort(), room, "alice");
        RtcClient bob = new RtcClient(daemon.address().getPort(), room, "bob")) {
      alice.join();
      alice.connectTransport(true);
      String mic = alice.produceOpus();
      bob.connectTransport(false);
      bob.join();
      JsonNode consumer = bob.ws.acceptNewConsumer();
      long consumerSsrc = consumer.path("rtpParameters").path("encodings").get(0).path("ssrc").asLong();

      // 1.2 s of loud 20 ms opus frames: the room's active speaker observer picks alice.
      for (int i = 0; i < 60; i++) {
        alice.sendOpus(20);
        Thread.sleep(20);
      }
      for (RtcClient c : new RtcClient[] {alice, bob}) {
        JsonNode n = c.ws.notification("activeSpeaker").path("data");
        assertEquals("alice", n.path("peerId").asText(), c.peerId + ": " + n);
        assertEquals(mic, n.path("producerId").asText());
      }

      // bob's browser reports 1 Mbit/s by REMB: the consuming transport's estimate runs, and bob
      // gets downlinkBwe once a second.
      bob.recv.sendRtcp(remb(0x1234, 1_000_000, consumerSsrc));
      JsonNode bwe = bob.ws.notification("downlinkBwe").path("data");
      System.out.println("[notifications] downlinkBwe " + bwe);
      assertEquals(bob.recvId, bwe.path("transportId").asText());
      assertEquals(1_000_000, bwe.path("availableBitrate").asLong(), "the REMB value: " + bwe);
      assertTrue(bwe.path("desiredBitrate").isIntegralNumber()
          && bwe.path("effectiveDesiredBitrate").isIntegralNumber(), bwe.toString());
      assertTrue(alice.ws.poll(n -> "downlinkBwe".equals(n.path("method").asText()), 200) == null,
          "only the consuming transport's owner gets it");
    }
  }

  /** RTCP PSFB FMT 15 "REMB" (draft-alvestrand-rmcat-remb): {@code bps} as 6-bit exponent + 18-bit mantissa. */
  static byte[] remb(long senderSsrc, long bps, long ssrc) {
    int exp = 0;
    long mantissa = bps;
    while (mantissa > 0x3FFFF) {
      mantissa >>= 1;
      exp++;
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24);
    b.put((byte) 0x8F).put((byte) 206).putShort((short) 5);
    b.putInt((int) senderSsrc).putInt(0);
    b.put(new byte[] {'R', 'E', 'M', 'B'});
    b.put((byte) 1).put((byte) ((exp << 2) | (mantissa >> 16))).putShort((short) (mantissa & 0xFFFF));
    b.putInt((int) ssrc);
    return b.array();
  }

  @Test
  void socketDropsAndDtlsFailuresAreCounted() throws Exception {
    String room = room();
    long dtlsBefore = metric(scrape(), "sfu4j_dtls_failures_total", null);
    try (RtcClient mallory = new RtcClient(daemon.address().getPort(), room, "mallory")) {
      JsonNode t = mallory.ws.ok("createWebRtcTransport", WsClient.obj().put("producing", true));
      int port = t.path("iceCandidates").get(0).path("port").asInt();
      long junkBefore = metric(scrape(), "sfu4j_webrtc_socket_dropped_total", "reason=\"bad_first_byte\",worker=\"0\"");
      try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        for (int i = 0; i < 3; i++) {
          byte[] junk = {80, 1, 2, 3}; // first byte 80: not STUN, DTLS or RTP (RFC 7983)
          s.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), port));
        }
      }
      awaitMetric("sfu4j_webrtc_socket_dropped_total", "reason=\"bad_first_byte\",worker=\"0\"", junkBefore + 3);
      String sockets = scrape();
      assertEquals(0, metric(sockets, "sfu4j_webrtc_socket_kernel_dropped_total", "worker=\"0\""));
      assertEquals(0, metric(sockets, "sfu4j_webrtc_stun_errors_suppressed_total", "worker=\"0\""));

      // DTLS with a fingerprint that does not match the client's certificate: the transport fails.
      try (WebRtcTestPeer peer = WebRtcTestPeer.create()) {
        JsonNode ice = t.path("iceParameters");
        peer.connectIce(new IceParameters(ice.path("usernameFragment").asText(), ice.path("password").asText(), true),
            new InetSocketAddress("127.0.0.1", port), RtcClient.TIMEOUT);
        ObjectNode connect = WsClient.obj().put("transportId", t.path("id").asText());
        ObjectNode dtls = connect.putObject("dtlsParameters").put("role", "client");
        dtls.putArray("fingerprints").addObject().put("algorithm", "sha-256").put("value",
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");
        mallory.ws.ok("connectWebRtcTransport", connect);
        assertThrows(Exception.class,
            () -> peer.connectDtls(DtlsRole.CLIENT, RtcClient.fingerprints(t), Duration.ofSeconds(5)));
      }
      awaitMetric("sfu4j_dtls_failures_total", null, dtlsBefore + 1);
      assertEquals(dtlsBefore + 1, metric(scrape(), "sfu4j_dtls_failures_total", null));
    }
  }

  static String scrape() throws Exception {
    var r = DaemonTest.get(base + "/metrics");
    assertEquals(200, r.statusCode());
    return r.body();
  }

  /** Scrapes until the series reaches {@code atLeast} (worker stats publish every 500 ms). */
  static String awaitMetric(String name, String labels, long atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String text = scrape();
    while (metric(text, name, labels) < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(100);
      text = scrape();
    }
    assertTrue(metric(text, name, labels) >= atLeast, name + "{" + labels + "} < " + atLeast + " in\n" + text);
    return text;
  }

  /** The value of one series; fails when it is missing. */
  static long metric(String text, String name, String labels) {
    String series = labels == null ? name : name + "{" + labels + "}";
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
    assertTrue(m.find(), series + " missing in\n" + text);
    return (long) Double.parseDouble(m.group(1));
  }
}
