package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sfu4j.signaling.protoo.ProtooCodec;

/**
 * Seeded fuzzer over request JSON: valid requests of every client → server method, mutated
 * (wrong types, missing/extra fields, huge strings/arrays, nesting, out-of-range numbers,
 * unicode, other peers' ids), sent over a real WebSocket to the Netty server on 127.0.0.1 with
 * the real engine behind it. Every answer must be a response with a PROTOCOL.md error code other
 * than 500, the socket must stay open and a valid request afterwards must succeed.
 *
 * <p>Default: a short bounded run. Nightly: {@code -Dsfu4j.fuzz.iterations=10000000}
 * (and {@code -Dsfu4j.fuzz.seed=N} to replay a seed).
 */
class SignalingFuzzTest {
  private static final Set<Integer> PROTOCOL_ERRORS = Set.of(400, 401, 403, 404, 409, 429);
  private static final String[] METHODS = {
    "getRouterRtpCapabilities", "join", "createWebRtcTransport", "connectWebRtcTransport",
    "restartIce", "produce", "closeProducer", "pauseProducer", "resumeProducer", "pauseConsumer",
    "resumeConsumer", "setConsumerPreferredLayers", "setConsumerPriority",
    "requestConsumerKeyFrame", "produceData", "changeDisplayName", "getTransportStats",
    "getProducerStats", "getConsumerStats", "consume", "cancelConsume", "closeConsumer",
    "getRoomState"
  };
  /** Ids of this size keep a mutated request far below the 64 KiB frame limit. */
  private static final int MAX_FRAME = 60_000;
  private static final int SESSION_REQUESTS = 100;

