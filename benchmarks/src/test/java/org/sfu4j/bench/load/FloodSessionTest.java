package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sfu4j.daemon.Daemon;

/**
 * {@code --mode flood} end to end against the real daemon (in process, 127.0.0.1): a small paced
 * flood of every kind from 8 tuples while 1 publisher x 2 subscribers stream. Every attack
 * datagram is accounted for by the daemon (a socket drop by reason or a kernel drop), the
 * wrong-integrity checks are exactly the STUN_BAD_INTEGRITY count, and the honest peers lose
 * nothing at this rate.
 */
class FloodSessionTest {
  private static Daemon daemon;

  @BeforeAll
  static void start() throws Exception {
    daemon = LoopbackDaemon.start(43400);
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  private static long field(String text, String name) {
    Matcher m = Pattern.compile("[ \"]" + name + "\"?[=:](\\d+)").matcher(text);
    assertTrue(m.find(), name + " in " + text);
    return Long.parseLong(m.group(1));
  }

  @Test
  void everyAttackDatagramIsAccountedForAndTheHonestPeersLoseNothing(@TempDir Path dir)
      throws Exception {
    String base = "127.0.0.1:" + daemon.address().getPort();
    LoadConfig c = LoadConfig.parse(new String[] {"--mode", "flood", "--daemon", "ws://" + base,
        "--metrics", "http://" + base + "/metrics",
        "--target-pid", Long.toString(ProcessHandle.current().pid()), "--publishers", "1",
        "--subscribers", "2", "--duration", "2", "--warmup", "1", "--flood-rate", "2000",
        "--flood-sockets", "8", "--results", dir.toString()});
    LoadMeter meter = new LoadMeter(c.subscribers() * 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoadReport.Final f;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        FloodSession s = new FloodSession(c, meter)) {
      f = LoadRun.run(c, s, meter, out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8) + "\nSETUP " + f.setupJson();
    LoadMeter.Totals t = f.totals();
    assertEquals(0, t.silentStreams(), text);
    assertEquals(0, t.lost(), text);
    long sent = field(text, "attack_sent");
    assertTrue(sent > 2000 && sent < 6000, "about 2 s at 2,000/s: " + text);
    assertEquals(0, field(text, "attack_send_errors"), text);
    long socketDrops = field(text, "daemon_socket_drops");
    long kernelDrops = field(text, "kernel_drops");
    assertEquals(sent, socketDrops + kernelDrops, "every attack datagram accounted: " + text);
    if (kernelDrops == 0) {
      long badIntegrity = field(text, "stun_bad_integrity");
      Matcher m = Pattern.compile("reason='stun_bad_integrity',worker='0'\\}\":(\\d+)")
          .matcher(text);
      assertTrue(m.find(), text);
      assertEquals(badIntegrity, Long.parseLong(m.group(1)), text);
    }
    assertTrue(text.contains("\"daemon_tuple_sockets\":3,"), "pub + 2 subs validated: " + text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("RESULT publishers=1 consumers=2 ")
        && l.contains(" attack_pps=")), text);
  }
}
