package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtcpCompoundCursorTest {
  private final RtcpCompoundCursor c = new RtcpCompoundCursor();

  @Test
  void iteratesEveryPacketOfACompound() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.SR, RtcpVectors.SDES, RtcpVectors.NACK,
        RtcpVectors.REMB, RtcpVectors.TWCC, RtcpVectors.XR);
    c.reset(b);
    int[] types = {200, 202, 205, 206, 205, 207};
    int[] counts = {1, 1, 1, 15, 15, 0};
    int[] lengths = {52, 16, 16, 24, 28, 36};
    int at = 0;
    for (int i = 0; i < types.length; i++) {
      assertTrue(c.next(), "packet " + i);
      assertEquals(types[i], c.packetType());
      assertEquals(counts[i], c.count());
      assertEquals(at, c.offset());
      assertEquals(lengths[i], c.length());
      assertEquals(i == 4, c.hasPadding());
      at += lengths[i];
    }
    assertFalse(c.next());
    assertEquals(RtcpDropReason.OK, c.dropReason());
    b.release();
  }

  @Test
  void typedViewsAcceptCursorSlices() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.RR, RtcpVectors.PLI);
    c.reset(b);
    assertTrue(c.next());
    ReceiverReport rr = new ReceiverReport();
    assertEquals(RtcpDropReason.OK, rr.wrap(c.buffer(), c.offset(), c.length()));
    assertTrue(c.next());
    Pli pli = new Pli();
    assertEquals(RtcpDropReason.OK, pli.wrap(c.buffer(), c.offset(), c.length()));
    assertEquals(0x55667788L, pli.mediaSsrc());
    b.release();
  }

  @Test
  void stopsAtBrokenHeaderAndSaysWhy() {
    check(RtcpDropReason.BAD_LENGTH, 1, hex("81ca0003 11223344 01036162 63000000 80c90002 00000000"));
    check(RtcpDropReason.BAD_VERSION, 0, hex("41c90001 00000000"));
    check(RtcpDropReason.TOO_SHORT, 1, hex("80c90001 00000000 80c9"));
    check(RtcpDropReason.TOO_SHORT, 0, new byte[0]);
  }

  private void check(RtcpDropReason reason, int goodPackets, byte[] bytes) {
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    c.reset(b);
    for (int i = 0; i < goodPackets; i++) {
      assertTrue(c.next());
    }
    assertFalse(c.next());
    assertEquals(reason, c.dropReason());
    assertFalse(c.next());
    b.release();
  }

  @Test
  void badBounds() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.PLI);
    c.reset(b, 4, 12);
    assertFalse(c.next());
    assertEquals(RtcpDropReason.BAD_BOUNDS, c.dropReason());
    c.reset(null, 0, 0);
    assertEquals(RtcpDropReason.BAD_BOUNDS, c.dropReason());
    b.release();
  }

  @Test
  void recognisesRtcpPayloadTypes() {
    assertTrue(RtcpPacketType.isRtcp(200));
    assertTrue(RtcpPacketType.isRtcp(0xcd));
    assertFalse(RtcpPacketType.isRtcp(0x60));
    assertFalse(RtcpPacketType.isRtcp(0xe0));
  }
}
