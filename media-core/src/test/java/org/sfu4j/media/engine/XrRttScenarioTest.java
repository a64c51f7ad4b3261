package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.quality.NtpTime;
import org.sfu4j.media.rtcp.ExtendedReport;
import org.sfu4j.media.rtcp.RtcpCompoundCursor;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;

/**
 * Receiver-side RTT (RFC 3611) through DirectTransport with a fake clock: our RRs carry an XR
 * RRTR whose DLRR answer sets the producer's NACK RTT, and an endpoint's RRTR gets a DLRR with
 * exact LRR/DLRR in the next consumer SR compound.
 */
class XrRttScenarioTest {
  static final long SSRC = 0x2222_0000L;

  /** The XR packet of the first compound that has one, or null. */
  private static ExtendedReport findXr(List<byte[]> compounds, ExtendedReport view) {
    RtcpCompoundCursor c = new RtcpCompoundCursor();
    for (byte[] b : compounds) {
      ByteBuf buf = Unpooled.wrappedBuffer(b);
      c.reset(buf, 0, b.length);
      while (c.next()) {
        if (c.packetType() == RtcpPacketType.XR) {
          assertEquals(RtcpDropReason.OK, view.wrap(buf, c.offset(), c.length()));
          return view;
        }
      }
    }
    return null;
  }

  private static ByteBuf xr(ExtendedReport.Builder b) {
    ByteBuf out = Unpooled.buffer(b.sizeInBytes());
    b.writeTo(out);
    return out;
  }

  private static void receiveMedia(EngineHarness h, long t0) {
    for (int i = 0; i < 5; i++) {
      ByteBuf p = EngineHarness.rtp(96, 100 + i, 3000L * i, SSRC, null,
          EngineHarness.vp8Payload(i == 0));
      h.send.injectRtp(p);
      p.release();
    }
    h.router.tick(t0);
  }

  @Test
  void rrtrInTheReceiverReportCompoundAndDlrrAnswerGivesTheProducerRtt() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      long t0 = h.clock.get();
      h.onLoop(() -> {
        receiveMedia(h, t0);
        return null;
      });
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 1000);
        return null;
      });
      ExtendedReport rrtr = findXr(new ArrayList<>(h.rtcpUpstream), new ExtendedReport());
      assertTrue(rrtr != null && rrtr.hasRrtr(), "XR RRTR in the RR compound");
      assertEquals(h.send.rtcpSsrc(), rrtr.ssrc());
      assertEquals(0, rrtr.dlrrCount());
      long lrr = NtpTime.compact(rrtr.rrtrNtpTimestamp());
      // The endpoint held our RRTR 200 ms; it arrives back 240 ms after we sent it: RTT 40 ms.
      h.advance(240);
      long rtt = h.onLoop(() -> {
        ExtendedReport.Builder b = new ExtendedReport.Builder().ssrc(0x5555);
        b.addDlrr(h.send.rtcpSsrc(), lrr, NtpTime.msToCompact(200));
        ByteBuf answer = xr(b);
        h.send.injectRtcp(answer);
        answer.release();
        return producer.xrRttMs();
      });
      assertTrue(Math.abs(rtt - 40) <= 1, "rtt " + rtt);
      int nackRtt = h.onLoop(() -> producer.nackGenerator(producer.stream(0)).rttMs());
      assertEquals(rtt, nackRtt);
      producer.close().join();
    }
  }

  @Test
  void dlrrWithAnUnknownLastRrIsIgnored() {
    try (EngineHarness h = new EngineHarness()) {
      Producer producer = h.produce(EngineHarness.vp8Simple(SSRC));
      long t0 = h.clock.get();
      h.onLoop(() -> {
        receiveMedia(h, t0);
        return null;
      });
      h.advance(1000);
      long rtt = h.onLoop(() -> {
        h.router.tick(t0 + 1000);
        ExtendedReport.Builder b = new ExtendedReport.Builder().ssrc(0x5555);
        b.addDlrr(h.send.rtcpSsrc(), 0x1234_5678L, NtpTime.msToCompact(200));
        ByteBuf answer = xr(b);
        h.send.injectRtcp(answer);
        answer.release();
        return producer.xrRttMs();
      });
      assertEquals(-1, rtt);
      producer.close().join();
    }
  }

  @Test
  void consumerEndpointsRrtrIsAnsweredWithExactLrrAndDlrr() {
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
      long endpointNtp = 0xE8A1_B2C3_D4E5_F607L;
      h.onLoop(() -> {
        receiveMedia(h, t0); // also the consumer's first tick: SR due at t0 + 1000
        return null;
      });
      h.advance(750);
      h.onLoop(() -> {
        ExtendedReport.Builder b = new ExtendedReport.Builder().ssrc(0x7777).rrtr(endpointNtp);
        ByteBuf rrtr = xr(b);
        h.recv.injectRtcp(rrtr);
        rrtr.release();
        return null;
      });
      h.advance(250);
      h.onLoop(() -> {
        h.router.tick(t0 + 1000);
        return null;
      });
      ExtendedReport dlrr = findXr(down, new ExtendedReport());
      assertTrue(dlrr != null, "XR in the consumer SR compound");
      assertEquals(consumer.ssrc(), dlrr.ssrc());
      assertFalse(dlrr.hasRrtr());
      assertEquals(1, dlrr.dlrrCount());
      assertEquals(0x7777, dlrr.dlrrSsrc(0));
      assertEquals(0xB2C3_D4E5L, dlrr.dlrrLastRr(0));
      assertEquals(16384, dlrr.dlrrDelay(0)); // 250 ms in 1/65536 s

      // Answered once: the next SR compound has no XR.
      down.clear();
      h.advance(1000);
      h.onLoop(() -> {
        h.router.tick(t0 + 2000);
        return null;
      });
      assertFalse(down.isEmpty(), "second SR sent");
      assertEquals(null, findXr(down, new ExtendedReport()));
      producer.close().join();
    }
  }
}
