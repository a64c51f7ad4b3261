package org.sfu4j.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Once per JVM, on its own daemon thread: runs every crypto path the media plane needs so that
 * the first real packet does not pay for it on an event loop. A cold JVM spends seconds there
 * (JCE provider lookup, jitsi's choice of AES implementation per transformation, HMAC,
 * BouncyCastle's TLS and EC classes, SecureRandom seeding) — measured as a 2.5 s event-loop
 * stall on the first media.
 *
 * <p>What runs: SecureRandom; for each of the four {@link SrtpProfile}s, a pair of SRTP sessions
 * protecting and unprotecting one RTP and one RTCP packet in both directions; an ECDSA P-256
 * certificate and a complete in-memory DTLS handshake between two {@link DtlsEndpoint}s (signature,
 * verification, ECDHE, key export). Failures are swallowed: warm-up is an optimisation only.
 *
 * <p>{@link #start()} is cheap and idempotent; the transport delays installing a new SRTP
 * session until {@link #whenDone()} completes (without blocking its loop), so no event loop ever
 * runs a cold crypto path.
 */
public final class CryptoWarmUp {
  private static final CompletableFuture<Void> DONE = new CompletableFuture<>();
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static volatile long tookNanos = -1;

  private CryptoWarmUp() {}

  /**
   * Starts the warm-up on a daemon thread unless already started; returns {@link #whenDone()}.
   * {@code -Dsfu4j.crypto.warmUp=false} skips it (completes at once): for before/after
   * measurements only.
   */
  public static CompletableFuture<Void> start() {
    if (STARTED.compareAndSet(false, true)) {
      if (!Boolean.parseBoolean(System.getProperty("sfu4j.crypto.warmUp", "true"))) {
        DONE.complete(null);
        return DONE;
      }
      Thread t = new Thread(CryptoWarmUp::run, "crypto-warm-up");
      t.setDaemon(true);
      t.start();
    }
    return DONE;
  }

  /**
   * Completes (never exceptionally) once the warm-up ran; never completes if {@link #start()} was
   * not called. Callbacks attached with {@code thenRun} run on the warm-up thread or inline.
   */
  public static CompletableFuture<Void> whenDone() {
    return DONE;
  }

  /** Whether the warm-up finished. */
  public static boolean isDone() {
    return DONE.isDone();
  }

  /** How long the warm-up took in ms, -1 before it finished. */
  public static long tookMs() {
    long n = tookNanos;
    return n < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(n);
  }

  private static void run() {
    long t0 = System.nanoTime();
    try {
      new SecureRandom().nextBytes(new byte[32]);
      for (SrtpProfile p : SrtpProfile.values()) {
        srtpRoundTrip(p);
      }
      dtlsHandshake();
    } catch (Throwable e) {
      // Warm-up only: the real path reports its own errors.
    } finally {
      tookNanos = System.nanoTime() - t0;
      DONE.complete(null);
    }
  }

  /** Both sides of a session protect and unprotect an RTP and an RTCP packet. */
  static void srtpRoundTrip(SrtpProfile profile) {
    byte[] material = new byte[profile.keyingMaterialLength()];
    new SecureRandom().nextBytes(material);
    SrtpSession client = SrtpSession.create(profile,
        SrtpKeys.fromKeyingMaterial(profile, material, true));
    SrtpSession server = SrtpSession.create(profile,
        SrtpKeys.fromKeyingMaterial(profile, material, false));
    ByteBuf buf = Unpooled.buffer(256, 256);
    try {
      for (int i = 0; i < 2; i++) {
        SrtpSession from = i == 0 ? client : server;
        SrtpSession to = i == 0 ? server : client;
        buf.clear();
        buf.writeByte(0x80).writeByte(96).writeShort(1).writeInt(3000).writeInt(0x1234 + i);
        buf.writeZero(100);
        from.protectRtp(buf);
        to.unprotectRtp(buf);
        buf.clear();
        // An empty receiver report.
        buf.writeByte(0x80).writeByte(201).writeShort(1).writeInt(0x1234 + i);
        from.protectRtcp(buf);
        to.unprotectRtcp(buf);
      }
    } finally {
      buf.release();
      client.close();
      server.close();
    }
  }

  /** Two endpoints wired to each other in memory, client and server, to the exported keys. */
  private static void dtlsHandshake() throws Exception {
    DtlsCertificate a = DtlsCertificate.generateEcdsaP256();
    DtlsCertificate b = DtlsCertificate.generateEcdsaP256();
    try (DtlsHandshakeExecutor executor =
        new DtlsHandshakeExecutor(2, 0, Duration.ofSeconds(10))) {
      CompletableFuture<Void> bothConnected = new CompletableFuture<>();
      AtomicInteger connected = new AtomicInteger();
      Wire clientSide = new Wire(bothConnected, connected);
      Wire serverSide = new Wire(bothConnected, connected);
      DtlsEndpoint client = new DtlsEndpoint(a, executor, clientSide);
      DtlsEndpoint server = new DtlsEndpoint(b, executor, serverSide);
      clientSide.peer = server;
      serverSide.peer = client;
      try {
        server.start(DtlsRole.SERVER, a.fingerprints());
        client.start(DtlsRole.CLIENT, b.fingerprints());
        bothConnected.get(10, TimeUnit.SECONDS);
      } finally {
        client.close();
        server.close();
      }
    }
  }

  /** Hands each outgoing datagram straight to the other endpoint. */
  private static final class Wire implements DtlsEndpoint.Listener {
    private final CompletableFuture<Void> bothConnected;
    private final AtomicInteger connected;
    volatile DtlsEndpoint peer;

    Wire(CompletableFuture<Void> bothConnected, AtomicInteger connected) {
      this.bothConnected = bothConnected;
      this.connected = connected;
    }

    @Override
    public void onOutgoing(byte[] datagram) {
      ByteBuf b = Unpooled.wrappedBuffer(datagram);
      try {
        peer.receive(b);
      } finally {
        b.release();
      }
    }

    @Override
    public void onConnected(SrtpProfile profile, SrtpKeys keys) {
      if (connected.incrementAndGet() == 2) {
        bothConnected.complete(null);
      }
    }

    @Override
    public void onFailed(String reason) {
      bothConnected.completeExceptionally(new IllegalStateException(reason));
    }

    @Override
    public void onClosed() {}
  }
}
