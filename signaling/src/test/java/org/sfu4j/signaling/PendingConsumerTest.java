package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** subscribe:"manual" + consume: immediate, fulfilled, expired, cancelled, either peer leaving. */
class PendingConsumerTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(
        SignalingConfig.defaults().withPendingConsumerTimeoutMs(400).withMaxPendingPerPeer(2), null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String room() {
    return "pending-" + UUID.randomUUID();
  }

  static ObjectNode consume(TestServer.Joined who, String peerId, String source) {
    ObjectNode d = WsClient.obj().put("transportId", who.recvId()).put("peerId", peerId);
    if (source != null) {
      d.put("source", source);
    }
    return d;
  }

  @Test
  void manualPeerGetsNothingUntilItAsksAndAnExistingProducerIsConsumedAtOnce() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    String mic = pub.produce("chrome-produce-opus.json");
    TestServer.Joined sub = server.join(room, "sub", "manual");
    assertFalse(sub.ws().receives(n -> "newConsumer".equals(n.path("method").asText()), 300));
    JsonNode c = sub.ws().ok("consume", consume(sub, "pub", "mic").put("kind", "audio"));
    assertEquals(mic, c.path("producerId").asText());
    assertEquals("pub", c.path("peerId").asText());
    assertEquals("audio", c.path("kind").asText());
    assertTrue(c.path("rtpParameters").path("codecs").isArray());
    assertFalse(c.has("pending"));
    sub.ws().error("consume", consume(sub, "pub", "mic"), 409); // already consuming it
    sub.ws().error("consume", consume(sub, "sub", null), 400); // self
    sub.ws().error("consume", consume(sub, "pub", null).put("kind", "smell"), 400);
    pub.ws().close();
    sub.ws().close();
    server.awaitEmpty();
  }

  @Test
  void fulfilledWhenTheProducerAppears() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    TestServer.Joined sub = server.join(room, "sub", "manual");
    JsonNode p = sub.ws().ok("consume", consume(sub, "pub", "webcam"));
    assertTrue(p.path("pending").asBoolean());
    String pendingId = p.path("pendingId").asText();
    assertEquals(1, server.counters().pendingConsumers());
    pub.produce("chrome-produce-opus.json"); // mic: does not match
    String cam = pub.produce("chrome-produce-vp8-simulcast.json");
    JsonNode req = sub.ws().serverRequest("newConsumer");
    assertEquals(pendingId, req.path("data").path("pendingId").asText());
    assertEquals(cam, req.path("data").path("producerId").asText());
    sub.ws().sendText(org.sfu4j.signaling.protoo.ProtooCodec.okResponse(req.path("id").asLong(), null));
    awaitCount(() -> server.counters().pendingConsumers(), 0);
    awaitCount(() -> server.counters().consumers(), 1);
    sub.ws().error("cancelConsume", WsClient.obj().put("pendingId", pendingId), 404);
    pub.ws().close();
    sub.ws().notification("consumerClosed");
    sub.ws().close();
    server.awaitEmpty();
  }

  @Test
  void expiresWithANotification() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    TestServer.Joined sub = server.join(room, "sub", "manual");
    String pendingId = sub.ws().ok("consume", consume(sub, "pub", "screen")).path("pendingId").asText();
    JsonNode n = sub.ws().notification("consumePendingExpired").path("data");
    assertEquals(pendingId, n.path("pendingId").asText());
    assertEquals("timeout", n.path("reason").asText());
    assertEquals(0, server.counters().pendingConsumers());
    pub.ws().close();
    sub.ws().close();
    server.awaitEmpty();
  }

  @Test
  void cancelledAndLimited() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    TestServer.Joined sub = server.join(room, "sub", "manual");
    String a = sub.ws().ok("consume", consume(sub, "pub", "screen")).path("pendingId").asText();
    sub.ws().ok("consume", consume(sub, "pub", "webcam"));
    sub.ws().error("consume", consume(sub, "pub", "mic"), 429); // maxPendingPerPeer = 2
    sub.ws().ok("cancelConsume", WsClient.obj().put("pendingId", a));
    sub.ws().error("cancelConsume", WsClient.obj().put("pendingId", a), 404);
    assertEquals(1, server.counters().pendingConsumers());
    pub.ws().close();
    sub.ws().close();
    server.awaitEmpty();
  }

  @Test
  void requesterLeavingDropsItsPendingRequests() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    TestServer.Joined sub = server.join(room, "sub", "manual");
    sub.ws().ok("consume", consume(sub, "pub", "webcam"));
    sub.ws().close();
    awaitCount(() -> server.counters().pendingConsumers(), 0);
    pub.produce("chrome-produce-vp8-simulcast.json");
    awaitCount(() -> server.liveMediaObjects.getAsInt(), 4); // router + 2 transports + producer only
    assertEquals(0, server.counters().consumers());
    pub.ws().close();
    server.awaitEmpty();
  }

  @Test
  void publisherLeavingDropsPendingAndReturningPublisherIsNotMatched() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    TestServer.Joined sub = server.join(room, "sub", "manual");
    String pendingId = sub.ws().ok("consume", consume(sub, "pub", "webcam")).path("pendingId").asText();
    pub.ws().close();
    JsonNode n = sub.ws().notification("consumePendingExpired").path("data");
    assertEquals(pendingId, n.path("pendingId").asText());
    assertEquals("peerClosed", n.path("reason").asText());
    sub.ws().notification("peerClosed");
    assertEquals(0, server.counters().pendingConsumers());
    // The publisher returns and publishes: the dropped request is not fulfilled; a new one is.
    TestServer.Joined back = server.join(room, "pub", null);
    back.produce("chrome-produce-vp8-simulcast.json");
    assertFalse(sub.ws().receives(m -> "newConsumer".equals(m.path("method").asText()), 300));
    JsonNode c = sub.ws().ok("consume", consume(sub, "pub", "webcam"));
    assertFalse(c.has("pending"));
    back.ws().close();
    sub.ws().close();
    server.awaitEmpty();
  }

  @Test
  void newConsumerTimeoutOnPendingFulfilmentClosesIt() {
    String room = room();
    TestServer.Joined pub = server.join(room, "pub", null);
    TestServer.Joined sub = server.join(room, "sub", "manual");
    sub.ws().ok("consume", consume(sub, "pub", "mic"));
    pub.produce("chrome-produce-opus.json");
    JsonNode req = sub.ws().serverRequest("newConsumer");
    sub.ws().sendText(org.sfu4j.signaling.protoo.ProtooCodec.errorResponse(req.path("id").asLong(), 500, "no"));
    awaitCount(() -> server.counters().consumers(), 0);
    pub.ws().close();
    sub.ws().close();
    server.awaitEmpty();
  }

  static void awaitCount(java.util.function.IntSupplier s, int expected) {
    long deadline = System.currentTimeMillis() + 3000;
    while (s.getAsInt() != expected && System.currentTimeMillis() < deadline) {
      TestServer.sleep(10);
    }
    assertEquals(expected, s.getAsInt());
  }
}