  @Test
  void mutatedRequestsOfEveryMethodGetProtocolErrorsAndTheSessionStaysHealthy() throws Exception {
    int iterations = Integer.getInteger("sfu4j.fuzz.signaling.iterations",
        Integer.getInteger("sfu4j.fuzz.iterations", 2_000));
    long seed = Long.getLong("sfu4j.fuzz.seed", 0x5f04_9a11L);
    Random rnd = new Random(seed);
    JsonMutator mutator = new JsonMutator(rnd);
    Map<Integer, Integer> codes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int ok = 0;
    int sessions = 0;
    long t0 = System.nanoTime();
    try (TestServer s = new TestServer(
        SignalingConfig.defaults().withRate(1e6, 1_000_000).withServerRequestTimeoutMs(300), null)) {
      String room = "fuzz-" + UUID.randomUUID();
      TestServer.Joined alice = s.join(room, "alice", null);
      String aliceMic = alice.produce("chrome-produce-opus.json");
      String aliceCam = alice.produce("chrome-produce-vp8-simulcast.json");
      Session bob = null;
      for (int i = 0; i < iterations; i++) {
        if (bob == null || i % SESSION_REQUESTS == 0) {
          if (bob != null) {
            bob.assertHealthy();
            bob.joined.ws().close();
          }
          alice.ws().clear();
          bob = new Session(s, room, "bob" + sessions++);
          List<String> ids = new ArrayList<>(bob.ids());
          ids.add(aliceMic);
          ids.add(aliceCam);
          ids.add(alice.sendId());
          ids.add(alice.recvId());
          ids.add("alice");
          mutator.knownIds(ids);
        }
        String method = METHODS[rnd.nextInt(METHODS.length)];
        JsonNode data = mutator.mutate(bob.template(method));
        if (rnd.nextInt(50) == 0) {
          method = rnd.nextBoolean() ? method.toUpperCase() : method + "\u0000";
        }
        String frame = ProtooCodec.request(1_000_000 + i, method, data);
        if (frame.length() > MAX_FRAME || JsonMutator.nesting(data) > 60) {
          continue; // the frame and nesting limits have their own tests
        }
        // join mostly goes to a fresh, unjoined socket so its validation is reached.
        boolean fresh = method.equals("join") && rnd.nextBoolean();
        WsClient target = fresh ? WsClient.connect(s.port, room, "j" + i) : bob.joined.ws();
        long id = 1_000_000 + i;
        target.sendText(frame);
        JsonNode r = target.poll(n -> n.path("response").asBoolean() && n.path("id").asLong() == id, 5_000);
        if (r == null) {
          failures.add("no response (close " + target.closeCode + ") to " + abbreviate(frame));
        } else if (r.path("ok").asBoolean()) {
          ok++;
        } else {
          int code = r.path("errorCode").asInt();
          codes.merge(code, 1, Integer::sum);
          String reason = r.path("errorReason").asText("");
          if (!PROTOCOL_ERRORS.contains(code) || reason.contains("Exception") || reason.contains("\tat ")
              || reason.isEmpty()) {
            failures.add(code + " " + reason + " for " + abbreviate(frame));
          }
        }
        if (fresh) {
          target.close();
        }
        if (failures.size() > 20) {
          break;
        }
      }
      bob.assertHealthy();
      bob.joined.ws().close();
      alice.ws().close();
      s.awaitEmpty();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("[fuzz-signaling] seed=%d requests=%d ok=%d errors=%s sessions=%d in %d ms%n",
        seed, iterations, ok, codes, sessions, ms);
    assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: " + failures);
  }

  private static String abbreviate(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "…(" + s.length() + " chars)";
  }

  /** Bob: joined, producing, consuming alice's two producers, one pending consume, templates. */
  private static final class Session {
    final TestServer.Joined joined;
    final String producerId;
    final String consumerId;
    final String pendingId;
    final Map<String, ObjectNode> templates = new LinkedHashMap<>();

    Session(TestServer s, String room, String peer) {
      joined = s.join(room, peer, null);
      WsClient ws = joined.ws();
      consumerId = ws.acceptNewConsumer().path("id").asText();
      ws.acceptNewConsumer();
      producerId = joined.produce("chrome-produce-opus.json");
      pendingId = ws.ok("consume", WsClient.obj().put("transportId", joined.recvId())
          .put("peerId", "nobody").put("source", "screen")).path("pendingId").asText();
    }

    List<String> ids() {
      return List.of(joined.sendId(), joined.recvId(), producerId, consumerId, pendingId);
    }

    ObjectNode template(String method) {
      ObjectNode d = WsClient.obj();
      switch (method) {
        case "join":
          d.put("displayName", "fuzz");
          d.putObject("device").put("name", "junit").put("flag", "java").put("version", "1");
          d.set("rtpCapabilities", Fixtures.deviceCaps());
          d.put("subscribe", "manual");
          break;
        case "createWebRtcTransport":
          d.put("forceTcp", false).put("producing", true).put("consuming", false);
          d.putObject("sctpCapabilities").putObject("numStreams").put("OS", 1024).put("MIS", 1024);
          break;
        case "connectWebRtcTransport":
          d.put("transportId", joined.recvId()).set("dtlsParameters", Fixtures.dtls("chrome-produce-opus.json"));
          break;
        case "restartIce":
        case "getTransportStats":
          d.put("transportId", joined.sendId());
          break;
        case "produce":
          return Fixtures.produce("chrome-produce-vp8-simulcast.json", joined.sendId());
        case "closeProducer":
        case "pauseProducer":
        case "resumeProducer":
        case "getProducerStats":
          d.put("producerId", producerId);
          break;
        case "setConsumerPreferredLayers":
          d.put("consumerId", consumerId).put("spatialLayer", 1).put("temporalLayer", 2);
          break;
        case "setConsumerPriority":
          d.put("consumerId", consumerId).put("priority", 2);
          break;
        case "pauseConsumer":
        case "resumeConsumer":
        case "requestConsumerKeyFrame":
        case "getConsumerStats":
        case "closeConsumer":
          d.put("consumerId", consumerId);
          break;
        case "produceData":
          d.put("transportId", joined.sendId()).put("label", "chat").put("protocol", "");
          d.putObject("sctpStreamParameters").put("streamId", 0).put("ordered", true);
          d.putObject("appData");
          break;
        case "changeDisplayName":
          d.put("displayName", "Bob B.");
          break;
        case "consume":
          d.put("transportId", joined.recvId()).put("peerId", "alice").put("source", "mic")
              .put("kind", "audio").put("paused", true);
          break;
        case "cancelConsume":
          d.put("pendingId", pendingId);
          break;
        default:
          break;
      }
      return d;
    }

    void assertHealthy() {
      assertEquals(-1, joined.ws().closeCode, "socket closed: " + joined.ws().closeReason);
      joined.ws().ok("getRouterRtpCapabilities", WsClient.obj());
      joined.ws().ok("getRoomState", WsClient.obj());
    }
  }
}
