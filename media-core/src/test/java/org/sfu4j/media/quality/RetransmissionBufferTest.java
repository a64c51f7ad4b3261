package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetransmissionBufferTest {
  private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  private final SharedPacket shared = new SharedPacket(alloc);
  private final ByteBuf out = Unpooled.buffer(1500);

  @AfterEach
  void releaseOut() {
    out.release();
  }

  /** Producer packet: PT 96, seq 1000, ts 5000, SSRC 0x11111111, padded with 3 bytes. */
  static ByteBuf producerPacket(int seq) {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(
        "a060" + String.format("%04x", seq) + "00001388" + "11111111" + "cafebabe" + "000003"));
  }

  /** Producer packet with a one-byte extension block: id 3 (len 1) = 0x7f. */
  static ByteBuf producerPacketWithExtension() {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(
        "906003e800001388" + "11111111" + "bede0001" + "307f0000" + "0102"));
  }

  private ByteBuf store(ByteBuf inbound) {
    shared.reset(inbound, inbound.readerIndex(), inbound.readableBytes());
    return shared.get();
  }

  @Test
  void plainRetransmissionRewritesHeaderAndDropsPadding() {
    RetransmissionBuffer rb = new RetransmissionBuffer(0x22222222L);
    ByteBuf in = producerPacket(1000);
    rb.insert(7, 0xAABBCCDDL, 100, store(in), 0);
    shared.done();
    in.release();
    int n = rb.writeRetransmission(7, 10, 0, out);
    assertEquals(16, n);
    assertEquals("8064" + "0007" + "aabbccdd" + "22222222" + "cafebabe", ByteBufUtil.hexDump(out));
    assertEquals(1, rb.resentCount(7));
    rb.close();
  }

  @Test
  void rtxRetransmissionCarriesOsnAndOwnSequenceNumbers() {
    RetransmissionBuffer rb = new RetransmissionBuffer(0x22222222L);
    rb.enableRtx(0x33333333L, 97, 0xFFFF);
    ByteBuf a = producerPacket(1000);
    ByteBuf b = producerPacket(1001);
    rb.insert(0x1234, 0x100, 100, store(a), 0);
    rb.insert(0x1235, 0x200, 100, store(b), 0);
    shared.done();
    a.release();
    b.release();
    assertEquals(18, rb.writeRetransmission(0x1235, 5, 0, out));
    assertEquals("8061" + "ffff" + "00000200" + "33333333" + "1235" + "cafebabe",
        ByteBufUtil.hexDump(out));
    out.clear();
    assertEquals(18, rb.writeRetransmission(0x1234, 5, 0, out));
    assertEquals("8061" + "0000" + "00000100" + "33333333" + "1234" + "cafebabe",
        ByteBufUtil.hexDump(out));
    assertEquals(1, rb.nextRtxSequenceNumber());
    assertEquals(2, rb.retransmittedCount());
    rb.close();
  }

  @Test
  void extensionIdsAreRemapped() {
    RetransmissionBuffer rb = new RetransmissionBuffer(0x22222222L);
    byte[] map = new byte[256];
    map[3] = 9;
    rb.setExtensionIdMap(map);
    ByteBuf in = producerPacketWithExtension();
    rb.insert(1, 1, 100, store(in), 0);
    shared.done();
    in.release();
    rb.writeRetransmission(1, 0, 0, out);
    assertEquals("9064000100000001" + "22222222" + "bede0001" + "907f0000" + "0102",
        ByteBufUtil.hexDump(out));
    rb.close();
  }

  @Test
  void resendIsRateLimitedPerPacket() {
    RetransmissionBuffer rb = new RetransmissionBuffer(1);
    ByteBuf in = producerPacket(1);
    rb.insert(1, 1, 96, store(in), 0);
    shared.done();
    in.release();
    assertTrue(rb.writeRetransmission(1, 100, 50, out) > 0);
    assertEquals(-1, rb.writeRetransmission(1, 149, 50, out));
    assertTrue(rb.writeRetransmission(1, 150, 50, out) > 0);
    assertEquals(2, rb.resentCount(1));
    rb.close();
  }

  @Test
  void unknownAndTooOldPacketsAreNotResent() {
    RetransmissionBuffer rb = new RetransmissionBuffer(1, 16, 1000);
    ByteBuf in = producerPacket(1);
    rb.insert(1, 1, 96, store(in), 0);
    shared.done();
    in.release();
    assertEquals(-1, rb.writeRetransmission(2, 0, 0, out));
    assertEquals(-1, rb.writeRetransmission(17, 0, 0, out)); // same slot, other seq
    assertTrue(rb.contains(1, 1000));
    assertFalse(rb.contains(1, 1001));
    assertEquals(-1, rb.writeRetransmission(1, 1001, 0, out));
    assertEquals(0, out.readableBytes());
    assertEquals(3, rb.notFoundCount());
    rb.close();
  }

  @Test
  void sharedCopyIsMadeOnceAndReleasedByTheLastHolder() {
    RetransmissionBuffer c1 = new RetransmissionBuffer(1);
    RetransmissionBuffer c2 = new RetransmissionBuffer(2);
    ByteBuf in = producerPacket(5);
    shared.reset(in, 0, in.readableBytes());
    ByteBuf copy = shared.get();
    c1.insert(10, 1, 96, shared.get(), 0);
    c2.insert(20, 1, 96, shared.get(), 0);
    assertEquals(1, shared.copies());
    assertEquals(3, copy.refCnt());
    shared.done();
    in.release();
    assertEquals(2, copy.refCnt());
    c1.close();
    assertEquals(1, copy.refCnt());
    c2.writeRetransmission(20, 0, 0, out);
    c2.close();
    assertEquals(0, copy.refCnt());
  }

  @Test
  void overwriteExpireClearAndCloseReleaseEveryBuffer() {
    RetransmissionBuffer rb = new RetransmissionBuffer(1, 4, 100);
    ByteBuf[] copies = new ByteBuf[8];
    for (int i = 0; i < 8; i++) {
      ByteBuf in = producerPacket(i);
      copies[i] = store(in);
      rb.insert(65532 + i, i, 96, copies[i], i * 10L); // wraps 65535 -> 0
      shared.done();
      in.release();
    }
    assertEquals(4, rb.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(0, copies[i].refCnt(), "overwritten " + i);
    }
    rb.expire(160); // stored at 40, 50, 60, 70: 40 and 50 are older than 100 ms
    assertEquals(2, rb.size());
    assertEquals(0, copies[4].refCnt());
    assertEquals(0, copies[5].refCnt());
    assertEquals(1, copies[6].refCnt());
    rb.close();
    assertEquals(0, rb.size());
    assertEquals(0, copies[6].refCnt());
    assertEquals(0, copies[7].refCnt());
    ByteBuf in = producerPacket(9);
    ByteBuf late = store(in);
    rb.insert(5, 5, 96, late, 0); // ignored after close
    shared.done();
    in.release();
    assertEquals(0, late.refCnt());
    assertEquals(-1, rb.writeRetransmission(5, 0, 0, out));
  }

  @Test
  void roundTripOfManyPacketsIsByteExact() {
    RetransmissionBuffer rb = new RetransmissionBuffer(0x22222222L);
    for (int i = 0; i < 600; i++) {
      ByteBuf in = producerPacket(i);
      rb.insert(i, i * 3000L, 96, store(in), i);
      shared.done();
      in.release();
    }
    assertEquals(512, rb.size());
    assertEquals(-1, rb.writeRetransmission(87, 600, 0, out));
    assertEquals(16, rb.writeRetransmission(88, 600, 0, out));
    byte[] expected = ByteBufUtil.decodeHexDump(
        "80600058" + String.format("%08x", 88 * 3000) + "22222222cafebabe");
    assertArrayEquals(expected, ByteBufUtil.getBytes(out));
    rb.close();
  }

  @Test
  void sharedPacketOutsideAFanOutIsNull() {
    SharedPacket sp = new SharedPacket(alloc);
    assertEquals(null, sp.get());
    ByteBuf in = producerPacket(1);
    sp.reset(in, 0, in.readableBytes());
    assertTrue(sp.get() != null);
    assertTrue(sp.isStored());
    sp.done();
    assertEquals(null, sp.get());
    in.release();
  }
}
