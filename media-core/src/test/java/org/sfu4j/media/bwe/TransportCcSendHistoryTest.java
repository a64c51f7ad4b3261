package org.sfu4j.media.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.TransportCcFeedback;

class TransportCcSendHistoryTest {

  @Test
  void stampsSequenceNumbersAndResolvesFeedback() {
    TransportCcSendHistory h = new TransportCcSendHistory(65534);
    assertEquals(65534, h.onPacketSent(1000, 10));
    assertEquals(65535, h.onPacketSent(1100, 11));
    assertEquals(0, h.onPacketSent(1200, 12));
    TransportCcFeedback.Builder b = new TransportCcFeedback.Builder();
    b.reset(1, 2, 65534, 0xFFFFFF, 0); // reference time about to wrap
    b.addReceived(4);
    b.addNotReceived();
    b.addReceived(8);
    ByteBuf buf = Unpooled.buffer();
    b.writeTo(buf);
    TransportCcFeedback fb = new TransportCcFeedback();
    fb.wrap(buf, 0, buf.readableBytes());
    TransportCcSendHistory.PacketResults r = new TransportCcSendHistory.PacketResults();
    h.onFeedback(fb, 50, r);
    assertEquals(3, r.count());
    long ref = 0xFFFFFFL * 64_000;
    assertEquals(10, r.sendTimeMs(0));
    assertEquals(ref + 1000, r.arrivalTimeUs(0));
    assertTrue(r.received(0));
    assertFalse(r.received(1));
    assertEquals(1100, r.size(1));
    assertEquals(ref + 3000, r.arrivalTimeUs(2));
    assertEquals(1200, r.size(2));
    buf.clear();
    // next feedback: reference wrapped to 0 -> unwrapped to 0x1000000 (no jump backwards)
    b.reset(1, 2, 0, 0, 1);
    b.addReceived(0);
    b.writeTo(buf);
    fb.wrap(buf, 0, buf.readableBytes());
    h.onFeedback(fb, 60, r);
    assertEquals(1, r.count());
    assertEquals(0x1000000L * 64_000, r.arrivalTimeUs(0));
    buf.release();
  }

  @Test
  void unknownSequenceNumbersAreSkipped() {
    TransportCcSendHistory h = new TransportCcSendHistory();
    h.onPacketSent(100, 0);
    TransportCcFeedback.Builder b = new TransportCcFeedback.Builder();
    b.reset(1, 2, 0, 0, 0);
    b.addReceived(0);
    b.addReceived(1); // seq 1 was never sent
    ByteBuf buf = Unpooled.buffer();
    b.writeTo(buf);
    TransportCcFeedback fb = new TransportCcFeedback();
    fb.wrap(buf, 0, buf.readableBytes());
    TransportCcSendHistory.PacketResults r = new TransportCcSendHistory.PacketResults();
    h.onFeedback(fb, 0, r);
    assertEquals(1, r.count());
    assertEquals(1, h.unknownInFeedbackCount());
    buf.release();
  }
}
