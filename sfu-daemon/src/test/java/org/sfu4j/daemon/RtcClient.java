package org.sfu4j.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.signaling.Fixtures;
import org.sfu4j.signaling.WsClient;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsRole;

/**
 * What a browser does against the daemon, in Java: protoo over a real WebSocket
 * ({@link WsClient}) plus one {@link WebRtcTestPeer} per WebRtcTransport (ICE, DTLS as the client
 * as mediasoup-client does, SRTP), all on 127.0.0.1.
 */
final class RtcClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** The SSRC of the opus fixture's encoding. */
  static final long OPUS_SSRC = 3615492042L;

  final WsClient ws;
  final String peerId;
  WebRtcTestPeer send;
  String sendId;
  WebRtcTestPeer recv;
  String recvId;
  private int seq;

  RtcClient(int port, String room, String peerId) {
    this.ws = WsClient.connect(port, room, peerId);
    this.peerId = peerId;
  }

  void join() {
    ObjectNode join = WsClient.obj().put("displayName", peerId);
    join.set("rtpCapabilities", Fixtures.deviceCaps());
    ws.ok("join", join);
  }

  /** createWebRtcTransport + ICE + connectWebRtcTransport + DTLS; returns the connected peer. */
  WebRtcTestPeer connectTransport(boolean producing) throws Exception {
    JsonNode t = ws.ok("createWebRtcTransport", WsClient.obj().put("producing", producing).put("consuming", !producing));
    WebRtcTestPeer peer = WebRtcTestPeer.create();
    JsonNode ice = t.path("iceParameters");
    JsonNode cand = t.path("iceCandidates").get(0);
    peer.connectIce(new IceParameters(ice.path("usernameFragment").asText(), ice.path("password").asText(), true),
        new InetSocketAddress(cand.path("ip").asText(), cand.path("port").asInt()), TIMEOUT);
    ObjectNode connect = WsClient.obj().put("transportId", t.path("id").asText());
    connect.set("dtlsParameters", Ortc.JSON.valueToTree(peer.dtlsParameters(DtlsRole.CLIENT)));
    ws.ok("connectWebRtcTransport", connect);
    peer.connectDtls(DtlsRole.CLIENT, fingerprints(t), TIMEOUT);
    if (producing) {
      send = peer;
      sendId = t.path("id").asText();
    } else {
      recv = peer;
      recvId = t.path("id").asText();
    }
    return peer;
  }

  /** The server's DTLS fingerprints from a createWebRtcTransport response. */
  static List<DtlsFingerprint> fingerprints(JsonNode transport) {
    return Ortc.JSON.convertValue(transport.path("dtlsParameters").path("fingerprints"),
        Ortc.JSON.getTypeFactory().constructCollectionType(List.class, DtlsFingerprint.class));
  }

  /** Produces the Chrome opus fixture (ssrc {@link #OPUS_SSRC}, audio level as extension id 1). */
  String produceOpus() {
    return ws.ok("produce", Fixtures.produce("chrome-produce-opus.json", sendId)).path("id").asText();
  }

  /**
   * One opus RTP packet with the ssrc-audio-level extension (RFC 6464, one-byte header, id 1):
   * {@code level} is −dBov (0 loudest, 127 silence), voice activity set.
   */
  void sendOpus(int level) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 40);
    b.put((byte) 0x90).put((byte) 111).putShort((short) seq).putInt(seq * 960).putInt((int) OPUS_SSRC);
    b.putShort((short) 0xBEDE).putShort((short) 1);
    b.put((byte) 0x10).put((byte) (0x80 | level)).put((byte) 0).put((byte) 0);
    for (int i = 0; i < 40; i++) {
      b.put((byte) i);
    }
    seq++;
    send.sendRtp(b.array());
  }

  @Override
  public void close() {
    ws.close();
    if (send != null) {
      send.close();
    }
    if (recv != null) {
      recv.close();
    }
  }
}
