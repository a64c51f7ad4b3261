package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceState;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/**
 * Peer A publishes opus through a real WebRtcTransport over loopback UDP (ICE, DTLS, SRTP), peer B
 * consumes it through another; B decrypts exactly A's payloads with the consumer's SSRC, payload
 * type and rewritten sequence numbers/timestamps.
 */
class WebRtcForwardingEndToEndTest {
  private static final long A_SSRC = 0x11223344L;

  @Test
  void publishedRtpArrivesDecryptedWithRewrittenHeaders() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        WebRtcTestPeer a = WebRtcTestPeer.create();
        WebRtcTestPeer b = WebRtcTestPeer.create()) {
      WebRtcTransport ta = f.transport();
      WebRtcTransport tb = f.transport();
      assertEquals(ta.iceCandidates().get(0).getPort(), tb.iceCandidates().get(0).getPort(),
          "one UDP port per worker");

      long t0 = System.nanoTime();
      a.connect(ta, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      b.connect(tb, DtlsRole.SERVER, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("both DTLS connected", () ->
          ta.dtlsState() == DtlsState.CONNECTED && tb.dtlsState() == DtlsState.CONNECTED);
      long connectMs = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(IceState.COMPLETED, ta.iceState());
      assertEquals(DtlsRole.SERVER, ta.dtlsParameters().getRole());
      assertEquals(DtlsRole.CLIENT, tb.dtlsParameters().getRole());
      assertEquals(a.localAddress().getPort(), ta.iceSelectedTuple().getRemotePort());

      Producer producer = WebRtcFixture.get(ta.produce(WebRtcFixture.opus(A_SSRC)));
      Consumer consumer = WebRtcFixture.get(tb.consume(
          new ConsumerOptions(producer.id(), WebRtcFixture.deviceCaps())));
      RtpParameters cp = consumer.rtpParameters();
      long consumerSsrc = cp.encodings.get(0).ssrc;
      int consumerPt = cp.codecs.get(0).payloadType;

      int n = 200;
      int firstSeq = 65_500; // crosses the 16-bit wrap on the publisher side
      long firstTs = 4_294_960_000L;
      byte[][] payloads = new byte[n][];
      for (int i = 0; i < n; i++) {
        payloads[i] = new byte[20 + (i % 50)];
        Arrays.fill(payloads[i], (byte) i);
        payloads[i][0] = (byte) (i >> 8);
        a.sendRtp(rtp(111, (firstSeq + i) & 0xFFFF, (firstTs + 960L * i) & 0xFFFFFFFFL, A_SSRC,
            payloads[i]));
        if (i % 20 == 19) {
          Thread.sleep(2); // keep well inside socket buffers; this is not a load test
        }
      }
      byte[] first = null;
      int seq0 = 0;
      long ts0 = 0;
      for (int i = 0; i < n; i++) {
        byte[] p = b.receivedRtp().poll(5, TimeUnit.SECONDS);
        assertNotNull(p, "packet " + i + " not received");
        ByteBuffer bb = ByteBuffer.wrap(p);
        int pt = p[1] & 0x7F;
        int seq = bb.getShort(2) & 0xFFFF;
        long ts = bb.getInt(4) & 0xFFFFFFFFL;
        long ssrc = bb.getInt(8) & 0xFFFFFFFFL;
        assertEquals(consumerSsrc, ssrc, "ssrc of packet " + i);
        assertEquals(consumerPt, pt, "payload type of packet " + i);
        if (first == null) {
          first = p;
          seq0 = seq;
          ts0 = ts;
        }
        assertEquals((seq0 + i) & 0xFFFF, seq, "consecutive rewritten seq at " + i);
        assertEquals((ts0 + 960L * i) & 0xFFFFFFFFL, ts, "timestamp offset kept at " + i);
        int headerLen = 12 + 4 * (p[0] & 0x0F);
        if ((p[0] & 0x10) != 0) {
          headerLen += 4 + 4 * (bb.getShort(headerLen + 2) & 0xFFFF);
        }
        assertArrayEquals(payloads[i], Arrays.copyOfRange(p, headerLen, p.length),
            "payload of packet " + i);
      }
      assertEquals(0, b.unprotectFailures());
      assertEquals(n, WebRtcFixture.stat(tb, "rtpPacketsSent"));
      assertEquals(n, WebRtcFixture.stat(ta, "rtpPacketsReceived"));
      assertEquals(0, WebRtcFixture.stat(ta, "srtpUnprotectFailed"));
      System.out.println("[e2e] ICE+DTLS connect of two peers: " + connectMs + " ms, profile A="
          + ta.srtpProfile() + " B=" + tb.srtpProfile() + ", epoll=" + f.socket().isEpoll());

      // RTCP from the consumer side reaches the engine (a PLI for the consumer is accepted).
      byte[] pli = ByteBuffer.allocate(12).put((byte) 0x81).put((byte) 206).putShort((short) 2)
          .putInt(0x01020304).putInt((int) consumerSsrc).array();
      b.sendRtcp(pli);
      WebRtcFixture.await("RTCP received", () -> WebRtcFixture.stat(tb, "rtcpPacketsReceived") >= 1);
    }
  }

  static byte[] rtp(int pt, int seq, long ts, long ssrc, byte[] payload) {
    return ByteBuffer.allocate(12 + payload.length).put((byte) 0x80).put((byte) pt)
        .putShort((short) seq).putInt((int) ts).putInt((int) ssrc).put(payload).array();
  }
}
