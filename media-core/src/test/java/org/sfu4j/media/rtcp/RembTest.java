package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RembTest {
  private final Remb r = new Remb();

  @Test
  void parsesAndRebuilds() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.REMB);
    assertEquals(RtcpDropReason.OK, r.wrap(b, 0, b.readableBytes()));
    assertEquals(1L, r.senderSsrc());
    assertEquals(1_000_000L, r.bitrate());
    assertEquals(1, r.ssrcCount());
    assertEquals(0x55667788L, r.ssrc(0));
    b.release();
    Remb.Builder rb = new Remb.Builder().set(1, 1_000_000);
    rb.addSsrc(0x55667788L);
    RoundTrip.assertWrites(RtcpVectors.REMB, rb::sizeInBytes, rb::writeTo);
  }

  @Test
  void bitrateRoundsDownAndSaturates() {
    Remb.Builder rb = new Remb.Builder().set(1, 1_000_001);
    ByteBuf dst = Unpooled.buffer();
    rb.writeTo(dst);
    assertEquals(RtcpDropReason.OK, r.wrap(dst, 0, dst.readableBytes()));
    assertEquals(1_000_000L, r.bitrate()); // 1_000_001 >> 2 = 250000, the low 2 bits are lost
    dst.release();
    ByteBuf max = Unpooled.wrappedBuffer(hex("8fce0004 00000001 00000000 52454d42 00ffffff"));
    assertEquals(RtcpDropReason.OK, r.wrap(max, 0, 20));
    assertEquals(Long.MAX_VALUE, r.bitrate()); // exp 63, mantissa 0x3ffff
    max.release();
  }

  @Test
  void rejectsOtherAfbAndShortSsrcList() {
    ByteBuf other = Unpooled.wrappedBuffer(hex("8fce0004 00000001 00000000 41424344 00000000"));
    assertEquals(RtcpDropReason.WRONG_TYPE, r.wrap(other, 0, 20));
    other.release();
    ByteBuf shortList = Unpooled.wrappedBuffer(hex("8fce0004 00000001 00000000 52454d42 02000000"));
    assertEquals(RtcpDropReason.BAD_COUNT, r.wrap(shortList, 0, 20));
    shortList.release();
  }
}
