package org.sfu4j.srtp;

import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@link CryptoWarmUpTest}: with argument {@code warm} it first runs the
 * warm-up and waits for it, then prints {@code MARK}, runs the first-media path (a new SRTP session
 * per profile protecting and unprotecting RTP and RTCP, as a transport's loop does on DTLS
 * connected), and prints {@code END <micros>}. With {@code cold} it skips the warm-up.
 */
public final class ColdFirstPacketProbe {
  private ColdFirstPacketProbe() {}

  public static void main(String[] args) throws Exception {
    boolean warm = args.length > 0 && args[0].equals("warm");
    if (warm) {
      CryptoWarmUp.start().get(60, TimeUnit.SECONDS);
      System.out.println("WARMUP " + CryptoWarmUp.tookMs());
    }
    System.out.println("MARK");
    long t0 = System.nanoTime();
    for (SrtpProfile p : SrtpProfile.values()) {
      CryptoWarmUp.srtpRoundTrip(p);
    }
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
    System.out.println("END " + micros);
  }
}
