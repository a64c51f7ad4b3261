package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every RTCP view against truncations and seeded random bytes. Each input sits in an exact-length
 * slice at a non-zero offset of a bigger buffer (sentinels on both sides), so a read outside the
 * packet throws IndexOutOfBoundsException and fails the test instead of silently reading
 * neighbouring bytes.
 */
class RtcpBadInputTest {
  private static final byte[][] GOLDEN = {
    RtcpVectors.SR, RtcpVectors.RR, RtcpVectors.RR_EMPTY, RtcpVectors.SDES, RtcpVectors.SDES_TWO,
    RtcpVectors.BYE, RtcpVectors.APP, RtcpVectors.NACK, RtcpVectors.PLI, RtcpVectors.FIR,
    RtcpVectors.REMB, RtcpVectors.XR, RtcpVectors.TWCC, RtcpVectors.TWCC_RUN, RtcpVectors.TWCC_BITS,
  };

  private final RtcpCompoundCursor cursor = new RtcpCompoundCursor();
  private final SenderReport sr = new SenderReport();
  private final ReceiverReport rr = new ReceiverReport();
  private final ReportBlock block = new ReportBlock();
  private final Sdes sdes = new Sdes();
  private final Bye bye = new Bye();
  private final App app = new App();
  private final GenericNack nack = new GenericNack();
  private final TransportCcFeedback twcc = new TransportCcFeedback();
  private final Pli pli = new Pli();
  private final Fir fir = new Fir();
  private final Remb remb = new Remb();
  private final ExtendedReport xr = new ExtendedReport();
  private final int[] lost = new int[17 * 64];

  /** Exact-length slice of {@code bytes[0..len)} at offset 8 of a buffer with random sentinels. */
  private static ByteBuf sentinelSlice(byte[] bytes, int len, Random rnd) {
    byte[] big = new byte[len + 16];
    rnd.nextBytes(big);
    System.arraycopy(bytes, 0, big, 8, len);
    return Unpooled.wrappedBuffer(big).slice(8, len);
  }

  @Test
  void everyGoldenPacketIsAcceptedByExactlyItsView() {
    Random rnd = new Random(1);
    for (byte[] g : GOLDEN) {
      ByteBuf b = sentinelSlice(g, g.length, rnd);
      assertEquals(1, wrapAll(b, 0, g.length), "golden accepted by one view");
      b.release();
    }
  }

  @Test
  void everyTruncationIsInvalidForEveryView() {
    Random rnd = new Random(2);
    for (byte[] g : GOLDEN) {
      for (int len = 0; len < g.length; len++) {
        ByteBuf b = sentinelSlice(g, len, rnd);
        assertEquals(0, wrapAll(b, 0, len), "truncated to " + len);
        cursor.reset(b, 0, len);
        assertFalse(cursor.next());
        assertNotEquals(RtcpDropReason.OK, cursor.dropReason());
        b.release();
      }
    }
  }

  @Test
  void everyTruncationWithAConsistentLengthFieldIsClean() {
    // Harder than plain truncation: fix the length field so the body itself is cut short.
    Random rnd = new Random(3);
    for (byte[] g : GOLDEN) {
      for (int len = 4; len < g.length; len += 4) {
        byte[] cut = g.clone();
        cut[0] &= (byte) ~0x20; // the padding byte is gone
        cut[2] = 0;
        cut[3] = (byte) (len / 4 - 1);
        ByteBuf b = sentinelSlice(cut, len, rnd);
        wrapAll(b, 0, len); // must not throw; some prefixes are valid packets (e.g. RR with RC cut)
        b.release();
      }
    }
  }

