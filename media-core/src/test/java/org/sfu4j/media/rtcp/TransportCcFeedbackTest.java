package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportCcFeedbackTest {
  private final TransportCcFeedback f = new TransportCcFeedback();

  @Test
  void parsesTwoBitVectorWithLargeNegativeDelta() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.TWCC);
    assertEquals(RtcpDropReason.OK, f.wrap(b, 0, b.readableBytes()));
    assertEquals(1L, f.senderSsrc());
    assertEquals(0xabcdL, f.mediaSsrc());
    assertEquals(100, f.baseSequenceNumber());
    assertEquals(4, f.packetStatusCount());
    assertEquals(16, f.referenceTime());
    assertEquals(3, f.feedbackPacketCount());
    int[] status = {1, 0, 1, 2};
    int[] deltas = {4, 0, 8, -4};
    long[] arrivalUs = {1_024_000 + 1_000, 1_024_000 + 1_000, 1_024_000 + 3_000, 1_024_000 + 2_000};
    for (int i = 0; i < 4; i++) {
      assertEquals(100 + i, f.sequenceNumber(i));
      assertEquals(status[i], f.status(i));
      assertEquals(status[i] != 0, f.isReceived(i));
      assertEquals(deltas[i], f.deltaTicks(i));
      assertEquals(arrivalUs[i], f.arrivalTimeMicros(i));
    }
    b.release();
  }

  @Test
  void parsesRunLengthAcrossSequenceWrap() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.TWCC_RUN);
    assertEquals(RtcpDropReason.OK, f.wrap(b, 0, b.readableBytes()));
    assertEquals(20, f.packetStatusCount());
    assertEquals(65530, f.sequenceNumber(0));
    assertEquals(0, f.sequenceNumber(6));
    assertEquals(13, f.sequenceNumber(19));
    for (int i = 0; i < 20; i++) {
      assertEquals(TransportCcFeedback.SMALL_DELTA, f.status(i));
      assertEquals(1, f.deltaTicks(i));
    }
    b.release();
  }

  @Test
  void parsesOneBitVector() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.TWCC_BITS);
    assertEquals(RtcpDropReason.OK, f.wrap(b, 0, b.readableBytes()));
    assertEquals(14, f.packetStatusCount());
    assertTrue(f.isReceived(0));
    assertTrue(f.isReceived(1));
    for (int i = 2; i < 13; i++) {
      assertFalse(f.isReceived(i));
    }
    assertTrue(f.isReceived(13));
    assertEquals(3, f.deltaTicks(13));
    b.release();
  }

  @Test
  void lastChunkMayCoverMoreThanTheStatusCount() {
    // Count 3, run-length chunk of 100 "not received", then a 2-bit vector never reached.
    ByteBuf b = Unpooled.wrappedBuffer(hex("8fcd0005 00000001 00000002 00050003 00000000 00640000"));
    assertEquals(RtcpDropReason.OK, f.wrap(b, 0, 24));
    assertEquals(3, f.packetStatusCount());
    assertFalse(f.isReceived(2));
    b.release();
  }

  @Test
  void rejectsReservedSymbolsMissingDeltasAndZeroCount() {
    check(RtcpDropReason.MALFORMED, "8fcd0005 00000001 00000002 00050001 00000000 60010000");
    check(RtcpDropReason.MALFORMED, "8fcd0005 00000001 00000002 00050002 00000000 f0000000");
    check(RtcpDropReason.MALFORMED, "8fcd0005 00000001 00000002 00050003 00000000 20030101");
    check(RtcpDropReason.MALFORMED, "8fcd0005 00000001 00000002 00050000 00000000 00000000");
    check(RtcpDropReason.MALFORMED, "8fcd0004 00000001 00000002 00050040 00000000");
  }

  private void check(RtcpDropReason r, String hex) {
    byte[] bytes = hex(hex);
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    assertEquals(r, f.wrap(b, 0, bytes.length), hex);
    b.release();
  }

  @Test
  void builderReproducesEachGoldenChunkKind() {
    TransportCcFeedback.Builder tb = new TransportCcFeedback.Builder();
    tb.reset(1, 0xabcd, 100, 16, 3);
    tb.addReceived(4);
    tb.addNotReceived();
    tb.addReceived(8);
    tb.addReceived(-4);
    RoundTrip.assertWrites(RtcpVectors.TWCC, tb::sizeInBytes, tb::writeTo);

    tb.reset(1, 2, 65530, 1, 0);
    for (int i = 0; i < 20; i++) {
      tb.addReceived(1);
    }
    RoundTrip.assertWrites(RtcpVectors.TWCC_RUN, tb::sizeInBytes, tb::writeTo);

    tb.reset(1, 2, 1, 0, 0);
    tb.addReceived(1);
    tb.addReceived(2);
    for (int i = 0; i < 11; i++) {
      tb.addNotReceived();
    }
    tb.addReceived(3);
    RoundTrip.assertWrites(RtcpVectors.TWCC_BITS, tb::sizeInBytes, tb::writeTo);
  }

  @Test
  void builderRejectsUnencodableDelta() {
    TransportCcFeedback.Builder tb = new TransportCcFeedback.Builder().reset(1, 2, 0, 0, 0);
    assertFalse(tb.addReceived(40_000));
    assertFalse(tb.addReceived(-40_000));
    assertTrue(tb.addReceived(-32768));
    assertEquals(1, tb.packetStatusCount());
  }

  @Test
  void randomFeedbackRoundTripsThroughBuilderAndView() {
    Random rnd = new Random(42);
    TransportCcFeedback.Builder tb = new TransportCcFeedback.Builder();
    for (int round = 0; round < 300; round++) {
      int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 3000);
      int base = rnd.nextInt(65536);
      tb.reset(7, 9, base, rnd.nextInt(1 << 24), round);
      int[] status = new int[n];
      int[] delta = new int[n];
      int mode = rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        boolean lost = mode == 0 ? rnd.nextInt(10) == 0 : mode == 1 ? (i / 30) % 2 == 0 : false;
        if (lost) {
          tb.addNotReceived();
        } else {
          int d = rnd.nextInt(8) == 0 ? rnd.nextInt(65536) - 32768 : rnd.nextInt(256);
          tb.addReceived(d);
          delta[i] = d;
          status[i] = d >= 0 && d <= 255 ? 1 : 2;
        }
      }
      ByteBuf dst = Unpooled.buffer();
      assertEquals(tb.sizeInBytes(), tb.writeTo(dst));
      assertEquals(0, dst.readableBytes() % 4);
      assertEquals(RtcpDropReason.OK, f.wrap(dst, 0, dst.readableBytes()));
      assertEquals(n, f.packetStatusCount());
      assertEquals(base, f.baseSequenceNumber());
      for (int i = 0; i < n; i++) {
        assertEquals(status[i], f.status(i), "round " + round + " i " + i);
        assertEquals(delta[i], f.deltaTicks(i));
      }
      dst.release();
    }
  }
}
