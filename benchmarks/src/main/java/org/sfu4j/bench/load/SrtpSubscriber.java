package org.sfu4j.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.ice.StunMessageWriter;
import org.sfu4j.srtp.DtlsCertificate;
import org.sfu4j.srtp.DtlsEndpoint;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsHandshakeExecutor;
import org.sfu4j.srtp.DtlsParameters;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.SrtpKeys;
import org.sfu4j.srtp.SrtpProfile;
import org.sfu4j.srtp.SrtpResult;
import org.sfu4j.srtp.SrtpSession;

/**
 * A receive-only WebRTC peer built for density: hundreds share one Netty event loop (one
 * channel each, {@code recvmmsg}), and the media path copies each datagram once into a reused
 * heap buffer (jitsi-srtp needs an array, as in the SFU's own receive path), decrypts it in
 * place and reads the probe from it: no allocation per packet.
 * {@link org.sfu4j.media.testpeer.WebRtcTestPeer}, with a thread, queue and three copies per
 * packet, saturates this 2-core machine's tool core at a few thousand packets per second.
 *
 * <p>ICE: a controlling client sending nominating checks written by {@link StunMessageWriter}.
 * DTLS: client role through sfu4j's {@link DtlsEndpoint} (BouncyCastle underneath). SRTP:
 * {@link SrtpSession} (jitsi-srtp underneath). Publishers stay independent WebRtcTestPeers.
 */
