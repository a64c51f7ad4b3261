package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.rtcp.ReceiverReport;
import org.sfu4j.media.rtcp.ReportBlock;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;
import org.sfu4j.media.rtcp.TransportCcFeedback;

/**
 * Regressions found with Chrome through the daemon, both about how libwebrtc uses RTX besides
 * repairing losses: it probes bandwidth with padding-only RTX packets and with RTX copies of
 * packets the SFU already has ("payload padding"), all numbered in the transport-wide sequence.
 * <ul>
 *   <li>When the engine recorded transport-cc only for media packets, every probe was reported
 *       "not received", Chrome's estimate fell to ~30 kbps within seconds and simulcast stopped
 *       sending all but the lowest layer.
 *   <li>Payload-padding copies were re-injected as media: counted twice (RR cumulative loss -107
 *       after 187 packets) and offered to every consumer again.
 * </ul>
 */
class ChromeRtxTest {
  static final long SSRC = 0x3333_0000L;
  static final long RTX_SSRC = 0x3333_0001L;
  static final int TWCC_EXT_ID = 4; // as in the Chrome fixture
  static final int PT = 96;
  static final int RTX_PT = 97; // apt=96 in the Chrome fixture

  @Test
  void rtxAndProbePaddingCountAsReceivedInTransportCcFeedback() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.vp8Simple(SSRC);
      po.rtpParameters.encodings.get(0).rtx = new RtpEncodingParameters.Rtx(RTX_SSRC);
      Producer producer = h.produce(po);
      long t0 = h.clock.get();
      h.onLoop(() -> {
        int rtxSeq = 7000;
        for (int i = 0; i < 10; i++) {
          int twcc = 50 + i;
          ByteBuf p;
          if (i == 4) {
            // a retransmission of media seq 102 on RTX: OSN + the payload
            byte[] payload = EngineHarness.vp8Payload(false);
            byte[] rtx = new byte[payload.length + 2];
            rtx[0] = 0;
            rtx[1] = 102;
            System.arraycopy(payload, 0, rtx, 2, payload.length);
            p = EngineHarness.rtp(RTX_PT, rtxSeq++, 3000L * 2, RTX_SSRC,
                EngineHarness.ext(TWCC_EXT_ID, new byte[] {0, (byte) twcc}), rtx);
          } else if (i == 6 || i == 7) {
            // probe padding: RTX payload type, no payload (length 0 after the header)
            p = EngineHarness.rtp(RTX_PT, rtxSeq++, 3000L * 5, RTX_SSRC,
                EngineHarness.ext(TWCC_EXT_ID, new byte[] {0, (byte) twcc}), new byte[0]);
          } else {
            int media = i < 4 ? i : i < 6 ? i - 1 : i - 3;
            p = EngineHarness.rtp(PT, 100 + media, 3000L * media, SSRC,
                EngineHarness.ext(TWCC_EXT_ID, new byte[] {0, (byte) twcc}),
                EngineHarness.vp8Payload(media == 0));
          }
          h.send.injectRtp(p);
          p.release();
        }
        h.router.tick(t0);
        return null;
      });
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 1000);
        return null;
      });
      ByteBuf fbBuf = null;
      for (byte[] b : new ArrayList<>(h.rtcpUpstream)) {
        if ((b[1] & 0xFF) == RtcpPacketType.RTPFB && (b[0] & 0x1F) == 15) {
          fbBuf = Unpooled.wrappedBuffer(b);
        }
      }
      assertNotNull(fbBuf, "transport-cc feedback sent");
      TransportCcFeedback fb = new TransportCcFeedback();
      assertEquals(RtcpDropReason.OK, fb.wrap(fbBuf, 0, fbBuf.readableBytes()));
      assertEquals(50, fb.baseSequenceNumber());
      assertEquals(10, fb.packetStatusCount());
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        s.append(fb.isReceived(i) ? 'R' : '-');
      }
      assertEquals("RRRRRRRRRR", s.toString(), "RTX (4) and padding (6, 7) must be reported received");
      producer.close().join();
    }
  }

  @Test
  void rtxCopyOfAPacketAlreadyReceivedIsNotForwardedNorCounted() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions po = EngineHarness.vp8Simple(SSRC);
      po.rtpParameters.encodings.get(0).rtx = new RtpEncodingParameters.Rtx(RTX_SSRC);
      Producer producer = h.produce(po);
      h.consume(producer, false);
      long t0 = h.clock.get();
      h.onLoop(() -> {
        for (int i = 0; i < 10; i++) {
          if (i == 6) {
            continue; // lost: NACKed, then repaired below
          }
          ByteBuf p = EngineHarness.rtp(PT, 100 + i, 3000L * i, SSRC, null,
              EngineHarness.vp8Payload(i == 0));
          h.send.injectRtp(p);
          p.release();
        }
        int rtxSeq = 9000;
        for (int osn : new int[] {103, 104, 106, 106}) { // payload padding, the repair, a duplicate
          byte[] payload = EngineHarness.vp8Payload(false);
          byte[] rtx = new byte[payload.length + 2];
          rtx[0] = (byte) (osn >> 8);
          rtx[1] = (byte) osn;
          System.arraycopy(payload, 0, rtx, 2, payload.length);
          ByteBuf p = EngineHarness.rtp(RTX_PT, rtxSeq++, 3000L * (osn - 100), RTX_SSRC, null, rtx);
          h.send.injectRtp(p);
          p.release();
        }
        h.router.tick(t0);
        return null;
      });
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 1000);
        return null;
      });
      StringBuilder seqs = new StringBuilder();
      for (EngineHarness.Out o : h.take()) {
        seqs.append(o.seq).append(' ');
      }
      assertEquals(10, seqs.toString().trim().split(" ").length, "10 distinct packets out: " + seqs);
      assertEquals(1, producer.rtxRecoveredCount());
      ByteBuf rrBuf = null;
      for (byte[] b : new ArrayList<>(h.rtcpUpstream)) {
        if ((b[1] & 0xFF) == RtcpPacketType.RR) {
          int len = 4 * (((b[2] & 0xFF) << 8 | (b[3] & 0xFF)) + 1); // the RR, not the SDES after it
          rrBuf = Unpooled.wrappedBuffer(b, 0, Math.min(len, b.length));
        }
      }
      assertNotNull(rrBuf, "RR sent");
      ReceiverReport rr = new ReceiverReport();
      assertEquals(RtcpDropReason.OK, rr.wrap(rrBuf, 0, rrBuf.readableBytes()));
      ReportBlock block = rr.reportBlock(0, new ReportBlock());
      assertEquals(0, block.cumulativeLost(), "10 expected, 10 received (not 12)");
      producer.close().join();
    }
  }
}
