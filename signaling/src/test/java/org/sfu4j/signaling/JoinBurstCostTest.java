package org.sfu4j.signaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A burst of {@code PEERS} joins into one room (all sockets open first, every join on the wire
 * before the first answer): every join succeeds and every peer is introduced to every other
 * exactly once. It also prints the server CPU of the burst (issue 8), split into the signaling
 * thread and the HTTP/WebSocket event loop, by {@link ThreadMXBean} thread CPU time so the figure
 * does not depend on how busy the machine is; printed, never asserted. The default build runs one
 * small round; the measurement (200 peers, 6 rounds in one JVM, the first ones include the JIT):
 * {@code mvn -B -o -q -pl signaling -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=JoinBurstCostTest -Dsfu4j.bench=true}.
 */
class JoinBurstCostTest {
  static final boolean BENCH = Boolean.getBoolean("sfu4j.bench");
  static final int PEERS = Integer.getInteger("sfu4j.bench.peers", BENCH ? 200 : 40);
  static final int ROUNDS = Integer.getInteger("sfu4j.bench.rounds", BENCH ? 6 : 1);

  @Test
  void joinBurstServerCpu() throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (TestServer server = new TestServer(SignalingConfig.defaults().withMaxPeersPerRoom(1000), null)) {
      for (int round = 1; round <= ROUNDS; round++) {
        String room = "burst-" + UUID.randomUUID();
        List<WsClient> clients = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
          clients.add(WsClient.connect(server.port, room, "p" + i));
        }
        Thread.sleep(200); // registrations done
        long[] before = cpu(mx);
        long t0 = System.nanoTime();
        long[] ids = new long[PEERS];
        for (int i = 0; i < PEERS; i++) {
          ObjectNode join = WsClient.obj().put("displayName", "name-" + i).put("subscribe", "manual");
          join.putObject("device").put("name", "junit").put("flag", "java").put("version", "1");
          ids[i] = clients.get(i).sendRequest("join", join);
        }
        int notifications = 0;
        for (int i = 0; i < PEERS; i++) {
          long id = ids[i];
          JsonNode r = clients.get(i).take(
              n -> n.path("response").asBoolean() && n.path("id").asLong() == id, 30_000);
          assertTrue(r.path("ok").asBoolean());
          int expected = PEERS - 1 - r.path("data").path("peers").size();
          for (int k = 0; k < expected; k++) {
            clients.get(i).notification("newPeer");
            notifications++;
          }
        }
        long wall = System.nanoTime() - t0;
        long[] after = cpu(mx);
        System.out.printf(Locale.ROOT,
            "[join burst] round %d: %d joins, %d newPeer: signaling thread %.1f ms cpu, "
                + "http loop %.1f ms cpu, wall %.0f ms%n",
            round, PEERS, notifications, (after[0] - before[0]) / 1e6, (after[1] - before[1]) / 1e6,
            wall / 1e6);
        for (WsClient c : clients) {
          c.close();
        }
        server.awaitEmpty();
      }
    }
  }

  /** CPU nanos of the signaling thread and the HTTP event loop threads. */
  private static long[] cpu(ThreadMXBean mx) {
    long sig = 0;
    long http = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long c = mx.getThreadCpuTime(t.getId());
      if (c < 0) {
        continue;
      }
      if (t.getName().startsWith("sfu4j-signaling")) {
        sig += c;
      } else if (t.getName().startsWith("sfu4j-http")) {
        http += c;
      }
    }
    return new long[] {sig, http};
  }
}
