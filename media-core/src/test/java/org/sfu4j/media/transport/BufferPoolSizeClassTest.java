package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PoolSubpageMetric;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.engine.WorkerSettings;

/**
 * The pool the engine allocates packets from covers every datagram size it can meet plus
 * SRTP/RTX overhead with pooled size classes: Jitsi Videobridge once grew its heap without bound
 * because 1,242-byte packets missed a 1,240-byte bucket and were allocated outside the pool.
 */
class BufferPoolSizeClassTest {
  /** RTX adds the 2-byte original sequence number; the longest SRTP tag (GCM) is 16 bytes. */
  static final int RTX_OVERHEAD = 2;
  static final int SRTP_MAX_TAG = 16;
  /** The engine's per-consumer copy reserves 64 bytes for header rewriting (Consumer). */
  static final int LARGEST = RtcUdpSocket.MAX_DATAGRAM + 64 + RTX_OVERHEAD + SRTP_MAX_TAG;

  private static long huge(PooledByteBufAllocator a) {
    long n = 0;
    for (PoolArenaMetric m : a.metric().heapArenas()) {
      n += m.numHugeAllocations();
    }
    for (PoolArenaMetric m : a.metric().directArenas()) {
      n += m.numHugeAllocations();
    }
    return n;
  }

  @Test
  void everySizeUpToTheLargestDatagramPlusOverheadIsPooled() {
    assertTrue(RtcUdpSocket.MAX_DATAGRAM >= 1500, "reads at least an Ethernet MTU");
    PooledByteBufAllocator a = (PooledByteBufAllocator) new WorkerSettings().allocator();
    assertSame(PooledByteBufAllocator.DEFAULT, a);
    long before = huge(a);
    for (int size = 1; size <= LARGEST; size++) {
      ByteBuf h = a.heapBuffer(size, size);
      ByteBuf d = a.directBuffer(size, size);
      assertEquals(size, h.capacity());
      h.release();
      d.release();
    }
    assertEquals(before, huge(a), "no size up to " + LARGEST + " bypassed the pool");
    // The check can fail: a size beyond the chunk is a huge (unpooled) allocation.
    ByteBuf big = a.heapBuffer(a.metric().chunkSize() + 1);
    big.release();
    assertEquals(before + 1, huge(a));
  }

  @Test
  void a1242BytePacketLandsInATightPooledSizeClassAndIsReused() {
    // Same size classes as the default (page 8 KiB, chunk 4 MiB), without thread caches so every
    // allocation is visible in the arena's metrics.
    PooledByteBufAllocator a = new PooledByteBufAllocator(false, 1, 1, 8192, 9, 0, 0, false);
    PoolArenaMetric arena = a.metric().heapArenas().get(0);
    for (int size : new int[] {1240, 1242, 1500, 1500 + RTX_OVERHEAD + SRTP_MAX_TAG, LARGEST}) {
      ByteBuf b = a.heapBuffer(size, size);
      int element = -1;
      for (PoolSubpageMetric s : arena.smallSubpages()) {
        if (s.numAvailable() < s.maxNumElements() && s.elementSize() >= size) {
          element = element < 0 ? s.elementSize() : Math.min(element, s.elementSize());
        }
      }
      System.out.printf("[pool] %d bytes -> pooled size class %d (%.1f%% slack)%n",
          size, element, 100.0 * (element - size) / size);
      assertTrue(element >= size && element <= size * 1.25, size + " -> class " + element);
      b.release();
    }
    // 100,000 allocate/release cycles of 1,242 bytes use no more memory than one chunk.
    for (int i = 0; i < 100_000; i++) {
      a.heapBuffer(1242, 1242).release();
    }
    assertEquals(0, arena.numHugeAllocations());
    assertEquals(0, arena.numActiveAllocations());
    assertTrue(a.metric().usedHeapMemory() <= a.metric().chunkSize(), "used " + a.metric().usedHeapMemory());
  }
}
