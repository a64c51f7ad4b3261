package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine mode end to end on loopback: a real Worker and WebRtcTransports, a WebRtcTestPeer
 * publisher (VP8 + opus) and SrtpSubscribers (ICE, DTLS, SRTP). Every subscriber stream gets
 * media, decrypts cleanly, and loss is exact (0 at this tiny load).
 */
class EngineSessionTest {

  @Test
  void publisherReachesEverySubscriberThroughTheEngine(@TempDir Path dir) throws Exception {
    LoadConfig c = LoadConfig.parse(new String[] {"--mode", "engine", "--publishers", "1",
        "--subscribers", "3", "--duration", "2", "--warmup", "1", "--audio", "--results",
        dir.toString()});
    LoadMeter meter = new LoadMeter(c.subscribers() * 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoadReport.Final f;
    String setup;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EngineSession s = new EngineSession(c, meter)) {
      f = LoadRun.run(c, s, meter, out);
      setup = s.setupJson();
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    LoadMeter.Totals t = f.totals();
    assertEquals(0, t.silentStreams(), text);
    assertEquals(0, t.foreign(), text);
    assertEquals(0, t.duplicates(), text);
    assertEquals(0, t.lost(), text);
    assertTrue(setup.contains("\"srtp_decrypt_failures\":0"), setup);
    assertTrue(t.received() > c.traffic().packetsPerSecond() * 3, text);
    assertTrue(text.strip().lines().reduce((a, b) -> b).orElseThrow()
        .startsWith("RESULT publishers=1 consumers=3 "), text);
  }
}