  @Test
  void hundredThousandRandomBuffers() {
    Random rnd = new Random(0x7C9);
    int accepted = 0;
    for (int n = 0; n < 100_000; n++) {
      boolean structured = (n & 1) == 0;
      int len = structured ? 4 * rnd.nextInt(24) : rnd.nextInt(100);
      byte[] bytes = new byte[len];
      rnd.nextBytes(bytes);
      if (structured && len >= 4) {
        bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F)); // V=2, random P and count
        bytes[1] = (byte) (200 + rnd.nextInt(8));
        bytes[2] = 0;
        bytes[3] = (byte) (len / 4 - 1);
        if (rnd.nextInt(4) == 0 && len >= 16) {
          bytes[12] = 'R';
          bytes[13] = 'E';
          bytes[14] = 'M';
          bytes[15] = 'B';
        }
      }
      ByteBuf b = sentinelSlice(bytes, len, rnd);
      accepted += wrapAll(b, 0, len);
      cursor.reset(b, 0, len);
      while (cursor.next()) {
        cursor.packetType();
        cursor.count();
        cursor.hasPadding();
        accepted += wrapAll(cursor.buffer(), cursor.offset(), cursor.length());
      }
      b.release();
    }
    assertTrue(accepted > 5_000, "random input reaches the valid paths: " + accepted);
  }

  /** Wraps every view over the bytes, reads every accessor of the ones that accept; counts OKs. */
  private int wrapAll(ByteBuf b, int off, int len) {
    int ok = 0;
    if (sr.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      sr.senderSsrc();
      sr.ntpTimestamp();
      sr.compactNtp();
      sr.rtpTimestamp();
      sr.packetCount();
      sr.octetCount();
      for (int i = 0; i < sr.reportCount(); i++) {
        readBlock(sr.reportBlock(i, block));
      }
    }
    if (rr.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      rr.senderSsrc();
      for (int i = 0; i < rr.reportCount(); i++) {
        readBlock(rr.reportBlock(i, block));
      }
    }
    if (sdes.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      for (int i = 0; i < sdes.chunkCount(); i++) {
        sdes.ssrc(i);
        sdes.cname(i);
      }
    }
    if (bye.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      for (int i = 0; i < bye.ssrcCount(); i++) {
        bye.ssrc(i);
      }
      bye.reason();
    }
    if (app.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      app.subtype();
      app.ssrc();
      app.name();
      assertTrue(app.dataLength() >= 0);
      if (app.dataLength() > 0) {
        b.getByte(app.dataOffset() + app.dataLength() - 1);
      }
    }
    if (nack.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      nack.senderSsrc();
      nack.mediaSsrc();
      assertEquals(nack.lostCount(), nack.lostSequenceNumbers(lost));
    }
    if (twcc.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      twcc.senderSsrc();
      twcc.mediaSsrc();
      twcc.referenceTime();
      twcc.feedbackPacketCount();
      for (int i = 0; i < twcc.packetStatusCount(); i++) {
        twcc.sequenceNumber(i);
        twcc.status(i);
        twcc.deltaTicks(i);
      }
    }
    if (pli.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      pli.senderSsrc();
      pli.mediaSsrc();
    }
    if (fir.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      fir.senderSsrc();
      for (int i = 0; i < fir.entryCount(); i++) {
        fir.ssrc(i);
        fir.sequenceNumber(i);
      }
    }
    if (remb.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      remb.senderSsrc();
      assertTrue(remb.bitrate() >= 0);
      for (int i = 0; i < remb.ssrcCount(); i++) {
        remb.ssrc(i);
      }
    }
    if (xr.wrap(b, off, len) == RtcpDropReason.OK) {
      ok++;
      xr.ssrc();
      if (xr.hasRrtr()) {
        xr.rrtrNtpTimestamp();
      }
      for (int i = 0; i < xr.dlrrCount(); i++) {
        xr.dlrrSsrc(i);
        xr.dlrrLastRr(i);
        xr.dlrrDelay(i);
      }
    }
    return ok;
  }

  private static void readBlock(ReportBlock rb) {
    rb.ssrc();
    rb.fractionLost();
    rb.cumulativeLost();
    rb.extendedHighestSeq();
    rb.jitter();
    rb.lastSr();
    rb.delaySinceLastSr();
  }
}
