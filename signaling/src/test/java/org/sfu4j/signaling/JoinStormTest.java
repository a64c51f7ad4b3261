package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sfu4j.signaling.protoo.EncodedMessage;

/**
 * Many peers joining one room at once over real WebSockets (issue 8's join storm, scaled down):
 * room-wide notifications are serialised once and sent batched, and must still reach exactly the
 * right peers, once each, in order.
 */
class JoinStormTest {
  static final int PEERS = 60;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(SignalingConfig.defaults(), null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyPairIsIntroducedExactlyOnceInOneDirection() throws Exception {
    String room = "storm-" + UUID.randomUUID();
    List<WsClient> clients = new ArrayList<>();
    for (int i = 0; i < PEERS; i++) {
      clients.add(WsClient.connect(server.port, room, "p" + i));
    }
    // Every join is on the wire before the first answer: the server sees one burst.
    long[] ids = new long[PEERS];
    for (int i = 0; i < PEERS; i++) {
      ObjectNode join = WsClient.obj().put("displayName", "name-" + i).put("subscribe", "manual");
      join.putObject("device").put("name", "junit").put("flag", "java").put("version", "1");
      ids[i] = clients.get(i).sendRequest("join", join);
    }
    List<Set<String>> listed = new ArrayList<>();
    for (int i = 0; i < PEERS; i++) {
      long id = ids[i];
      JsonNode r =
          clients.get(i).take(n -> n.path("response").asBoolean() && n.path("id").asLong() == id, 10_000);
      assertTrue(r.path("ok").asBoolean(), r.toString());
      Set<String> others = new HashSet<>();
      for (JsonNode p : r.path("data").path("peers")) {
        assertEquals("name-" + p.path("id").asText().substring(1), p.path("displayName").asText());
        assertEquals("junit", p.path("device").path("name").asText());
        others.add(p.path("id").asText());
      }
      listed.add(others);
    }
    // Peer i must be told about exactly the peers that joined after it (those whose join
    // response lists i), once each.
    for (int i = 0; i < PEERS; i++) {
      String me = "p" + i;
      Set<String> expected = new HashSet<>();
      for (int j = 0; j < PEERS; j++) {
        if (j != i) {
          boolean jListsMe = listed.get(j).contains(me);
          boolean iListsJ = listed.get(i).contains("p" + j);
          assertNotEquals(jListsMe, iListsJ, me + " and p" + j + " must meet exactly once");
          if (jListsMe) {
            expected.add("p" + j);
          }
        }
      }
      WsClient c = clients.get(i);
      Map<String, Integer> told = new HashMap<>();
      for (int k = 0; k < expected.size(); k++) {
        JsonNode n = c.notification("newPeer");
        JsonNode data = n.path("data");
        told.merge(data.path("id").asText(), 1, Integer::sum);
        assertEquals("name-" + data.path("id").asText().substring(1), data.path("displayName").asText());
        assertEquals("java", data.path("device").path("flag").asText());
      }
      assertEquals(expected, told.keySet(), me);
      assertTrue(told.values().stream().allMatch(v -> v == 1), me + " told twice: " + told);
      assertTrue(!c.receives(n -> "newPeer".equals(n.path("method").asText()), 50), me + ": extra newPeer");
    }
    // One leaves: each of the others hears peerClosed once.
    clients.get(0).close();
    for (int i = 1; i < PEERS; i++) {
      JsonNode n = clients.get(i).notification("peerClosed");
      assertEquals("p0", n.path("data").path("peerId").asText());
    }
    for (int i = 1; i < PEERS; i++) {
      clients.get(i).close();
    }
    server.awaitEmpty();
  }

  @Test
  void roomLimitCountsJoinedPeersAcrossLeaves() throws Exception {
    TestServer small = new TestServer(SignalingConfig.defaults().withMaxPeersPerRoom(2), null);
    try {
      String room = "limit-" + UUID.randomUUID();
      WsClient a = WsClient.connect(small.port, room, "a");
      WsClient b = WsClient.connect(small.port, room, "b");
      WsClient c = WsClient.connect(small.port, room, "c");
      a.ok("join", WsClient.obj());
      b.ok("join", WsClient.obj());
      c.error("join", WsClient.obj(), 429);
      b.close();
      a.notification("peerClosed");
      c.ok("join", WsClient.obj()); // b's seat is free again
      a.close();
      c.close();
      small.awaitEmpty();
    } finally {
      small.close();
    }
  }

  /** What a PeerChannel received, in order. */
  private static final class RecordingChannel implements PeerChannel {
    final List<Object> sent = new ArrayList<>();

    @Override
    public void send(String json) {
      sent.add(json);
    }

    @Override
    public void send(EncodedMessage message) {
      sent.add(message);
    }

    @Override
    public void close(int statusCode, String reason) {}
  }

  @Test
  void roomWideNotificationIsOneSharedInstance() throws Exception {
    SignalingService service =
        new SignalingService(SignalingConfig.defaults(), null, new TokenAuthenticator(null));
    try {
      CompletableFuture<Void> done =
          service.onSignalingThread(
              () -> {
                Room room = new Room("r", service);
                List<RecordingChannel> channels = new ArrayList<>();
                List<Peer> peers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                  RecordingChannel ch = new RecordingChannel();
                  Peer p = new Peer("p" + i, Role.PUBLISHER, ch);
                  room.addPeer(p);
                  if (i != 3) {
                    room.markJoined(p); // p3 connected but has not joined: not told
                  }
                  channels.add(ch);
                  peers.add(p);
                }
                assertEquals(3, room.joinedPeers());
                EncodedMessage m = EncodedMessage.of("{\"notification\":true,\"method\":\"x\"}");
                room.notifyJoined(m, peers.get(0));
                assertEquals(List.of(), channels.get(0).sent);
                assertSame(m, channels.get(1).sent.get(0));
                assertSame(m, channels.get(2).sent.get(0));
                assertEquals(List.of(), channels.get(3).sent);
              });
      done.get(5, TimeUnit.SECONDS);
    } finally {
      service.shutdown().exceptionally(e -> null).get(10, TimeUnit.SECONDS);
    }
  }
}
