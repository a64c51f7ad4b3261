package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/** The per-loop send buffer is reused only when nobody kept a reference to it. */
class ReusableSendBufferTest {
  @Test
  void reusedOnceEveryReferenceHandedOutWasReleased() {
    ReusableSendBuffer s = new ReusableSendBuffer();
    ByteBuf a = s.acquire(100);
    assertEquals(2, a.refCnt(), "the holder's reference and the caller's");
    assertEquals(ReusableSendBuffer.CAPACITY, a.capacity());
    a.writeInt(42);
    a.release();
    ByteBuf b = s.acquire(100);
    assertSame(a, b);
    assertEquals(0, b.readableBytes(), "handed out cleared");
    b.release();
    assertEquals(0, s.replaced());
  }

  @Test
  void aBufferSomeoneKeptIsLeftToThemAndReplaced() {
    ReusableSendBuffer s = new ReusableSendBuffer();
    ByteBuf kept = s.acquire(100);
    kept.writeInt(7);
    ByteBuf next = s.acquire(100); // the first caller has not released: must not be overwritten
    assertNotSame(kept, next);
    assertEquals(1, kept.refCnt(), "only the keeper's reference is left");
    assertEquals(7, kept.getInt(0));
    assertEquals(1, s.replaced());
    kept.release();
    next.release();
    assertSame(next, s.acquire(100));
  }

  @Test
  void growsForALargerPacket() {
    ReusableSendBuffer s = new ReusableSendBuffer();
    s.acquire(100).release();
    ByteBuf big = s.acquire(ReusableSendBuffer.CAPACITY + 500);
    assertEquals(ReusableSendBuffer.CAPACITY + 500, big.capacity());
    big.release();
    assertEquals(1, s.replaced());
  }
}
