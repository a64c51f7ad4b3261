package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.sfu4j.signaling.protoo.ProtooCodec;

/**
 * Abuse of the signaling socket beyond the protocol tests: floods, thousands of pending
 * consumers, one peer reaching for another peer's objects, forged tokens. Real WebSocket clients
 * against the Netty server on 127.0.0.1, real engine behind it.
 */
class SignalingAbuseTest {
  private static final String SECRET = "abuse-test-secret-0123456789abcdef";

  static String room() {
    return "abuse-" + UUID.randomUUID();
  }

  @Test
  void requestFloodIsAnswered429AndTheSocketSurvives() throws Exception {
    // Default limits: 50 requests/s, burst 100.
    try (TestServer s = new TestServer(SignalingConfig.defaults(), null)) {
      TestServer.Joined p = s.join(room(), "flooder", null);
      WsClient c = p.ws();
      int n = 2_000;
      long t0 = System.nanoTime();
      long first = -1;
      for (int i = 0; i < n; i++) {
        long id = c.sendRequest(i % 2 == 0 ? "getRoomState" : "getTransportStats",
            WsClient.obj().put("transportId", p.sendId()));
        if (first < 0) {
          first = id;
        }
      }
      int ok = 0;
      int limited = 0;
      for (long id = first; id < first + n; id++) {
        long want = id;
        JsonNode r = c.take(m -> m.path("response").asBoolean() && m.path("id").asLong() == want, 10_000);
        if (r.path("ok").asBoolean()) {
          ok++;
        } else {
          assertEquals(429, r.path("errorCode").asInt(), r.toString());
          limited++;
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("[abuse] flood of %d requests in %.2f s (%.0f req/s): %d served, %d answered 429%n",
          n, seconds, n / seconds, ok, limited);
      assertEquals(n, ok + limited);
      // Burst 100 plus 50/s refill while the flood lasted.
      assertTrue(ok >= 100 && ok <= 100 + (int) Math.ceil(50 * seconds) + 1, "served " + ok);
      assertEquals(-1, c.closeCode);
      Thread.sleep(100);
      c.ok("getRouterRtpCapabilities", WsClient.obj());
      c.close();
      s.awaitEmpty();
    }
  }

  @Test
  void thousandsOfPendingConsumersHitTheLimitAndLeaveNothing() throws Exception {
    try (TestServer s = new TestServer(SignalingConfig.defaults().withRate(1e6, 1_000_000), null)) {
      String room = room();
      TestServer.Joined sub = s.join(room, "sub", "manual");
      int n = 5_000;
      long first = -1;
      for (int i = 0; i < n; i++) {
        long id = sub.ws().sendRequest("consume", WsClient.obj().put("transportId", sub.recvId())
            .put("peerId", "ghost-" + i).put("source", "screen"));
        first = first < 0 ? id : first;
      }
      int pending = 0;
      int limited = 0;
      for (long id = first; id < first + n; id++) {
        long want = id;
        JsonNode r = sub.ws().take(m -> m.path("response").asBoolean() && m.path("id").asLong() == want, 10_000);
        if (r.path("ok").asBoolean()) {
          assertTrue(r.path("data").path("pending").asBoolean());
          pending++;
        } else {
          assertEquals(429, r.path("errorCode").asInt(), r.toString());
          limited++;
        }
      }
      int max = SignalingConfig.defaults().maxPendingPerPeer();
      System.out.printf("[abuse] %d consume requests for absent producers: %d pending, %d refused 429%n",
          n, pending, limited);
      assertEquals(max, pending);
      assertEquals(n - max, limited);
      assertEquals(max, s.counters().pendingConsumers());
      sub.ws().abort();
      s.awaitEmpty();
    }
  }

  @Test
  void aPeerCannotReachAnotherPeersObjects() throws Exception {
    try (TestServer s = new TestServer(SignalingConfig.defaults(), null)) {
      String room = room();
      TestServer.Joined alice = s.join(room, "alice", null);
      String mic = alice.produce("chrome-produce-opus.json");
      TestServer.Joined bob = s.join(room, "bob", "manual");
      JsonNode consumer = bob.ws().ok("consume", PendingConsumerTest.consume(bob, "alice", "mic"));
      String bobConsumer = consumer.path("id").asText();
      String bobPending = bob.ws().ok("consume", PendingConsumerTest.consume(bob, "alice", "screen"))
          .path("pendingId").asText();
      TestServer.Joined carol = s.join(room, "carol", "manual");
      WsClient c = carol.ws();
      // Alice's producer and transports, bob's consumer and pending request: all 404 to carol.
      for (String m : new String[] {"closeProducer", "pauseProducer", "resumeProducer", "getProducerStats"}) {
        c.error(m, WsClient.obj().put("producerId", mic), 404);
      }
      for (String m : new String[] {"pauseConsumer", "resumeConsumer", "closeConsumer", "requestConsumerKeyFrame", "getConsumerStats"}) {
        c.error(m, WsClient.obj().put("consumerId", bobConsumer), 404);
      }
      c.error("setConsumerPreferredLayers", WsClient.obj().put("consumerId", bobConsumer).put("spatialLayer", 0), 404);
      c.error("setConsumerPriority", WsClient.obj().put("consumerId", bobConsumer).put("priority", 1), 404);
      c.error("cancelConsume", WsClient.obj().put("pendingId", bobPending), 404);
      for (String t : new String[] {alice.sendId(), alice.recvId(), bob.recvId()}) {
        c.error("getTransportStats", WsClient.obj().put("transportId", t), 404);
        c.error("restartIce", WsClient.obj().put("transportId", t), 404);
        ObjectNode connect = WsClient.obj().put("transportId", t);
        connect.set("dtlsParameters", Fixtures.dtls("chrome-produce-opus.json"));
        c.error("connectWebRtcTransport", connect, 404);
        c.error("produce", Fixtures.produce("chrome-produce-opus.json", t), 404);
        c.error("consume", WsClient.obj().put("transportId", t).put("peerId", "alice"), 404);
      }
      // Regression (found here): a producer id of alice's named under peer bob was fulfilled at
      // once with alice's producer, because the engine's pending queue ignored the owner when a
      // producer id was given. It must stay pending (bob has no such producer).
      int consumersBefore = s.counters().consumers();
      JsonNode misnamed = c.ok("consume", WsClient.obj().put("transportId", carol.recvId())
          .put("peerId", "bob").put("producerId", mic));
      assertTrue(misnamed.path("pending").asBoolean(), misnamed.toString());
      assertFalse(c.receives(m -> m.path("request").asBoolean(), 300), c.snapshot().toString());
      assertEquals(consumersBefore, s.counters().consumers());
      // Answering someone else's server request does nothing: carol "rejects" dave's newConsumer
      // with a request id she never received (server request ids are per peer).
      TestServer.Joined dave = s.join(room, "dave", null);
      JsonNode req = dave.ws().serverRequest("newConsumer");
      consumersBefore = s.counters().consumers();
      c.sendText(ProtooCodec.errorResponse(req.path("id").asLong(), 500, "not yours"));
      c.ok("getRoomState", WsClient.obj());
      assertEquals(consumersBefore, s.counters().consumers());
      dave.ws().sendText(ProtooCodec.okResponse(req.path("id").asLong(), WsClient.obj()));
      // Nothing of theirs changed: bob's consumer and pending request, alice's producer are intact.
      bob.ws().ok("getConsumerStats", WsClient.obj().put("consumerId", bobConsumer));
      bob.ws().ok("cancelConsume", WsClient.obj().put("pendingId", bobPending));
      alice.ws().ok("getProducerStats", WsClient.obj().put("producerId", mic));
      // Another room cannot see alice at all.
      TestServer.Joined eve = s.join(room(), "eve", "manual");
      JsonNode elsewhere = eve.ws().ok("consume", WsClient.obj().put("transportId", eve.recvId())
          .put("peerId", "alice").put("producerId", mic));
      assertTrue(elsewhere.path("pending").asBoolean(), elsewhere.toString());
      eve.ws().error("closeProducer", WsClient.obj().put("producerId", mic), 404);
      for (TestServer.Joined j : new TestServer.Joined[] {alice, bob, carol, dave, eve}) {
        j.ws().close();
      }
      s.awaitEmpty();
    }
  }

  static String token(String secret, String room, String peer, String role, Instant exp) {
    return JWT.create().withClaim("room", room).withClaim("peer", peer).withClaim("role", role)
        .withExpiresAt(Date.from(exp)).sign(Algorithm.HMAC256(secret));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void forgedTokensAre401AndRolesHold() throws Exception {
    try (TestServer s = new TestServer(SignalingConfig.defaults(), SECRET)) {
      String room = room();
      Instant exp = Instant.now().plusSeconds(60);
      String sub = token(SECRET, room, "x", "subscriber", exp);
      String[] parts = sub.split("\\.");
      long expSec = exp.getEpochSecond();
      String adminClaims = b64("{\"room\":\"" + room + "\",\"peer\":\"x\",\"role\":\"admin\",\"exp\":" + expSec + "}");
      String[] bad = {
        // payload swapped to admin, the subscriber's signature kept
        parts[0] + "." + adminClaims + "." + parts[2],
        // signature bit flipped
        parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1),
        // alg none, unsigned
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + adminClaims + ".",
        // another HMAC algorithm with the right secret
        JWT.create().withClaim("room", room).withClaim("peer", "x").withClaim("role", "admin")
            .withExpiresAt(Date.from(exp)).sign(Algorithm.HMAC512(SECRET)),
        // another room, no exp, not yet valid, expired beyond the 5 s leeway
        token(SECRET, "other-room", "x", "admin", exp),
        JWT.create().withClaim("room", room).withClaim("peer", "x").withClaim("role", "admin").sign(Algorithm.HMAC256(SECRET)),
        JWT.create().withClaim("room", room).withClaim("peer", "x").withClaim("role", "admin")
            .withExpiresAt(Date.from(exp)).withNotBefore(Date.from(Instant.now().plusSeconds(600))).sign(Algorithm.HMAC256(SECRET)),
        token(SECRET, room, "x", "admin", Instant.now().minusSeconds(10)),
        // claims of the wrong types
        JWT.create().withClaim("room", 1).withClaim("peer", "x").withClaim("role", "admin")
            .withExpiresAt(Date.from(exp)).sign(Algorithm.HMAC256(SECRET)),
        "a.b.c", "....", "x".repeat(4000),
      };
      HttpClient http = HttpClient.newHttpClient();
      for (String t : bad) {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
            () -> http.newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + s.port + "/ws?roomId=" + room + "&peerId=x&token=" + t),
                new java.net.http.WebSocket.Listener() {}).join(), t);
        assertEquals(401, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode(), t);
      }
      // The genuine subscriber token works, and may not produce anything.
      WsClient c = WsClient.connect(s.port, "roomId=" + room + "&peerId=x&token=" + sub);
      JsonNode t = c.ok("createWebRtcTransport", WsClient.obj());
      c.ok("join", WsClient.obj().set("rtpCapabilities", Fixtures.deviceCaps()));
      ObjectNode connect = WsClient.obj().put("transportId", t.path("id").asText());
      connect.set("dtlsParameters", Fixtures.dtls("chrome-produce-opus.json"));
      c.ok("connectWebRtcTransport", connect);
      for (String f : new String[] {"chrome-produce-opus.json", "chrome-produce-vp8-simulcast.json"}) {
        c.error("produce", Fixtures.produce(f, t.path("id").asText()), 403);
      }
      ObjectNode pd = WsClient.obj().put("transportId", t.path("id").asText()).put("label", "chat");
      pd.putObject("sctpStreamParameters").put("streamId", 0);
      JsonNode r = c.call("produceData", pd);
      assertFalse(r.path("ok").asBoolean());
      assertTrue(r.path("errorCode").asInt() == 403 || r.path("errorCode").asInt() == 400, r.toString());
      assertEquals(0, s.counters().producers());
      c.close();
      s.awaitEmpty();
    }
  }
}
