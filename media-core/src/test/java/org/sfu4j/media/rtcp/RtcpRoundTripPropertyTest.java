package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Property: for random valid packets, build → parse → rebuild from the parsed fields reproduces
 * the exact bytes (every field survives both directions).
 */
class RtcpRoundTripPropertyTest {
  private static final int ROUNDS = 2_000;
  private final Random rnd = new Random(0xB17E5);

  private long u32() {
    return rnd.nextInt() & 0xFFFF_FFFFL;
  }

  private static byte[] bytes(ToIntFunction<ByteBuf> writer, int expectedSize) {
    ByteBuf dst = Unpooled.buffer();
    try {
      assertEquals(expectedSize, writer.applyAsInt(dst));
      assertEquals(expectedSize, dst.readableBytes());
      return ByteBufUtil.getBytes(dst);
    } finally {
      dst.release();
    }
  }

  @Test
  void senderAndReceiverReports() {
    SenderReport sr = new SenderReport();
    ReceiverReport rr = new ReceiverReport();
    ReportBlock rb = new ReportBlock();
    for (int n = 0; n < ROUNDS; n++) {
      SenderReport.Builder sb = new SenderReport.Builder()
          .senderInfo(u32(), rnd.nextLong(), u32(), u32(), u32());
      ReceiverReport.Builder rbld = new ReceiverReport.Builder().senderSsrc(u32());
      int blocks = rnd.nextInt(32);
      for (int i = 0; i < blocks; i++) {
        int lost = rnd.nextInt(1 << 24) - (1 << 23);
        sb.addReportBlock(u32(), rnd.nextInt(256), lost, u32(), u32(), u32(), u32());
        rbld.addReportBlock(u32(), rnd.nextInt(256), lost, u32(), u32(), u32(), u32());
      }
      byte[] a = bytes(sb::writeTo, sb.sizeInBytes());
      ByteBuf b = Unpooled.wrappedBuffer(a);
      assertEquals(RtcpDropReason.OK, sr.wrap(b, 0, a.length));
      SenderReport.Builder again = new SenderReport.Builder().senderInfo(sr.senderSsrc(),
          sr.ntpTimestamp(), sr.rtpTimestamp(), sr.packetCount(), sr.octetCount());
      for (int i = 0; i < sr.reportCount(); i++) {
        sr.reportBlock(i, rb);
        again.addReportBlock(rb.ssrc(), rb.fractionLost(), rb.cumulativeLost(),
            rb.extendedHighestSeq(), rb.jitter(), rb.lastSr(), rb.delaySinceLastSr());
      }
      assertArrayEquals(a, bytes(again::writeTo, again.sizeInBytes()));
      b.release();

      byte[] c = bytes(rbld::writeTo, rbld.sizeInBytes());
      ByteBuf d = Unpooled.wrappedBuffer(c);
      assertEquals(RtcpDropReason.OK, rr.wrap(d, 0, c.length));
      ReceiverReport.Builder rAgain = new ReceiverReport.Builder().senderSsrc(rr.senderSsrc());
      for (int i = 0; i < rr.reportCount(); i++) {
        rr.reportBlock(i, rb);
        rAgain.addReportBlock(rb.ssrc(), rb.fractionLost(), rb.cumulativeLost(),
            rb.extendedHighestSeq(), rb.jitter(), rb.lastSr(), rb.delaySinceLastSr());
      }
      assertArrayEquals(c, bytes(rAgain::writeTo, rAgain.sizeInBytes()));
      d.release();
    }
  }

