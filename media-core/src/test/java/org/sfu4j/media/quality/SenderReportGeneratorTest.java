package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.SenderReport;

class SenderReportGeneratorTest {
  private final SenderReport.Builder b = new SenderReport.Builder();

  @Test
  void noSenderReportBeforeData() {
    SenderReportGenerator g = new SenderReportGenerator(1, 90000);
    assertFalse(g.fillSenderInfo(b, 0, 0));
  }

  @Test
  void localFallbackExtrapolatesFromLastPacket() {
    SenderReportGenerator g = new SenderReportGenerator(0x11223344L, 90000);
    g.onPacketSent(3000, 100, 1000);
    g.onPacketSent(3000, 60, 1000);
    long localNtp = 0x0102030405060708L;
    assertTrue(g.fillSenderInfo(b, 1100, localNtp));
    ByteBuf out = Unpooled.buffer();
    b.writeTo(out);
    // rtp = 3000 + 100 ms * 90 = 12000 = 0x2ee0; 2 packets, 160 octets
    assertEquals("80c80006" + "11223344" + "0102030405060708" + "00002ee0" + "00000002" + "000000a0",
        ByteBufUtil.hexDump(out));
    out.release();
  }

  @Test
  void producerMappingIsForwardedWithOffsetAndSurvivesALayerSwitch() {
    SenderReportGenerator g = new SenderReportGenerator(7, 90000);
    g.onPacketSent(0, 1, 4000);
    long ntp0 = NtpTime.fromUnixMs(1_000_000);
    g.setSourceMapping(ntp0, 1000, 5000, 500); // producer SR arrives at our 5000 ms
    assertTrue(g.fillSenderInfo(b, 5100, 0));
    assertEquals(NtpTime.fromUnixMs(1_000_100), g.lastSrNtp());
    assertEquals(1000 + 500 + 9000, g.lastSrRtp());
    long ntp1 = g.lastSrNtp();
    long rtp1 = g.lastSrRtp();

    // Switch to another simulcast layer with its own RTP clock base.
    long ntpL = NtpTime.fromUnixMs(1_000_200);
    long offset = g.offsetKeepingMapping(ntpL, 777_777);
    assertEquals((19_500 - 777_777) & 0xFFFF_FFFFL, offset);
    g.setSourceMapping(ntpL, 777_777, 5300, offset);
    assertTrue(g.fillSenderInfo(b, 5400, 0));
    long ntp2 = g.lastSrNtp();
    long rtp2 = g.lastSrRtp();
    assertEquals(NtpTime.fromUnixMs(1_000_300), ntp2);
    // Same NTP <-> RTP line: 200 ms apart = 18000 ticks apart.
    assertEquals(18_000, (rtp2 - rtp1) & 0xFFFF_FFFFL);
    assertEquals(200, NtpTime.toUnixMs(ntp2) - NtpTime.toUnixMs(ntp1));
  }

  @Test
  void rttFromReceiverReportUsesTheSendTimeOfTheEchoedSr() {
    SenderReportGenerator g = new SenderReportGenerator(7, 48000);
    g.onPacketSent(0, 1, 0);
    g.setSourceMapping(NtpTime.fromUnixMs(50_000), 0, 0, 0);
    g.fillSenderInfo(b, 5100, 0);
    long lsr = NtpTime.compact(g.lastSrNtp());
    g.fillSenderInfo(b, 6100, 0); // a newer SR does not hide the older one
    assertEquals(50, g.onReceiverReport(lsr, NtpTime.msToCompact(150), 5300));
    assertEquals(50, g.rttMs());
    assertEquals(-1, g.onReceiverReport(0, 0, 5300));
    assertEquals(-1, g.onReceiverReport(0x1234, 0, 5300));
  }
}
