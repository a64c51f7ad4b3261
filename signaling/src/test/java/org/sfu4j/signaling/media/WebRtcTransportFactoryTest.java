package org.sfu4j.signaling.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.ice.IceState;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.RouterOptions;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.media.transport.ListenInfo;
import org.sfu4j.media.transport.WebRtcTransport;
import org.sfu4j.signaling.media.MediaRouter.TransportOptions;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/**
 * The daemon's transport factory against a real WebRtcTransport on 127.0.0.1 and the Java
 * WebRTC test peer: the JSON it hands to mediasoup-client is enough to connect ICE + DTLS, connect
 * takes mediasoup's dtlsParameters JSON, restartIce returns new credentials, state follows ICE/DTLS.
 */
class WebRtcTransportFactoryTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final TransportOptions SEND = new TransportOptions(false, true, false, null);

  Worker worker;
  Router router;
  WebRtcTransportFactory factory;

  @BeforeEach
  void setUp() throws Exception {
    worker = Worker.create(new WorkerSettings().rtcMinPort(41000).rtcMaxPort(41999));
    router = worker.createRouter(new RouterOptions(EngineMediaBackend.defaultMediaCodecs()))
        .get(10, TimeUnit.SECONDS);
    factory = new WebRtcTransportFactory(List.of(new ListenInfo("udp", "127.0.0.1", null)));
  }

  @AfterEach
  void tearDown() throws Exception {
    worker.close().get(10, TimeUnit.SECONDS);
  }

  @Test
  void clientParametersHaveMediasoupShapes() throws Exception {
    WebRtcTransport t = factory.create(router, SEND).get(10, TimeUnit.SECONDS);
    ObjectNode p = factory.clientParameters(t);
    assertEquals(t.id(), p.get("id").asText());
    JsonNode ice = p.get("iceParameters");
    assertEquals(t.iceParameters().getUsernameFragment(), ice.get("usernameFragment").asText());
    assertEquals(t.iceParameters().getPassword(), ice.get("password").asText());
    assertTrue(ice.get("iceLite").asBoolean());
    JsonNode c = p.get("iceCandidates").get(0);
    assertEquals(1, p.get("iceCandidates").size());
    assertEquals("127.0.0.1", c.get("address").asText());
    assertEquals("127.0.0.1", c.get("ip").asText());
    assertEquals("udp", c.get("protocol").asText());
    assertEquals("host", c.get("type").asText());
    int port = c.get("port").asInt();
    assertTrue(port >= 41000 && port <= 41999, "port within the worker's range: " + port);
    assertTrue(c.get("priority").isIntegralNumber() && c.get("foundation").isTextual());
    assertFalse(c.has("tcpType"), "no tcpType on a UDP candidate");
    JsonNode dtls = p.get("dtlsParameters");
    assertEquals("auto", dtls.get("role").asText());
    JsonNode fp = dtls.get("fingerprints");
    assertTrue(fp.size() >= 1);
    boolean sha256 = false;
    for (JsonNode f : fp) {
      sha256 |= f.get("algorithm").asText().equals("sha-256")
          && f.get("value").asText().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }
    assertTrue(sha256, "a sha-256 fingerprint in SDP form: " + fp);
    assertEquals("new", factory.state(t));
  }

  @Test
  void browserLikePeerConnectsWithTheJsonAlone() throws Exception {
    WebRtcTransport t = factory.create(router, SEND).get(10, TimeUnit.SECONDS);
    ObjectNode p = factory.clientParameters(t);
    try (WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      JsonNode ice = p.get("iceParameters");
      JsonNode cand = p.get("iceCandidates").get(0);
      peer.connectIce(
          new IceParameters(ice.get("usernameFragment").asText(), ice.get("password").asText(), true),
          new InetSocketAddress(cand.get("ip").asText(), cand.get("port").asInt()), TIMEOUT);
      // mediasoup-client's connect: the browser is the DTLS client.
      JsonNode remoteDtls = Ortc.JSON.valueToTree(peer.dtlsParameters(DtlsRole.CLIENT));
      factory.connect(t, remoteDtls).get(10, TimeUnit.SECONDS);
      assertEquals("server", factory.clientParameters(t).get("dtlsParameters").get("role").asText());
      List<DtlsFingerprint> fps = Ortc.JSON.convertValue(p.get("dtlsParameters").get("fingerprints"),
          Ortc.JSON.getTypeFactory().constructCollectionType(List.class, DtlsFingerprint.class));
      peer.connectDtls(DtlsRole.CLIENT, fps, TIMEOUT);
      awaitState(t, "connected");

      JsonNode restarted = factory.restartIce(t).get(10, TimeUnit.SECONDS);
      assertNotEquals(ice.get("usernameFragment").asText(), restarted.get("usernameFragment").asText());
      assertEquals(t.iceParameters().getPassword(), restarted.get("password").asText());
      assertTrue(restarted.get("iceLite").asBoolean());
      peer.updateRemoteIce(new IceParameters(restarted.get("usernameFragment").asText(),
          restarted.get("password").asText(), true));
      assertEquals(0x0101, peer.check(true, Duration.ofSeconds(2)), "check with the new ufrag succeeds");
      assertEquals("connected", factory.state(t));
    }
    t.close();
    awaitState(t, "closed");
  }

  @Test
  void badInputFailsTheFutureNotTheCaller() throws Exception {
    ExecutionException tcp = assertThrows(ExecutionException.class,
        () -> factory.create(router, new TransportOptions(true, true, false, null)).get(10, TimeUnit.SECONDS));
    assertTrue(tcp.getCause() instanceof UnsupportedException);
    WebRtcTransport t = factory.create(router, SEND).get(10, TimeUnit.SECONDS);
    ObjectNode wrongType = Ortc.JSON.createObjectNode();
    wrongType.put("role", "client").put("fingerprints", "nope");
    ExecutionException bad = assertThrows(ExecutionException.class,
        () -> factory.connect(t, wrongType).get(10, TimeUnit.SECONDS));
    assertTrue(bad.getCause() instanceof IllegalArgumentException, bad.getCause().toString());
    ObjectNode badRole = Ortc.JSON.createObjectNode();
    badRole.put("role", "boss").putArray("fingerprints");
    assertThrows(ExecutionException.class, () -> factory.connect(t, badRole).get(10, TimeUnit.SECONDS));
    assertEquals("new", factory.state(t));
    assertThrows(IllegalArgumentException.class, () -> new WebRtcTransportFactory(List.of()));
  }

  @Test
  void stateWordFromIceAndDtls() {
    assertEquals("new", WebRtcTransportFactory.stateOf(false, IceState.NEW, DtlsState.NEW));
    assertEquals("connecting", WebRtcTransportFactory.stateOf(false, IceState.NEW, DtlsState.CONNECTING));
    assertEquals("connecting", WebRtcTransportFactory.stateOf(false, IceState.CONNECTED, DtlsState.NEW));
    assertEquals("connecting", WebRtcTransportFactory.stateOf(false, IceState.COMPLETED, DtlsState.CONNECTING));
    assertEquals("connected", WebRtcTransportFactory.stateOf(false, IceState.COMPLETED, DtlsState.CONNECTED));
    assertEquals("disconnected", WebRtcTransportFactory.stateOf(false, IceState.DISCONNECTED, DtlsState.CONNECTED));
    assertEquals("failed", WebRtcTransportFactory.stateOf(false, IceState.CONNECTED, DtlsState.FAILED));
    assertEquals("failed", WebRtcTransportFactory.stateOf(true, IceState.CLOSED, DtlsState.FAILED));
    assertEquals("closed", WebRtcTransportFactory.stateOf(true, IceState.CLOSED, DtlsState.CLOSED));
    assertEquals("closed", WebRtcTransportFactory.stateOf(false, IceState.CONNECTED, DtlsState.CLOSED));
  }

  private void awaitState(WebRtcTransport t, String want) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String s = factory.state(t);
    while (!s.equals(want) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      s = factory.state(t);
    }
    assertEquals(want, s, "ice " + t.iceState() + " dtls " + t.dtlsState());
  }
}
