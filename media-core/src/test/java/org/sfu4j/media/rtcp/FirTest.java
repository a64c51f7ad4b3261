package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class FirTest {
  @Test
  void parsesAndRebuilds() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.FIR);
    Fir fir = new Fir();
    assertEquals(RtcpDropReason.OK, fir.wrap(b, 0, b.readableBytes()));
    assertEquals(1L, fir.senderSsrc());
    assertEquals(0L, fir.mediaSsrc());
    assertEquals(1, fir.entryCount());
    assertEquals(0x55667788L, fir.ssrc(0));
    assertEquals(7, fir.sequenceNumber(0));
    b.release();
    Fir.Builder fb = new Fir.Builder().senderSsrc(1);
    fb.add(0x55667788L, 7);
    RoundTrip.assertWrites(RtcpVectors.FIR, fb::sizeInBytes, fb::writeTo);
  }

  @Test
  void rejectsPartialEntry() {
    ByteBuf b = Unpooled.wrappedBuffer(hex("84ce0005 00000001 00000000 55667788 07000000 01020304"));
    assertEquals(RtcpDropReason.MALFORMED, new Fir().wrap(b, 0, 24));
    b.release();
  }
}
