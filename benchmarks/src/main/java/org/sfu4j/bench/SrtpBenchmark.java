package org.sfu4j.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sfu4j.srtp.SrtpKeys;
import org.sfu4j.srtp.SrtpProfile;
import org.sfu4j.srtp.SrtpResult;
import org.sfu4j.srtp.SrtpSession;

/**
 * SRTP protect and unprotect of one 1,200-byte RTP packet (12-byte header + 1,188 payload) per
 * profile, in place on a heap ByteBuf, including the one copy the packet path makes (plaintext
 * into the outbound buffer; received bytes into the work buffer).
 *
 * <p>Unprotect needs a fresh, never-seen sequence number per call (replay protection), so it
 * cycles through {@value #RING} packets protected in setup and then starts a new receiving session
 * — the context derivation is amortized over {@value #RING} packets (under 1 B/op).
 *
 * <p>{@link #jceFloor} is the work any SRTP over SunJCE must do per packet, without SRTP framing:
 * GCM {@code init(new GCMParameterSpec)} + AAD + in-place {@code doFinal}; AES-CM a CTR
 * {@code init} + {@code doFinal} into scratch + HMAC-SHA1 over packet and ROC. protect minus
 * jceFloor is what jitsi-srtp and SrtpSession add.
 *
 * <pre>
 * taskset -c 1 java -jar benchmarks/target/benchmarks.jar SrtpBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc
 * java -Dsfu4j.srtp.aesFactory=BouncyCastle ... (jvmArgs) to compare AES providers
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
@State(Scope.Thread)
public class SrtpBenchmark {
  static final int PACKET = 1200;
  static final int RING = 8192;
  static final int SSRC = 0x1234abcd;

  @Param({"AEAD_AES_128_GCM", "AEAD_AES_256_GCM", "AES_CM_128_HMAC_SHA1_80",
      "AES_CM_128_HMAC_SHA1_32"})
  public String profileName;

  private SrtpProfile profile;
  private SrtpKeys receiverKeys;
  private SrtpSession sender;
  private SrtpSession receiver;
  private byte[] plain;
  private byte[][] protectedRing;
  private ByteBuf work;
  private int seq;
  private int ringIndex;
  private Cipher floorCipher;
  private SecretKeySpec floorKey;
  private Mac floorMac;
  private byte[] floorIv;
  private byte[] floorBuf;
  private byte[] floorScratch;

  @Setup(Level.Trial)
  public void setUp() {
    profile = SrtpProfile.valueOf(profileName);
    byte[] material = new byte[profile.keyingMaterialLength()];
    new Random(1).nextBytes(material);
    SrtpKeys senderKeys = SrtpKeys.fromKeyingMaterial(profile, material, true);
    receiverKeys = SrtpKeys.fromKeyingMaterial(profile, material, false);
    sender = SrtpSession.create(profile, senderKeys);
    plain = new byte[PACKET];
    new Random(2).nextBytes(plain);
    plain[0] = (byte) 0x80;
    plain[1] = 96;
    plain[8] = (byte) (SSRC >>> 24);
    plain[9] = (byte) (SSRC >>> 16);
    plain[10] = (byte) (SSRC >>> 8);
    plain[11] = (byte) SSRC;
    work = Unpooled.buffer(PACKET + profile.maxOverhead(), PACKET + profile.maxOverhead());

    // Packets for the unprotect benchmark, from an independent sending session.
    SrtpSession ringSender = SrtpSession.create(profile, senderKeys);
    protectedRing = new byte[RING][];
    for (int i = 0; i < RING; i++) {
      work.clear().writeBytes(plain);
      work.setShort(2, i);
      if (ringSender.protectRtp(work) != SrtpResult.OK) {
        throw new IllegalStateException("setup protect failed");
      }
      protectedRing[i] = new byte[work.readableBytes()];
      work.getBytes(0, protectedRing[i]);
    }
    ringSender.close();
    receiver = SrtpSession.create(profile, receiverKeys);

    try {
      byte[] key = new byte[profile.keyLength()];
      new Random(4).nextBytes(key);
      floorKey = new SecretKeySpec(key, "AES");
      floorCipher = Cipher.getInstance(profile.isAead() ? "AES/GCM/NoPadding" : "AES/CTR/NoPadding",
          "SunJCE");
      floorMac = Mac.getInstance("HmacSHA1", "SunJCE");
      floorMac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    floorIv = new byte[profile.isAead() ? 12 : 16];
    floorBuf = new byte[PACKET + 16];
    floorScratch = new byte[PACKET + 16];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    work.release();
    sender.close();
    receiver.close();
  }

  @Benchmark
  public SrtpResult protect() {
    ByteBuf b = work;
    b.clear().writeBytes(plain);
    b.setShort(2, seq++);
    return sender.protectRtp(b);
  }

  /** SunJCE's share of protect (see class javadoc); returns the output length. */
  @Benchmark
  public int jceFloor() throws java.security.GeneralSecurityException {
    byte[] b = floorBuf;
    System.arraycopy(plain, 0, b, 0, PACKET);
    int s = seq++;
    floorIv[10] = (byte) (s >>> 8);
    floorIv[11] = (byte) s;
    if (profile.isAead()) {
      floorCipher.init(Cipher.ENCRYPT_MODE, floorKey, new GCMParameterSpec(128, floorIv));
      floorCipher.updateAAD(b, 0, 12);
      return floorCipher.doFinal(b, 12, PACKET - 12, b, 12);
    }
    floorCipher.init(Cipher.ENCRYPT_MODE, floorKey, new IvParameterSpec(floorIv));
    int n = floorCipher.doFinal(b, 12, PACKET - 12, floorScratch, 0);
    floorMac.update(floorScratch, 0, n);
    floorMac.update(floorIv, 0, 4);
    return n + floorMac.doFinal().length;
  }

  @Benchmark
  public SrtpResult unprotect() {
    if (ringIndex == RING) {
      receiver.close();
      receiver = SrtpSession.create(profile, receiverKeys);
      ringIndex = 0;
    }
    ByteBuf b = work;
    b.clear().writeBytes(protectedRing[ringIndex++]);
    SrtpResult r = receiver.unprotectRtp(b);
    if (r != SrtpResult.OK) {
      throw new IllegalStateException("unprotect " + r);
    }
    return r;
  }
}
