package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tool over real loopback UDP through an in-process relay: exact counts, no loss. */
class BareUdpRelayTest {

  @Test
  void relaysEveryPublisherPacketToItsSubscribersOnly(@TempDir Path dir) throws Exception {
    LoadConfig c = LoadConfig.parse(new String[] {"--mode", "relay", "--publishers", "2",
        "--subscribers", "3", "--duration", "2", "--warmup", "1", "--audio", "--results",
        dir.toString(), "--baseline-pps", "1000"});
    LoadMeter meter = new LoadMeter(c.subscribers() * 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoadReport.Final f;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        UdpRelaySession s = new UdpRelaySession(c, meter)) {
      f = LoadRun.run(c, s, meter, out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    LoadMeter.Totals t = f.totals();
    assertEquals(0, t.lost(), text);
    assertEquals(0, t.duplicates());
    assertEquals(0, t.foreign());
    assertEquals(0, t.silentStreams());
    // Totals cover the measured window (after the warm-up): with 0 lost, no silent and no foreign
    // stream, every packet a publisher sent in the window reached each of its 3 subscribers and
    // nobody else; the window cannot hold more than 3 copies of everything sent.
    assertEquals(t.expected(), t.received(), text);
    assertTrue(t.received() > 0 && t.received() <= f.sentPackets() * 3,
        t.received() + " received vs " + f.sentPackets() + " sent" + text);
    assertTrue(t.latency().percentile(50) > 0);
    double expectedPps = c.traffic().packetsPerSecond() * 6;
    assertTrue(Math.abs(f.ppsOut() - expectedPps) < expectedPps * 0.2,
        f.ppsOut() + " vs " + expectedPps);
    String last = text.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.startsWith("RESULT publishers=2 consumers=6 pps_out="), last);
    assertTrue(last.contains(" baseline_ratio="), last);
    try (var files = Files.list(dir)) {
      Path json = files.findFirst().orElseThrow();
      String j = Files.readString(json);
      assertTrue(j.startsWith("{\"mode\":\"relay\""), j);
      assertTrue(j.contains("\"intervals\":[{\"t\":1,"), j);
    }
  }

  @Test
  void refusesNonLoopbackTargetsAndUnboundedRuns() {
    for (String[] bad : new String[][] {
        {"--relay", "10.0.0.1:4000"}, {"--duration", "601"}, {"--subscribers", "5001"},
        {"--daemon", "ws://192.168.1.1:8080"}, {"--mode", "nope"}}) {
      try {
        LoadConfig.parse(bad);
        throw new AssertionError("accepted " + String.join(" ", bad));
      } catch (IllegalArgumentException expected) {
        // refused
      }
    }
  }
}
