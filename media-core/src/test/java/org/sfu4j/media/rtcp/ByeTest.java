package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sfu4j.media.rtcp.RtcpVectors.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ByeTest {
  @Test
  void parsesSsrcsAndReason() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.BYE);
    Bye bye = new Bye();
    assertEquals(RtcpDropReason.OK, bye.wrap(b, 0, b.readableBytes()));
    assertEquals(2, bye.ssrcCount());
    assertEquals(0x11223344L, bye.ssrc(0));
    assertEquals(0x55667788L, bye.ssrc(1));
    assertEquals("bye!!", bye.reason());
    b.release();
  }

  @Test
  void withoutReasonAndMalformedReason() {
    Bye bye = new Bye();
    ByteBuf b = Unpooled.wrappedBuffer(hex("81cb0001 00000007"));
    assertEquals(RtcpDropReason.OK, bye.wrap(b, 0, 8));
    assertNull(bye.reason());
    b.release();
    ByteBuf m = Unpooled.wrappedBuffer(hex("81cb0002 00000007 09414243"));
    assertEquals(RtcpDropReason.MALFORMED, bye.wrap(m, 0, 12));
    m.release();
  }

  @Test
  void builderReproducesGoldenBytes() {
    Bye.Builder bb = new Bye.Builder().reason("bye!!");
    bb.addSsrc(0x11223344L);
    bb.addSsrc(0x55667788L);
    RoundTrip.assertWrites(RtcpVectors.BYE, bb::sizeInBytes, bb::writeTo);
  }
}