final class SrtpSubscriber extends SimpleChannelInboundHandler<DatagramPacket>
    implements DtlsEndpoint.Listener {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int index;
  private final int subscribersPerPublisher;
  private final LoadMeter meter;
  private final DtlsCertificate certificate;
  private final DtlsEndpoint dtls;
  private final String localUfrag = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  private final StunMessageWriter stun = new StunMessageWriter();
  private final CompletableFuture<Void> iceDone = new CompletableFuture<>();
  private final CompletableFuture<Void> dtlsDone = new CompletableFuture<>();
  private volatile Channel channel;
  private volatile InetSocketAddress server;
  private volatile SrtpSession srtp;
  /** jitsi-srtp works on arrays: each packet is copied once into this reused heap buffer. */
  private final ByteBuf heap = io.netty.buffer.Unpooled.buffer(2048, 2048);
  private byte[] transactionId;
  /** Browsers refresh consent every ~5 s (RFC 7675 allows 4-6 s). */
  static final long CONSENT_INTERVAL_MS = 5000;
  private volatile java.util.concurrent.ScheduledFuture<?> consent;
  private long decryptFailures;

  SrtpSubscriber(int index, int subscribersPerPublisher, LoadMeter meter,
      DtlsCertificate certificate, DtlsHandshakeExecutor executor) {
    this.index = index;
    this.subscribersPerPublisher = subscribersPerPublisher;
    this.meter = meter;
    this.certificate = certificate;
    this.dtls = new DtlsEndpoint(certificate, executor, this);
  }

  void attach(Channel ch) {
    this.channel = ch;
  }

  /** DTLS parameters to signal: we are the DTLS client. */
  DtlsParameters dtlsParameters() {
    return new DtlsParameters(DtlsRole.CLIENT, certificate.fingerprints());
  }

  /**
   * Sends a nominating check and retransmits it (same transaction id, RFC 8489 6.2.1: a late
   * answer to the first transmission still counts) after 50, 100, 200, then every 400 ms until the
   * server answers. Blocking, off the loop.
   */
  void connectIce(IceParameters serverIce, InetSocketAddress serverAddress, Duration timeout)
      throws Exception {
    server = serverAddress;
    String username = serverIce.getUsernameFragment() + ":" + localUfrag;
    byte[] key = serverIce.getPassword().getBytes(StandardCharsets.UTF_8);
    long tieBreaker = RANDOM.nextLong();
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] tid = new byte[12];
    RANDOM.nextBytes(tid);
    long rto = 50;
    while (System.nanoTime() < deadline) {
      channel.eventLoop().submit(() -> {
        transactionId = tid;
        sendCheck(tid, username, tieBreaker, key);
      }).get(5, TimeUnit.SECONDS);
      try {
        iceDone.get(rto, TimeUnit.MILLISECONDS);
        // Consent freshness (RFC 7675): the SFU drops a tuple after 30 s without a check.
        consent = channel.eventLoop().scheduleAtFixedRate(() -> {
          byte[] t = new byte[12];
          RANDOM.nextBytes(t);
          sendCheck(t, username, tieBreaker, key);
        }, CONSENT_INTERVAL_MS, CONSENT_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException again) {
        rto = Math.min(rto * 2, 400);
      }
    }
    throw new IllegalStateException("ICE: no binding success from " + server);
  }

  /** One binding request; event loop only. */
  private void sendCheck(byte[] tid, String username, long tieBreaker, byte[] key) {
    ByteBuf b = channel.alloc().buffer(StunMessageWriter.bindingRequestSize(username, true));
    stun.writeBindingRequest(b, tid, username, IceCandidate.computePriority(110, 65535, 1),
        true, tieBreaker, key);
    channel.writeAndFlush(new DatagramPacket(b, server));
  }

  /** Runs the DTLS client handshake against the server's fingerprints; blocks until keyed. */
  void connectDtls(List<DtlsFingerprint> serverFingerprints, Duration timeout) throws Exception {
    dtls.start(DtlsRole.CLIENT, serverFingerprints);
    dtlsDone.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  long decryptFailures() {
    return decryptFailures;
  }

  void close() {
    java.util.concurrent.ScheduledFuture<?> c = consent;
    if (c != null) {
      c.cancel(false);
    }
    dtls.close();
    SrtpSession s = srtp;
    if (s != null) {
      channel.eventLoop().execute(s::close);
    }
  }

  /**
   * Demultiplexes by first byte (RFC 7983); decrypts SRTP in place and meters it. The superclass
   * releases {@code msg}; DTLS copies what it keeps.
   */
  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
    ByteBuf c = msg.content();
    int len = c.readableBytes();
    if (len < 1) {
      return;
    }
    int first = c.getUnsignedByte(c.readerIndex());
    if (first >= 128 && first <= 191) {
      SrtpSession s = srtp;
      if (s == null || len < 12) {
        return;
      }
      int second = c.getUnsignedByte(c.readerIndex() + 1);
      if (second >= 192 && second <= 223) {
        return; // SRTCP (sender reports): not metered
      }
      if (len > heap.capacity()) {
        return;
      }
      heap.clear().writeBytes(c, c.readerIndex(), len);
      c = heap;
      if (s.unprotectRtp(c) != SrtpResult.OK) {
        decryptFailures++;
        return;
      }
      int off = c.readerIndex();
      int plain = c.readableBytes();
      if (!Probe.present(c, off, plain)) {
        return;
      }
      int end = off + plain;
      int stream = LoadSession.meterStream(index, subscribersPerPublisher, Probe.streamId(c, end));
      meter.onPacket(stream, Probe.sequence(c, end), Probe.sendNanos(c, end), plain,
          System.nanoTime());
    } else if (first <= 3) {
      byte[] tid = transactionId;
      if (len >= 20 && c.getUnsignedShort(c.readerIndex()) == 0x0101 && tid != null) {
        byte[] got = new byte[12];
        c.getBytes(c.readerIndex() + 8, got);
        if (Arrays.equals(got, tid)) {
          iceDone.complete(null);
        }
      }
    } else if (first >= 20 && first <= 63) {
      dtls.receive(c);
    }
  }

  @Override
  public void onOutgoing(byte[] datagram) {
    Channel ch = channel;
    if (ch != null && server != null) {
      ch.writeAndFlush(new DatagramPacket(io.netty.buffer.Unpooled.wrappedBuffer(datagram),
          server));
    }
  }

  @Override
  public void onConnected(SrtpProfile profile, SrtpKeys keys) {
    srtp = SrtpSession.create(profile, keys);
    dtlsDone.complete(null);
  }

  @Override
  public void onFailed(String reason) {
    dtlsDone.completeExceptionally(new IllegalStateException("DTLS failed: " + reason));
  }

  @Override
  public void onClosed() {
    // close_notify from the SFU at the end of the run
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // ICMP port unreachable during teardown and the like: not a measurement.
  }
}
