package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The warm-up covers the first-media crypto path: in a fresh JVM, after {@link CryptoWarmUp}
 * finished, creating SRTP sessions of all four profiles and protecting / unprotecting the first
 * RTP and RTCP packets loads not a single crypto class (JCE, SunJCE, BouncyCastle, jitsi-srtp).
 * Class loading is what the cold stall consists of, and unlike a wall-clock bound it does not
 * depend on machine load. The cold control run proves the check can fail.
 */
class CryptoWarmUpTest {
  private static final String[] CRYPTO_PACKAGES = {
      " javax.crypto.", " com.sun.crypto.", " sun.security.", " java.security.",
      " org.bouncycastle.", " org.jitsi."};

  /** Crypto classes loaded between MARK and END in a child JVM; also prints its timings. */
  private static List<String> cryptoClassesLoadedOnFirstPacket(String mode) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), ColdFirstPacketProbe.class.getName(), mode)
        .redirectErrorStream(true).start();
    List<String> loaded = new ArrayList<>();
    boolean marked = false;
    boolean ended = false;
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("WARMUP ")) {
          System.out.println("[warm-up] took " + line.substring(7) + " ms in a fresh JVM");
        } else if (line.equals("MARK")) {
          marked = true;
        } else if (line.startsWith("END ")) {
          ended = true;
          System.out.printf("[warm-up] %s JVM: first SRTP sessions + packets (4 profiles) took"
              + " %s us, %d crypto classes loaded%n", mode, line.substring(4), loaded.size());
        } else if (marked && !ended && line.contains("[class,load]")) {
          for (String pkg : CRYPTO_PACKAGES) {
            if (line.contains(pkg)) {
              loaded.add(line);
              break;
            }
          }
        }
      }
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe exited");
    assertEquals(0, p.exitValue(), "probe exit code");
    assertTrue(marked && ended, "probe ran");
    return loaded;
  }

  @Test
  void afterWarmUpTheFirstPacketsLoadNoCryptoClass() throws Exception {
    List<String> cold = cryptoClassesLoadedOnFirstPacket("cold");
    assertTrue(cold.size() > 20, "control: a cold JVM loads crypto classes there: " + cold.size());
    List<String> warm = cryptoClassesLoadedOnFirstPacket("warm");
    assertEquals(List.of(), warm, "classes the warm-up missed");
  }
}
