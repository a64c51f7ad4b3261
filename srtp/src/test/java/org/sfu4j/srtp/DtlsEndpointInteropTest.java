package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our endpoint against BouncyCastle's own DTLS client and server over loopback UDP. */
class DtlsEndpointInteropTest {
  private static DtlsCertificate ours;
  private static DtlsCertificate peers;
  private static DtlsHandshakeExecutor executor;

  @BeforeAll
  static void setUp() {
    ours = DtlsCertificate.generateEcdsaP256();
    peers = DtlsCertificate.generateEcdsaP256();
    executor = new DtlsHandshakeExecutor(4, Duration.ofSeconds(10));
  }

  @AfterAll
  static void tearDown() {
    executor.close();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void bcClientConnectsToOurServerAndSrtpRoundTrips(SrtpProfile profile) throws Exception {
    try (UdpHarness h = new UdpHarness()) {
      DtlsEndpoint endpoint = new DtlsEndpoint(ours, executor, h);
      h.attach(endpoint);
      endpoint.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
      BcPeer.Client client = new BcPeer.Client(peers, profile.protectionProfileId());
      DTLSTransport peerDtls = new DTLSClientProtocol()
          .connect(client, new UDPTransport(h.peerSocket, 1500));

      SrtpKeys keys = h.connected.get(10, TimeUnit.SECONDS);
      assertEquals(DtlsState.CONNECTED, endpoint.state());
      assertEquals(profile, h.profile);
      assertEquals(profile.protectionProfileId(), client.outcome.profileId);
      assertFalse(keys.localIsClient());
      assertEquals(ours.fingerprint("sha-256"),
          BcPeer.sha256Of(ours).get(0).getValue());
      assertArrayEquals(ours.encoded(), client.outcome.remoteCertificateDer);

      roundTrip(profile, keys, new PeerSrtp(profile.protectionProfileId(),
          client.outcome.keyingMaterial, true));

      peerDtls.close(); // close_notify
      h.closed.get(5, TimeUnit.SECONDS);
      assertEquals(DtlsState.CLOSED, endpoint.state());
      assertFalse(h.failed.isDone());
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void ourClientConnectsToBcServerAndSrtpRoundTrips(SrtpProfile profile) throws Exception {
    try (UdpHarness h = new UdpHarness()) {
      BcPeer.Server server = new BcPeer.Server(peers, profile.protectionProfileId());
      CompletableFuture<DTLSTransport> peerDtls = CompletableFuture.supplyAsync(() -> {
        try {
          return new DTLSServerProtocol().accept(server, new UDPTransport(h.peerSocket, 1500));
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      DtlsEndpoint endpoint = new DtlsEndpoint(ours, executor, h);
      h.attach(endpoint);
      endpoint.start(DtlsRole.CLIENT, BcPeer.sha256Of(peers));

      SrtpKeys keys = h.connected.get(10, TimeUnit.SECONDS);
      DTLSTransport peer = peerDtls.get(10, TimeUnit.SECONDS);
      assertEquals(profile, h.profile);
      assertTrue(keys.localIsClient());
      assertArrayEquals(ours.encoded(), server.outcome.remoteCertificateDer);
      roundTrip(profile, keys, new PeerSrtp(profile.protectionProfileId(),
          server.outcome.keyingMaterial, false));

      // Our close sends close_notify; the BC peer sees it.
      int before = h.outgoing.get();
      endpoint.close();
      assertTrue(h.outgoing.get() > before, "close_notify sent");
      byte[] buf = new byte[1500];
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!server.outcome.closeNotifyReceived && System.nanoTime() < end) {
        try {
          if (peer.receive(buf, 0, buf.length, 100) < 0 && server.outcome.closeNotifyReceived) {
            break;
          }
        } catch (java.io.IOException e) {
          break;
        }
      }
      assertTrue(server.outcome.closeNotifyReceived);
      assertFalse(h.closed.isDone(), "local close delivers no callback");
    }
  }

  @Test
  void serverRejectsClientWithWrongFingerprint() throws Exception {
    DtlsCertificate stranger = DtlsCertificate.generateEcdsaP256();
    try (UdpHarness h = new UdpHarness()) {
      DtlsEndpoint endpoint = new DtlsEndpoint(ours, executor, h);
      h.attach(endpoint);
      endpoint.start(DtlsRole.SERVER, BcPeer.sha256Of(stranger));
      BcPeer.Client client = new BcPeer.Client(peers, 0x0001);
      assertThrows(java.io.IOException.class, () -> new DTLSClientProtocol()
          .connect(client, new UDPTransport(h.peerSocket, 1500)));
      assertEquals(DtlsEndpoint.REASON_FINGERPRINT, h.failed.get(10, TimeUnit.SECONDS));
      assertFalse(h.connected.isDone());
      assertEquals(DtlsState.FAILED, endpoint.state());
    }
  }

  @Test
  void clientRejectsServerWithWrongFingerprint() throws Exception {
    DtlsCertificate stranger = DtlsCertificate.generateEcdsaP256();
    try (UdpHarness h = new UdpHarness()) {
      BcPeer.Server server = new BcPeer.Server(peers, 0x0007);
      CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
        try {
          new DTLSServerProtocol().accept(server, new UDPTransport(h.peerSocket, 1500));
        } catch (Exception expected) {
          // the peer sees our bad_certificate alert
        }
      });
      DtlsEndpoint endpoint = new DtlsEndpoint(ours, executor, h);
      h.attach(endpoint);
      endpoint.start(DtlsRole.CLIENT,
          List.of(new DtlsFingerprint("sha-256", stranger.fingerprint("sha-256")),
              new DtlsFingerprint("sha-512", stranger.fingerprint("sha-512"))));
      assertEquals(DtlsEndpoint.REASON_FINGERPRINT, h.failed.get(10, TimeUnit.SECONDS));
      assertFalse(h.connected.isDone());
      peer.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void acceptsAnyOfTheSignalledAlgorithms() throws Exception {
    try (UdpHarness h = new UdpHarness()) {
      DtlsEndpoint endpoint = new DtlsEndpoint(ours, executor, h);
      h.attach(endpoint);
      // wrong sha-256 but right sha-384 (lower case hex): accepted
      endpoint.start(DtlsRole.SERVER, List.of(
          new DtlsFingerprint("sha-256", ours.fingerprint("sha-256")),
          new DtlsFingerprint("SHA-384", peers.fingerprint("sha-384").toLowerCase())));
      BcPeer.Client client = new BcPeer.Client(peers, 0x0008, 0x0001);
      new DTLSClientProtocol().connect(client, new UDPTransport(h.peerSocket, 1500));
      h.connected.get(10, TimeUnit.SECONDS);
      assertEquals(SrtpProfile.AEAD_AES_256_GCM, h.profile);
      endpoint.close();
    }
  }

  @Test
  void connectedEndpointSurvivesRandomDatagrams() throws Exception {
    try (UdpHarness h = new UdpHarness()) {
      DtlsEndpoint endpoint = new DtlsEndpoint(ours, executor, h);
      h.attach(endpoint);
      endpoint.start(DtlsRole.SERVER, BcPeer.sha256Of(peers));
      BcPeer.Client client = new BcPeer.Client(peers, 0x0001);
      DTLSTransport peerDtls = new DTLSClientProtocol()
          .connect(client, new UDPTransport(h.peerSocket, 1500));
      h.connected.get(10, TimeUnit.SECONDS);
      java.util.Random r = new java.util.Random(7);
      for (int i = 0; i < 100_000; i++) {
        byte[] d = new byte[r.nextInt(200)];
        r.nextBytes(d);
        if (d.length > 0 && (i & 1) == 0) {
          d[0] = (byte) (20 + r.nextInt(4)); // DTLS content types
        }
        ByteBuf b = Packets.heap(d, 0);
        try {
          endpoint.receive(b);
          assertEquals(1, b.refCnt());
        } finally {
          b.release();
        }
      }
      assertEquals(DtlsState.CONNECTED, endpoint.state());
      peerDtls.close();
      h.closed.get(5, TimeUnit.SECONDS);
    }
  }

  private static void roundTrip(SrtpProfile profile, SrtpKeys keys, PeerSrtp peer)
      throws Exception {
    SrtpSession session = SrtpSession.create(profile, keys);
    for (int seq = 0; seq < 20; seq++) {
      byte[] plain = Packets.rtp(0x5eed, seq, 1188, seq);
      ByteBuf out = Packets.heap(plain, profile.maxOverhead());
      try {
        assertEquals(SrtpResult.OK, session.protectRtp(out));
        assertArrayEquals(plain, peer.unprotectRtp(Packets.bytes(out)));
      } finally {
        out.release();
      }
      byte[] peerPlain = Packets.rtp(0xfeed, seq, 900, seq + 50);
      ByteBuf in = Packets.heap(peer.protectRtp(peerPlain), 0);
      try {
        assertEquals(SrtpResult.OK, session.unprotectRtp(in));
        assertArrayEquals(peerPlain, Packets.bytes(in));
      } finally {
        in.release();
      }
      byte[] rtcp = Packets.rtcpRr(0x5eed, seq);
      ByteBuf rtcpOut = Packets.heap(rtcp, profile.maxOverhead());
      try {
        assertEquals(SrtpResult.OK, session.protectRtcp(rtcpOut));
        assertArrayEquals(rtcp, peer.unprotectRtcp(Packets.bytes(rtcpOut)));
      } finally {
        rtcpOut.release();
      }
      byte[] peerRtcp = Packets.rtcpRr(0xfeed, seq + 9);
      ByteBuf rtcpIn = Packets.heap(peer.protectRtcp(peerRtcp), 0);
      try {
        assertEquals(SrtpResult.OK, session.unprotectRtcp(rtcpIn));
        assertArrayEquals(peerRtcp, Packets.bytes(rtcpIn));
      } finally {
        rtcpIn.release();
      }
    }
    session.close();
  }
}
