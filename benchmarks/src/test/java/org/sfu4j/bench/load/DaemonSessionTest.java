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
 * The daemon and storm modes end to end against the real daemon (in process, 127.0.0.1, one
 * worker, real WebRtcTransports): WebSocket signaling, ICE, DTLS, produce, consume by peer and
 * kind, SRTP media to every subscriber with exact zero loss at this tiny load.
 */
class DaemonSessionTest {
  private static Daemon daemon;

  @BeforeAll
  static void start() throws Exception {
    daemon = LoopbackDaemon.start(43300);
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  private static String url() {
    return "ws://127.0.0.1:" + daemon.address().getPort();
  }

  private static String run(LoadConfig c, LoadReport.Final[] result) throws Exception {
    LoadMeter meter = new LoadMeter(c.subscribers() * 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        DaemonSession s = new DaemonSession(c, meter)) {
      result[0] = LoadRun.run(c, s, meter, out);
      return bytes.toString(StandardCharsets.UTF_8) + "\nSETUP " + s.setupJson();
    }
  }

  @Test
  void mediaReachesEverySubscriberThroughTheDaemon(@TempDir Path dir) throws Exception {
    LoadConfig c = LoadConfig.parse(new String[] {"--mode", "daemon", "--daemon", url(),
        "--target-pid", Long.toString(ProcessHandle.current().pid()), "--publishers", "2",
        "--subscribers", "2", "--duration", "2", "--warmup", "1", "--audio", "--results",
        dir.toString()});
    LoadReport.Final[] f = new LoadReport.Final[1];
    String text = run(c, f);
    LoadMeter.Totals t = f[0].totals();
    assertEquals(0, t.silentStreams(), text);
    assertEquals(0, t.foreign(), text);
    assertEquals(0, t.duplicates(), text);
    assertEquals(0, t.lost(), text);
    // 4 subscribers x (video 127 pps + audio 50 pps) for 2 s, less what a slow CI loses to timing
    assertTrue(t.received() > 4 * 177 * 1.5, text);
    assertTrue(text.contains("\"streams_with_media\":8,"), text);
    assertTrue(text.contains("\"failed_peers\":0,"), text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("RESULT publishers=2 consumers=4 ")), text);
  }

  @Test
  void stormConnectsEveryPeerAndReportsTimeToMedia(@TempDir Path dir) throws Exception {
    LoadConfig c = LoadConfig.parse(new String[] {"--mode", "storm", "--storm-peers", "12",
        "--daemon", url(), "--target-pid", Long.toString(ProcessHandle.current().pid()),
        "--publishers", "1", "--duration", "1", "--warmup", "1", "--results", dir.toString()})
        .forStorm();
    assertEquals(11, c.subscribers());
    LoadReport.Final[] f = new LoadReport.Final[1];
    String text = run(c, f);
    assertEquals(0, f[0].totals().silentStreams(), text);
    assertTrue(text.contains("\"peers\":12,"), text);
    assertTrue(text.contains("\"streams_with_media\":11,"), text);
    assertTrue(text.contains("\"failed_peers\":0,"), text);
    Matcher m = Pattern.compile("\"join_ms\":(\\d+),\"media_to_all_ms\":(\\d+)").matcher(text);
    assertTrue(m.find(), text);
    long join = Long.parseLong(m.group(1));
    long media = Long.parseLong(m.group(2));
    assertTrue(join > 0 && media > 0 && media < 30_000, text);
  }
}
