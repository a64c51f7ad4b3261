package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsCertificate;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsParameters;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;
import org.sfu4j.srtp.SrtpProfile;

/**
 * BouncyCastle's own DTLSClientProtocol / DTLSServerProtocol (inside {@link WebRtcTestPeer})
 * against a real WebRtcTransport over loopback UDP: role resolution as mediasoup, each SRTP
 * profile negotiated and round-tripped, and fingerprint mismatch failing without connecting.
 */
class DtlsInteropTest {

  /** Records state events as "ice:completed", "dtls:connected" ... */
  static final class Events implements WebRtcTransport.StateListener {
    final List<String> list = new CopyOnWriteArrayList<>();

    @Override
    public void onIceStateChange(org.sfu4j.ice.IceState state) {
      list.add("ice:" + state.jsonName());
    }

    @Override
    public void onIceSelectedTupleChange(TransportTuple tuple) {
      list.add("tuple:" + tuple.getRemotePort());
    }

    @Override
    public void onDtlsStateChange(DtlsState state, String reason) {
      list.add("dtls:" + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void bcClientNegotiatesEachProfileAndRtpRoundTrips(SrtpProfile profile) throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        WebRtcTestPeer peer = WebRtcTestPeer.create().srtpProfiles(profile.protectionProfileId())) {
      WebRtcTransport t = f.transport();
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      assertEquals(profile, t.srtpProfile());
      assertEquals(profile.protectionProfileId(), peer.srtpProfileId());
      assertEquals(DtlsRole.SERVER, t.dtlsParameters().getRole());
      roundTrip(f, t, peer);
    }
  }

  @ParameterizedTest
  @EnumSource(value = DtlsRole.class, names = {"SERVER", "AUTO"})
  void bcServerWhenRemoteIsServerOrAutoWeAreClient(DtlsRole signaled) throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      Events events = new Events();
      t.addStateListener(events);
      f.onLoop(() -> null); // the listener is registered on the loop
      IceCandidate c = t.iceCandidates().get(0);
      peer.connectIce(t.iceParameters(), new InetSocketAddress(c.getAddress(), c.getPort()),
          WebRtcFixture.TIMEOUT);
      WebRtcFixture.get(t.connect(peer.dtlsParameters(signaled)));
      // mediasoup: remote "server" or "auto" -> local "client" (ICE-lite is controlled).
      assertEquals(DtlsRole.CLIENT, t.dtlsParameters().getRole());
      peer.connectDtls(DtlsRole.SERVER, t.dtlsParameters().getFingerprints(),
          WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      assertArrayEquals(f.onLoop(() -> WorkerRtcNetwork.of(f.worker).certificate().encoded()),
          peer.remoteCertificateDer(), "the worker certificate was presented");
      assertEquals(t.srtpProfile().protectionProfileId(), peer.srtpProfileId());
      roundTrip(f, t, peer);
      // mediasoup's order: selected tuple first, then the state it enables.
      assertEquals(List.of("tuple:" + peer.localAddress().getPort(), "ice:completed",
          "dtls:connecting", "dtls:connected"), events.list);
    }
  }

  @Test
  void fingerprintMismatchFailsAndNeverConnects() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      Events events = new Events();
      t.addStateListener(events);
      f.onLoop(() -> null); // the listener is registered on the loop
      IceCandidate c = t.iceCandidates().get(0);
      peer.connectIce(t.iceParameters(), new InetSocketAddress(c.getAddress(), c.getPort()),
          WebRtcFixture.TIMEOUT);
      // Signal the fingerprint of some other certificate.
      String wrong = DtlsCertificate.generateEcdsaP256().fingerprint("sha-256");
      WebRtcFixture.get(t.connect(new DtlsParameters(DtlsRole.CLIENT,
          List.of(new DtlsFingerprint("sha-256", wrong)))));
      assertThrows(Exception.class, () -> peer.connectDtls(DtlsRole.CLIENT,
          t.dtlsParameters().getFingerprints(), Duration.ofSeconds(5)));
      f.awaitOnLoop("transport closed", t::closed);
      assertEquals(DtlsState.FAILED, t.dtlsState());
      assertTrue(events.list.contains("dtls:failed"), events.list.toString());
      assertFalse(events.list.contains("dtls:connected"), events.list.toString());
      RtcUdpSocket socket = f.socket();
      assertEquals(0, (int) f.onLoop(socket::ufragCount), "ufrag released");
      assertEquals(0, (int) f.onLoop(socket::tupleCount), "tuples released");
    }
  }

  @Test
  void peerRejectsAWrongServerFingerprint() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      IceCandidate c = t.iceCandidates().get(0);
      peer.connectIce(t.iceParameters(), new InetSocketAddress(c.getAddress(), c.getPort()),
          WebRtcFixture.TIMEOUT);
      WebRtcFixture.get(t.connect(peer.dtlsParameters(DtlsRole.CLIENT)));
      String other = DtlsCertificate.generateEcdsaP256().fingerprint("sha-256");
      assertThrows(Exception.class, () -> peer.connectDtls(DtlsRole.CLIENT,
          List.of(new DtlsFingerprint("sha-256", other)), Duration.ofSeconds(5)));
      f.awaitOnLoop("transport closed", t::closed);
      assertTrue(t.dtlsState() != DtlsState.CONNECTED);
    }
  }

  @Test
  void closeNotifyFromPeerClosesTransport() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      peer.closeDtls();
      f.awaitOnLoop("transport closed", t::closed);
      assertEquals(DtlsState.CLOSED, t.dtlsState());
    }
  }

  /**
   * The peer produces and consumes on the same transport: RTP goes up (SFU unprotects), comes
   * back through the consumer (SFU protects) and is decrypted by the peer; SRTCP up is accepted.
   */
  static void roundTrip(WebRtcFixture f, WebRtcTransport t, WebRtcTestPeer peer)
      throws Exception {
    Producer p = WebRtcFixture.get(t.produce(WebRtcFixture.opus(0x5555AAAAL)));
    Consumer c = WebRtcFixture.get(t.consume(new ConsumerOptions(p.id(),
        WebRtcFixture.deviceCaps())));
    long ssrc = c.rtpParameters().encodings.get(0).ssrc;
    for (int i = 0; i < 10; i++) {
      byte[] payload = ("opus frame " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      peer.sendRtp(WebRtcForwardingEndToEndTest.rtp(111, 1000 + i, 48_000L * i, 0x5555AAAAL,
          payload));
      byte[] back = peer.receivedRtp().poll(5, TimeUnit.SECONDS);
      assertNotNull(back, "round trip " + i);
      assertEquals(ssrc, ByteBuffer.wrap(back).getInt(8) & 0xFFFFFFFFL);
      assertArrayEquals(payload, java.util.Arrays.copyOfRange(back, back.length - payload.length,
          back.length));
    }
    byte[] rr = ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1)
        .putInt(0x0BADCAFE).array();
    peer.sendRtcp(rr);
    WebRtcFixture.await("SRTCP accepted", () -> WebRtcFixture.stat(t, "rtcpPacketsReceived") >= 1);
    assertEquals(0, WebRtcFixture.stat(t, "srtpUnprotectFailed"));
    assertEquals(0, peer.unprotectFailures());
  }
}
