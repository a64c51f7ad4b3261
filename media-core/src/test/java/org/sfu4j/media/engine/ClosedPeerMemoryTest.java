package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A closed peer leaves nothing behind: after its transports close, no pooled buffer is still
 * allocated (retransmission history, shared packets) and the router/worker hold no reference to
 * its transports, producers or consumers (stats, NACK or TWCC history), while they keep running.
 */
class ClosedPeerMemoryTest {

  private static long active(PooledByteBufAllocator a) {
    long n = 0;
    for (PoolArenaMetric m : a.metric().heapArenas()) {
      n += m.numActiveAllocations();
    }
    for (PoolArenaMetric m : a.metric().directArenas()) {
      n += m.numActiveAllocations();
    }
    return n;
  }

  @Test
  @SuppressWarnings("unchecked")
  void closedPeersHoldNoBuffersAndAreCollectable() throws Exception {
    // No thread caches, so every live buffer shows in the arena counts.
    PooledByteBufAllocator alloc = new PooledByteBufAllocator(false, 1, 1, 8192, 9, 0, 0, false);
    try (EngineHarness h = new EngineHarness(new WorkerSettings().allocator(alloc))) {
      long base = active(alloc);
      AtomicInteger forwarded = new AtomicInteger();
      WeakReference<Object>[] refs = new WeakReference[4];
      int rounds = 3;
      for (int round = 0; round < rounds; round++) {
        DirectTransport send = h.router.createDirectTransport(null).join();
        DirectTransport recv = h.router.createDirectTransport(null).join();
        recv.setRtpListener((c, buf) -> forwarded.incrementAndGet());
        long ssrc = 0x1000 + round;
        ProducerOptions po = EngineHarness.vp8Simple(ssrc);
        int pt = po.rtpParameters.codecs.get(0).payloadType;
        Producer p = send.produce(po).join();
        Consumer c = recv.consume(new ConsumerOptions(p.id(), EngineHarness.deviceCaps())).join();
        for (int i = 0; i < 2_000; i++) {
          byte[] payload = new byte[1_100];
          System.arraycopy(EngineHarness.vp8Payload(i == 0), 0, payload, 0, 6);
          ByteBuf pkt = EngineHarness.rtp(pt, i, 90L * i, ssrc, null, payload);
          try {
            send.injectRtp(pkt);
          } finally {
            pkt.release();
          }
        }
        p.getStats().join();
        c.getStats().join();
        h.sync();
        if (round == 0) {
          System.out.printf("[memory] while streaming: %d pooled buffers live%n", active(alloc) - base);
        }
        send.close().join();
        recv.close().join();
        h.sync();
        refs[0] = new WeakReference<>(send);
        refs[1] = new WeakReference<>(recv);
        refs[2] = new WeakReference<>(p);
        refs[3] = new WeakReference<>(c);
      }
      assertTrue(forwarded.get() >= rounds * 1_900, "forwarded " + forwarded.get());
      assertEquals(base, active(alloc), "pooled buffers still held after close");
      for (int i = 0; i < 20 && refs[0].get() != null | refs[1].get() != null | refs[2].get() != null | refs[3].get() != null; i++) {
        System.gc();
        Thread.sleep(20);
      }
      String[] names = {"send transport", "recv transport", "producer", "consumer"};
      for (int i = 0; i < refs.length; i++) {
        assertNull(refs[i].get(), names[i] + " still reachable after close");
      }
      Map<String, Object> d = h.router.dump().join();
      assertEquals(List.of(h.send.id(), h.recv.id()), d.get("transportIds"));
      assertEquals(List.of(), d.get("producerIds"));
      assertEquals(List.of(), d.get("consumerIds"));
      System.out.printf("[memory] after %d closed peers: %d pooled buffers live, objects collected%n",
          rounds, active(alloc) - base);
    }
  }
}
