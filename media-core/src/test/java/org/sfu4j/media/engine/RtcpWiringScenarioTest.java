package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.quality.NtpTime;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtcp.ReceiverReport;
import org.sfu4j.media.rtcp.ReportBlock;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;
import org.sfu4j.media.rtcp.SenderReport;
import org.sfu4j.media.rtcp.TransportCcFeedback;

/**
 * The media-quality RTCP the engine originates, checked byte-for-field against hand-computed
 * values: RR about a producer stream (loss, LSR/DLSR), NACK, transport-cc feedback, and a
 * consumer SR whose NTP ↔ RTP mapping is the producer's (lip sync).
 */
class RtcpWiringScenarioTest {
  static final long SSRC = 0x2222_0000L;
  static final int TWCC_EXT_ID = 4; // as in the Chrome fixture

  private static ByteBuf senderReport(long ssrc, long ntp, long rtp) {
    SenderReport.Builder b = new SenderReport.Builder().senderInfo(ssrc, ntp, rtp, 10, 1000);
    ByteBuf out = Unpooled.buffer(b.sizeInBytes());
    b.writeTo(out);
    return out;
  }

  private static ByteBuf find(List<byte[]> rtcp, int type, int fmt) {
    for (byte[] b : rtcp) {
      if ((b[1] & 0xFF) == type && (fmt < 0 || (b[0] & 0x1F) == fmt)) {
        // First packet of the compound only (reports are followed by an SDES CNAME).
        int len = 4 * (((b[2] & 0xFF) << 8 | (b[3] & 0xFF)) + 1);
        return Unpooled.wrappedBuffer(b, 0, Math.min(len, b.length));
      }
    }
    return null;
  }

  @Test
  void receiverReportNackAndTransportCcFeedbackUpstream() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      long t0 = h.clock.get();
      long ntp = NtpTime.fromUnixMs(1_700_000_000_000L);
      h.onLoop(() -> {
        for (int i = 0; i < 10; i++) {
          if (i == 3 || i == 5) {
            continue; // lost
          }
          ByteBuf p = EngineHarness.rtp(96, 100 + i, 3000L * i, SSRC,
              EngineHarness.ext(TWCC_EXT_ID, new byte[] {0, (byte) (50 + i)}),
              EngineHarness.vp8Payload(i == 0));
          h.send.injectRtp(p);
          p.release();
        }
        ByteBuf sr = senderReport(SSRC, ntp, 12345);
        h.send.injectRtcp(sr);
        sr.release();
        h.router.tick(t0);
        return null;
      });
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 1000);
        return null;
      });
      List<byte[]> up = new ArrayList<>(h.rtcpUpstream);

      ByteBuf rrBuf = find(up, RtcpPacketType.RR, -1);
      assertNotNull(rrBuf, "RR sent");
      ReceiverReport rr = new ReceiverReport();
      assertEquals(RtcpDropReason.OK, rr.wrap(rrBuf, 0, rrBuf.readableBytes()));
      assertEquals(h.send.rtcpSsrc(), rr.senderSsrc());
      assertEquals(1, rr.reportCount());
      ReportBlock block = rr.reportBlock(0, new ReportBlock());
      assertEquals(SSRC, block.ssrc());
      assertEquals((2 << 8) / 10, block.fractionLost()); // 2 of 10 lost
      assertEquals(2, block.cumulativeLost());
      assertEquals(109, block.extendedHighestSeq());
      assertEquals(NtpTime.compact(ntp), block.lastSr());
      assertEquals(65536, block.delaySinceLastSr()); // 1 s since the SR
      // All arrived at the same instant, timestamps 3000 apart (6000 across each loss):
      // A.8 over D = 3000, 3000, 6000, 6000, 3000, 3000, 3000 gives 1389.
      assertEquals(1389, block.jitter());

      ByteBuf nackBuf = find(up, RtcpPacketType.RTPFB, 1);
      GenericNack nack = new GenericNack();
      assertEquals(RtcpDropReason.OK, nack.wrap(nackBuf, 0, nackBuf.readableBytes()));
      assertEquals(SSRC, nack.mediaSsrc());
      assertEquals(103, nack.pid(0)); // first NACK: 103 alone, when 104 arrived
      assertEquals(0, nack.blp(0));

      ByteBuf fbBuf = find(up, RtcpPacketType.RTPFB, 15);
      TransportCcFeedback fb = new TransportCcFeedback();
      assertEquals(RtcpDropReason.OK, fb.wrap(fbBuf, 0, fbBuf.readableBytes()));
      assertEquals(50, fb.baseSequenceNumber());
      assertEquals(10, fb.packetStatusCount());
      StringBuilder statuses = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        statuses.append(fb.isReceived(i) ? 'R' : '-');
      }
      assertEquals("RRR-R-RRRR", statuses.toString());
      assertEquals(t0 * 1000 / 64_000, fb.referenceTime());
      producer.close().join();
    }
  }

  @Test
  void consumerSenderReportCarriesTheProducersNtpRtpMapping() {
    try (EngineHarness h = new EngineHarness()) {
      List<byte[]> down = new ArrayList<>();
      h.recv.setRtcpListener(buf -> {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        down.add(b);
      });
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      Consumer consumer = h.consume(producer, false);
      long t0 = h.clock.get();
      long ntp = NtpTime.fromUnixMs(1_700_000_000_000L);
      h.onLoop(() -> {
        ByteBuf sr = senderReport(SSRC, ntp, 90_000);
        h.send.injectRtcp(sr);
        sr.release();
        for (int i = 0; i < 5; i++) {
          ByteBuf p = EngineHarness.rtp(96, 500 + i, 90_000 + 3000L * i, SSRC, null,
              EngineHarness.vp8Payload(i == 0));
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
      ByteBuf srBuf = find(down, RtcpPacketType.SR, -1);
      assertNotNull(srBuf, "consumer SR sent");
      SenderReport sr = new SenderReport();
      assertEquals(RtcpDropReason.OK, sr.wrap(srBuf, 0, srBuf.readableBytes()));
      assertEquals(consumer.ssrc(), sr.senderSsrc());
      // The producer's line moved on by 1 s: NTP + 1 s, RTP + 90000.
      assertEquals(NtpTime.fromUnixMs(1_700_000_001_000L), sr.ntpTimestamp());
      assertEquals(180_000, sr.rtpTimestamp());
      assertEquals(5, sr.packetCount());
      assertEquals(5 * 6, sr.octetCount()); // VP8 test payloads are 6 bytes
    }
  }
}
