package org.sfu4j.media.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.engine.ProducerOptions;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpHeaderExtensionParameters;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.ortc.SupportedRtpCapabilities;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsRole;

/**
 * Publisher A and subscriber B, each behind its own {@link LossyRelay}, connected over real UDP
 * (ICE, DTLS, SRTP) to one worker; A produces VP8 (simple or 3-layer simulcast) with RTX and
 * transport-wide-cc, B consumes it with RTX.
 */
final class QualityUdpRig implements AutoCloseable {
  static final long[] SSRCS = {0x1000_0001L, 0x1000_0002L, 0x1000_0003L};
  static final long[] RTX_SSRCS = {0x2000_0001L, 0x2000_0002L, 0x2000_0003L};

  final WebRtcFixture f = new WebRtcFixture();
  final WebRtcTestPeer a = WebRtcTestPeer.create();
  final WebRtcTestPeer b = WebRtcTestPeer.create();
  final WebRtcTransport ta = f.transport();
  final WebRtcTransport tb = f.transport();
  final LossyRelay relayA;
  final LossyRelay relayB;
  Producer producer;
  Consumer consumer;
  long consumerSsrc;
  long consumerRtxSsrc;
  int consumerTwccId;

  QualityUdpRig(long seed) throws Exception {
    IceCandidate c = ta.iceCandidates().get(0);
    InetSocketAddress server = new InetSocketAddress(c.getAddress(), c.getPort());
    relayA = new LossyRelay(server, seed, 200);
    relayB = new LossyRelay(server, seed + 1, 200);
    connect(a, ta, relayA, DtlsRole.CLIENT);
    connect(b, tb, relayB, DtlsRole.SERVER);
  }

  private static void connect(WebRtcTestPeer p, WebRtcTransport t, LossyRelay relay, DtlsRole role)
      throws Exception {
    p.connectIce(t.iceParameters(), relay.peerFacingAddress(), WebRtcFixture.TIMEOUT);
    t.connect(p.dtlsParameters(role)).get();
    p.connectDtls(role, t.dtlsParameters().getFingerprints(), WebRtcFixture.TIMEOUT);
  }

  /** Produces VP8 with {@code layers} encodings (1 = simple) and consumes it on B. */
  void produceAndConsume(int layers) {
    JsonNode n = WebRtcFixture.fixture("chrome-produce-vp8-simulcast.json");
    ProducerOptions o = new ProducerOptions();
    o.kind = MediaKind.VIDEO;
    o.rtpParameters = Ortc.JSON.convertValue(n.get("rtpParameters"), RtpParameters.class);
    RtpParameters p = o.rtpParameters;
    p.encodings.subList(layers, p.encodings.size()).clear();
    for (int i = 0; i < layers; i++) {
      RtpEncodingParameters e = p.encodings.get(i);
      e.ssrc = SSRCS[i];
      e.rtx = new RtpEncodingParameters.Rtx(RTX_SSRCS[i]);
      e.scalabilityMode = null;
      if (layers == 1) {
        e.rid = null;
      }
    }
    producer = WebRtcFixture.get(ta.produce(o));
    ConsumerOptions co = new ConsumerOptions(producer.id(), WebRtcFixture.deviceCaps());
    co.enableRtx = true;
    consumer = WebRtcFixture.get(tb.consume(co));
    RtpParameters cp = consumer.rtpParameters();
    consumerSsrc = cp.encodings.get(0).ssrc;
    consumerRtxSsrc = cp.encodings.get(0).rtx.ssrc;
    for (RtpHeaderExtensionParameters e : cp.headerExtensions) {
      if (SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01.equals(e.uri)) {
        consumerTwccId = e.id;
      }
    }
  }

  @Override
  public void close() {
    relayA.close();
    relayB.close();
    a.close();
    b.close();
    f.close();
  }
}