  @Test
  void sdesByeAndNack() {
    Sdes sdes = new Sdes();
    Bye bye = new Bye();
    GenericNack nack = new GenericNack();
    int[] lost = new int[17 * 200];
    for (int n = 0; n < ROUNDS; n++) {
      Sdes.Builder sb = new Sdes.Builder();
      int chunks = rnd.nextInt(32);
      for (int i = 0; i < chunks; i++) {
        sb.addCname(u32(), randomAscii(rnd.nextInt(40)));
      }
      byte[] a = bytes(sb::writeTo, sb.sizeInBytes());
      ByteBuf b = Unpooled.wrappedBuffer(a);
      assertEquals(RtcpDropReason.OK, sdes.wrap(b, 0, a.length));
      Sdes.Builder again = new Sdes.Builder();
      for (int i = 0; i < sdes.chunkCount(); i++) {
        again.addCname(sdes.ssrc(i), sdes.cname(i));
      }
      assertArrayEquals(a, bytes(again::writeTo, again.sizeInBytes()));
      b.release();

      Bye.Builder bb = new Bye.Builder().reason(rnd.nextBoolean() ? randomAscii(rnd.nextInt(30)) : null);
      int ssrcs = rnd.nextInt(32);
      for (int i = 0; i < ssrcs; i++) {
        bb.addSsrc(u32());
      }
      byte[] c = bytes(bb::writeTo, bb.sizeInBytes());
      ByteBuf d = Unpooled.wrappedBuffer(c);
      assertEquals(RtcpDropReason.OK, bye.wrap(d, 0, c.length));
      Bye.Builder bAgain = new Bye.Builder().reason(bye.reason());
      for (int i = 0; i < bye.ssrcCount(); i++) {
        bAgain.addSsrc(bye.ssrc(i));
      }
      assertArrayEquals(c, bytes(bAgain::writeTo, bAgain.sizeInBytes()));
      d.release();

      GenericNack.Builder nb = new GenericNack.Builder().ssrcs(u32(), u32());
      int seq = rnd.nextInt(65536);
      int count = 1 + rnd.nextInt(150);
      for (int i = 0; i < count; i++) {
        nb.addSequenceNumber(seq);
        seq = (seq + 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(40) : 0)) & 0xFFFF;
      }
      byte[] e = bytes(nb::writeTo, nb.sizeInBytes());
      ByteBuf f = Unpooled.wrappedBuffer(e);
      assertEquals(RtcpDropReason.OK, nack.wrap(f, 0, e.length));
      int k = nack.lostSequenceNumbers(lost);
      assertEquals(count, k);
      GenericNack.Builder nAgain = new GenericNack.Builder().ssrcs(nack.senderSsrc(), nack.mediaSsrc());
      nAgain.addSequenceNumbers(lost, k);
      assertArrayEquals(e, bytes(nAgain::writeTo, nAgain.sizeInBytes()));
      f.release();
    }
  }

  @Test
  void firRembAndXr() {
    Fir fir = new Fir();
    Remb remb = new Remb();
    ExtendedReport xr = new ExtendedReport();
    for (int n = 0; n < ROUNDS; n++) {
      Fir.Builder fb = new Fir.Builder().senderSsrc(u32());
      int entries = 1 + rnd.nextInt(31);
      for (int i = 0; i < entries; i++) {
        fb.add(u32(), rnd.nextInt(256));
      }
      byte[] a = bytes(fb::writeTo, fb.sizeInBytes());
      ByteBuf b = Unpooled.wrappedBuffer(a);
      assertEquals(RtcpDropReason.OK, fir.wrap(b, 0, a.length));
      Fir.Builder fAgain = new Fir.Builder().senderSsrc(fir.senderSsrc());
      for (int i = 0; i < fir.entryCount(); i++) {
        fAgain.add(fir.ssrc(i), fir.sequenceNumber(i));
      }
      assertArrayEquals(a, bytes(fAgain::writeTo, fAgain.sizeInBytes()));
      b.release();

      long bitrate = rnd.nextLong() >>> (1 + rnd.nextInt(63)); // non-negative
      Remb.Builder rb = new Remb.Builder().set(u32(), bitrate);
      int ssrcs = rnd.nextInt(10);
      for (int i = 0; i < ssrcs; i++) {
        rb.addSsrc(u32());
      }
      byte[] c = bytes(rb::writeTo, rb.sizeInBytes());
      ByteBuf d = Unpooled.wrappedBuffer(c);
      assertEquals(RtcpDropReason.OK, remb.wrap(d, 0, c.length));
      long parsed = remb.bitrate();
      // Lossy by design: at most the low (exp) bits are dropped, never rounded up.
      assertTrue(parsed <= bitrate && bitrate - parsed <= (parsed >> 17), bitrate + " -> " + parsed);
      Remb.Builder rAgain = new Remb.Builder().set(remb.senderSsrc(), parsed);
      for (int i = 0; i < remb.ssrcCount(); i++) {
        rAgain.addSsrc(remb.ssrc(i));
      }
      assertArrayEquals(c, bytes(rAgain::writeTo, rAgain.sizeInBytes()));
      d.release();

      ExtendedReport.Builder xb = new ExtendedReport.Builder().ssrc(u32());
      if (rnd.nextBoolean()) {
        xb.rrtr(rnd.nextLong());
      }
      int dlrr = rnd.nextInt(5);
      for (int i = 0; i < dlrr; i++) {
        xb.addDlrr(u32(), u32(), u32());
      }
      byte[] e = bytes(xb::writeTo, xb.sizeInBytes());
      ByteBuf f = Unpooled.wrappedBuffer(e);
      assertEquals(RtcpDropReason.OK, xr.wrap(f, 0, e.length));
      ExtendedReport.Builder xAgain = new ExtendedReport.Builder().ssrc(xr.ssrc());
      if (xr.hasRrtr()) {
        xAgain.rrtr(xr.rrtrNtpTimestamp());
      }
      for (int i = 0; i < xr.dlrrCount(); i++) {
        xAgain.addDlrr(xr.dlrrSsrc(i), xr.dlrrLastRr(i), xr.dlrrDelay(i));
      }
      assertArrayEquals(e, bytes(xAgain::writeTo, xAgain.sizeInBytes()));
      f.release();
    }
  }

  private String randomAscii(int len) {
    char[] c = new char[len];
    for (int i = 0; i < len; i++) {
      c[i] = (char) (0x21 + rnd.nextInt(0x5e));
    }
    return new String(c);
  }
}
