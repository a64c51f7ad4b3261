package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.quality.NtpTime;
import org.sfu4j.media.rtcp.RtcpCompoundCursor;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;
import org.sfu4j.media.rtcp.Sdes;
import org.sfu4j.media.rtcp.SenderReport;

/**
 * A simulcast consumer's Sender Reports use the forwarded layer's NTP ↔ RTP mapping shifted by its
 * timestamp offset, and a switch to a layer with a known SR picks the offset that keeps the
 * receiver's NTP ↔ RTP line: the same capture instant gets the same output timestamp on either
 * layer (lip sync with the sender's audio survives the switch). Every SR compound carries an
 * SDES CNAME.
 */
class SimulcastSenderReportTest {
  static final long[] SSRCS = {0x3000_0001L, 0x3000_0002L, 0x3000_0003L};
  static final long[] BASES = {10_000L, 5_000_000L, 900_000_000L};
  static final long U0 = 1_700_000_000_000L;

  @Test
  void senderReportLineSurvivesALayerSwitch() {
    // No real-time router tick: it reads the stepped clock at arbitrary moments, so whether (and
    // from which instant) the consumer's 1 s report timer was armed raced the test. The test
    // ticks by hand: once to arm the timer at c0, then at c0 + 1000 for the first SR.
    try (EngineHarness h = new EngineHarness(new WorkerSettings().routerTickIntervalMs(0))) {
      List<byte[]> down = new ArrayList<>();
      h.recv.setRtcpListener(buf -> {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        down.add(b);
      });
      ProducerOptions po = EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json");
      for (int i = 0; i < 3; i++) {
        po.rtpParameters.encodings.get(i).ssrc = SSRCS[i];
      }
      Producer producer = h.produce(po);
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.preferredLayers = new ConsumerLayers(0, null);
      Consumer consumer = h.recv.consume(co).join();
      long c0 = h.clock.get();
      tick(h); // arms the SR timer: the first tick of a consumer only schedules its first report
      for (int l : new int[] {0, 2}) {
        inject(h, sr(SSRCS[l], NtpTime.fromUnixMs(U0), BASES[l]));
      }
      int[] seq = {100, 2000, 30000};
      for (int d = 0; d <= 990; d += 33) {
        h.clock.set(c0 + d);
        for (int l = 0; l < 3; l++) {
          inject(h, EngineHarness.rtp(96, seq[l]++, BASES[l] + 90L * d, SSRCS[l], null,
              EngineHarness.vp8Payload(d == 0 && l == 0)));
        }
      }
      h.take();
      h.clock.set(c0 + 1000);
      tick(h);
      long[] sr1 = lastSr(down, consumer);
      assertLine(sr1, "before the switch");

      consumer.setPreferredLayers(new ConsumerLayers(2, null)).join();
      h.clock.set(c0 + 1050); // captured at 1023, arrives 27 ms later: wall clock would say 1050
      inject(h, EngineHarness.rtp(96, seq[2]++, BASES[2] + 90L * 1023, SSRCS[2], null,
          EngineHarness.vp8Payload(true)));
      List<EngineHarness.Out> out = h.take();
      assertEquals(1, out.size(), "switched at the layer-2 key frame");
      assertEquals(BASES[0] + 90L * 1023, out.get(0).ts,
          "same capture instant, same output timestamp as on layer 0");
      assertEquals(new ConsumerLayers(2, 0).spatialLayer, consumer.currentLayers().join().spatialLayer);

      down.clear();
      h.clock.set(c0 + 2100);
      tick(h);
      assertLine(lastSr(down, consumer), "after the switch");
    }
  }

  /** The SR's (ntp, rtp) lies on layer 0's original line: rtp = B0 + 90 × (ntpMs − U0). */
  private static void assertLine(long[] sr, String when) {
    long ms = NtpTime.toUnixMs(sr[0]) - U0;
    long expected = BASES[0] + 90 * ms;
    assertTrue(Math.abs(sr[1] - expected) <= 90, when + ": rtp " + sr[1] + " vs " + expected);
  }

  /** {ntp, rtp} of the consumer's last SR; checks the compound's SDES CNAME. */
  private static long[] lastSr(List<byte[]> down, Consumer consumer) {
    long[] found = null;
    for (byte[] b : down) {
      ByteBuf buf = Unpooled.wrappedBuffer(b);
      RtcpCompoundCursor c = new RtcpCompoundCursor();
      c.reset(buf, 0, b.length);
      long[] sr = null;
      boolean sdes = false;
      while (c.next()) {
        if (c.packetType() == RtcpPacketType.SR) {
          SenderReport s = new SenderReport();
          assertEquals(RtcpDropReason.OK, s.wrap(buf, c.offset(), c.length()));
          if (s.senderSsrc() == consumer.ssrc()) {
            sr = new long[] {s.ntpTimestamp(), s.rtpTimestamp()};
          }
        } else if (c.packetType() == RtcpPacketType.SDES) {
          Sdes d = new Sdes();
          assertEquals(RtcpDropReason.OK, d.wrap(buf, c.offset(), c.length()));
          sdes = d.ssrc(0) == consumer.ssrc()
              && d.cname(0).equals(consumer.rtpParameters().rtcp.cname);
        }
      }
      if (sr != null) {
        assertTrue(sdes, "SR compound carries the consumer's SDES CNAME");
        found = sr;
      }
    }
    assertNotNull(found, "consumer SR sent");
    return found;
  }

  private static ByteBuf sr(long ssrc, long ntp, long rtp) {
    SenderReport.Builder b = new SenderReport.Builder().senderInfo(ssrc, ntp, rtp, 10, 1000);
    ByteBuf out = Unpooled.buffer(b.sizeInBytes());
    b.writeTo(out);
    return out;
  }

  /** One router tick at the stepped clock's current time, on the loop. */
  private static void tick(EngineHarness h) {
    h.onLoop(() -> {
      h.router.tick(h.worker.nowMs());
      return null;
    });
  }

  private static void inject(EngineHarness h, ByteBuf p) {
    h.onLoop(() -> {
      try {
        if ((p.getByte(1) & 0xFF) >= 200 && (p.getByte(1) & 0xFF) <= 206) {
          h.send.injectRtcp(p);
        } else {
          h.send.injectRtp(p);
        }
      } finally {
        p.release();
      }
      return null;
    });
  }
}
