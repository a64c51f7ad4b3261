package org.sfu4j.srtp;

import java.lang.reflect.Field;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.CipherFactory;
import org.jitsi.srtp.crypto.HmacSha1;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * One-time set-up of jitsi-srtp for use on the packet path.
 *
 * <ul>
 *   <li>jitsi-srtp logs through java.util.logging, at SEVERE/WARNING for every packet that fails
 *       authentication or replay checks — an attacker could fill the disk. We switch its loggers
 *       off (holding strong references: JUL keeps loggers weakly) and count drops instead.
 *   <li>It picks an AES provider by a start-up micro-benchmark, which makes numbers vary run to
 *       run and may pick OpenSSL through its bundled JNI library. We pin SunJCE (through
 *       {@link InPlaceSunJceCipherFactory}); override with the system property
 *       {@code sfu4j.srtp.aesFactory} ("SunJCE" or "BouncyCastle": jitsi's own factories).
 *   <li>Its HMAC-SHA1 prefers a bundled OpenSSL JNI library when the host has libcrypto, so the
 *       same build behaves differently per host. We pin HMAC to SunJCE too (through its private
 *       provider list; if that field ever disappears we keep jitsi's choice).
 * </ul>
 *
 * <p>Pinning is process-wide and must happen before jitsi creates its first cipher: every class
 * here that touches jitsi goes through this class first.
 */
final class JitsiSrtpSupport {
  /**
   * The AES factory: SunJCE measured ~8x faster than BouncyCastle's JCE here (AES-NI intrinsics),
   * wrapped to avoid SunJCE's per-packet copy (see {@link InPlaceSunJceCipherFactory} and
   * benchmarks/README.md, SrtpBenchmark).
   */
  static final String DEFAULT_AES_FACTORY = "InPlaceSunJCE";

  private static final Logger JITSI_JUL_ROOT = Logger.getLogger("org.jitsi");
  private static final LoggerImpl LOGGER;

  static {
    JITSI_JUL_ROOT.setLevel(Level.OFF);
    LOGGER = new LoggerImpl("org.jitsi.srtp.sfu4j");
    LOGGER.setLevelOff();
    String factory = System.getProperty("sfu4j.srtp.aesFactory", DEFAULT_AES_FACTORY);
    boolean inPlace = factory.equals(DEFAULT_AES_FACTORY);
    Aes.setFactoryClassName(
        "org.jitsi.srtp.crypto.Aes$" + (inPlace ? "SunJCE" : factory) + "CipherFactory");
    if (inPlace) {
      installInPlaceCiphers();
    }
    pinHmacProvider();
  }

  /**
   * jitsi ignores a factory class it does not ship (its createCipherFactories builds the extended
   * class list and then uses the original one), so we seed its per-transformation cache instead.
   * If that private field ever disappears, plain SunJCE stays pinned (correct, just allocating).
   */
  @SuppressWarnings("unchecked")
  private static void installInPlaceCiphers() {
    try {
      Field cache = Aes.class.getDeclaredField("fastestFactories");
      cache.setAccessible(true);
      Map<String, CipherFactory> map = (Map<String, CipherFactory>) cache.get(null);
      CipherFactory inPlace = new InPlaceSunJceCipherFactory();
      synchronized (Aes.class) {
        map.put("AES/CTR/NoPadding", inPlace);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // keep plain SunJCE
    }
  }

  private static void pinHmacProvider() {
    Provider sunJce = Security.getProvider("SunJCE");
    if (sunJce == null) {
      return;
    }
    try {
      Field providers = HmacSha1.class.getDeclaredField("providers");
      providers.setAccessible(true);
      providers.set(null, List.of(sunJce));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // jitsi-srtp changed: keep its own provider choice.
    }
  }

  /** Forces the one-time set-up; call before any other use of jitsi-srtp in the process. */
  static void init() {
    // class initialization does the work
  }

  private JitsiSrtpSupport() {}

  /** The silenced logger every jitsi context is created with. */
  static LoggerImpl logger() {
    return LOGGER;
  }

  /** jitsi policy for SRTP packets of {@code profile}. */
  static SrtpPolicy rtpPolicy(SrtpProfile profile) {
    return policy(profile, profile.srtpTagLength());
  }

  /** jitsi policy for SRTCP packets of {@code profile} (80-bit tag even for the _32 profile). */
  static SrtpPolicy rtcpPolicy(SrtpProfile profile) {
    return policy(profile, profile.srtcpTagLength());
  }

  private static SrtpPolicy policy(SrtpProfile profile, int tagLength) {
    SrtpPolicy policy = profile.isAead()
        ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLength(),
            SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, profile.saltLength())
        : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.keyLength(),
            SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tagLength, profile.saltLength());
    // jitsi applies replay protection to *sent* packets by default; a consumer without RTX
    // answers a NACK by protecting the same sequence number again, which must not fail.
    // Replay protection stays on for what we receive.
    policy.setSendReplayEnabled(false);
    return policy;
  }
}
