package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GenericNackTest {
  private final GenericNack n = new GenericNack();

  @Test
  void parsesAndExpandsPidAndBlp() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.NACK);
    assertEquals(RtcpDropReason.OK, n.wrap(b, 0, b.readableBytes()));
    assertEquals(1L, n.senderSsrc());
    assertEquals(0xabcdL, n.mediaSsrc());
    assertEquals(1, n.entryCount());
    assertEquals(1000, n.pid(0));
    assertEquals(5, n.blp(0));
    assertEquals(3, n.lostCount());
    int[] out = new int[17];
    assertEquals(3, n.lostSequenceNumbers(out));
    assertArrayEquals(new int[] {1000, 1001, 1003}, Arrays.copyOf(out, 3));
    int[] small = new int[2];
    assertEquals(2, n.lostSequenceNumbers(small));
    b.release();
  }

  @Test
  void expandsAcrossWrapAndFullMask() {
    ByteBuf b = Unpooled.wrappedBuffer(hex("81cd0004 00000001 00000002 fffeffff 00100000"));
    assertEquals(RtcpDropReason.OK, n.wrap(b, 0, 20));
    assertEquals(2, n.entryCount());
    assertEquals(18, n.lostCount());
    int[] out = new int[40];
    assertEquals(18, n.lostSequenceNumbers(out));
    int[] expected = new int[18];
    for (int i = 0; i < 17; i++) {
      expected[i] = (65534 + i) & 0xFFFF;
    }
    expected[17] = 16;
    assertArrayEquals(expected, Arrays.copyOf(out, 18));
    b.release();
  }

  @Test
  void builderReproducesGoldenBytes() {
    GenericNack.Builder nb = new GenericNack.Builder().ssrcs(1, 0xabcd);
    nb.addSequenceNumbers(new int[] {1000, 1001, 1003}, 3);
    RoundTrip.assertWrites(RtcpVectors.NACK, nb::sizeInBytes, nb::writeTo);
  }

  @Test
  void builderPacksAcrossWrapAndRoundTrips() {
    GenericNack.Builder nb = new GenericNack.Builder().ssrcs(1, 2);
    int[] seqs = {65534, 65535, 0, 1, 14, 15, 16, 17, 40, 40};
    nb.addSequenceNumbers(seqs, seqs.length);
    // 65534 + 1..16 covers up to 14; 15 starts a new entry covering 16, 17; 40 a third one.
    assertEquals(3, nb.entryCount());
    RoundTrip.assertWrites(hex("81cd0005 00000001 00000002 fffe8007 000f0003 00280000"),
        nb::sizeInBytes, nb::writeTo);
    ByteBuf dst = Unpooled.buffer();
    nb.writeTo(dst);
    assertEquals(RtcpDropReason.OK, n.wrap(dst, 0, dst.readableBytes()));
    int[] out = new int[64];
    int count = n.lostSequenceNumbers(out);
    assertArrayEquals(new int[] {65534, 65535, 0, 1, 14, 15, 16, 17, 40}, Arrays.copyOf(out, count));
    dst.release();
  }

  @Test
  void needsOneEntryAndTheRightFormat() {
    ByteBuf b = Unpooled.wrappedBuffer(hex("81cd0002 00000001 00000002"));
    assertEquals(RtcpDropReason.TOO_SHORT, n.wrap(b, 0, 12));
    b.release();
    ByteBuf t = Unpooled.wrappedBuffer(RtcpVectors.TWCC);
    assertEquals(RtcpDropReason.WRONG_TYPE, n.wrap(t, 0, RtcpVectors.TWCC.length));
    t.release();
  }
}
