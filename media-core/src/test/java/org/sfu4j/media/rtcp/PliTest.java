package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class PliTest {
  @Test
  void parsesAndRebuilds() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.PLI);
    Pli pli = new Pli();
    assertEquals(RtcpDropReason.OK, pli.wrap(b, 0, 12));
    assertEquals(1L, pli.senderSsrc());
    assertEquals(0x55667788L, pli.mediaSsrc());
    b.release();
    Pli.Builder pb = new Pli.Builder().ssrcs(1, 0x55667788L);
    RoundTrip.assertWrites(RtcpVectors.PLI, pb::sizeInBytes, pb::writeTo);
    ByteBuf fir = Unpooled.wrappedBuffer(RtcpVectors.FIR);
    assertEquals(RtcpDropReason.WRONG_TYPE, pli.wrap(fir, 0, RtcpVectors.FIR.length));
    fir.release();
  }
}
