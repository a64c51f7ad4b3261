package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtcp.RtcpCompoundCursor;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;

/**
 * End-to-end loss repair through the engine with DirectTransports and a hand-stepped clock:
 * a VP8 sender (with RTX) → 10 % seeded loss, 20 ms → SFU → 10 % seeded loss, 20 ms → a receiver
 * that NACKs what it misses. Both hops lose originals, retransmissions and RTCP alike. The SFU
 * NACKs upstream (NackGenerator), repairs from the sender's RTX, and answers the receiver's NACKs
 * from the consumer's RetransmissionBuffer with RTX on the consumer's RTX SSRC.
 */
class NackRtxScenarioTest {
  static final long SSRC = 0x1111_0000L;
  static final long RTX_SSRC = 0x1111_0001L;
  static final int PT = 96;
  static final int RTX_PT = 97;
  static final int PACKETS = 10_000;
  static final long ONE_WAY_MS = 20;

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final PriorityQueue<long[]> schedule = new PriorityQueue<>(
      (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
  private final Map<Long, Runnable> tasks = new HashMap<>();
  private long taskIds;

  private void at(long timeMs, Runnable r) {
    long id = taskIds++;
    tasks.put(id, r);
    schedule.add(new long[] {timeMs, id});
  }

  @Test
  void tenPercentLossBothHopsIsRepairedByNackAndRtx() {
    Worker worker = Worker.create(new WorkerSettings().nowMs(clock::get));
    try {
      Router router = worker.createRouter(new RouterOptions(EngineHarness.defaultCodecs())).join();
      DirectTransport send = router.createDirectTransport(null).join();
      DirectTransport recv = router.createDirectTransport(null).join();
      ProducerOptions po = EngineHarness.vp8Simple(SSRC);
      po.rtpParameters.encodings.get(0).rtx = new RtpEncodingParameters.Rtx(RTX_SSRC);
      Producer producer = send.produce(po).join();
      ConsumerOptions co = new ConsumerOptions(producer.id(), EngineHarness.deviceCaps());
      co.enableRtx = true;
      Consumer consumer = recv.consume(co).join();
      assertTrue(consumer.rtxSsrc() >= 0, "consumer has RTX");
      Runnable[] simulate = new Runnable[1];
      int[][] result = new int[1][];
      prepare(router, send, recv, consumer, simulate, result); // sets listeners (posted)
      worker.call(() -> null).join(); // listeners are in place
      worker.call(() -> {
        simulate[0].run();
        return null;
      }).join();
      int[] figures = result[0];
      if (figures == null) {
        throw new AssertionError("no result; send " + send.getStats().join() + " recv "
            + recv.getStats().join() + " consumer " + consumer.getStats().join());
      }
      Map<String, Object> stats = consumer.getStats().join().get(0);
      int expected = figures[0];
      int unrecovered = figures[1];
      System.out.printf("NACK/RTX scenario (10%% loss each hop, 20 ms each way, %d packets): "
          + "upstream lost %d originals, SFU sent %d NACKs upstream, repaired %d via RTX; "
          + "downstream lost %d, receiver NACKed %d seqs, SFU retransmitted %s; "
          + "unrecovered at receiver %d of %d = %.3f%%, PLIs upstream %d%n",
          PACKETS, figures[2], figures[3], producer.rtxRecoveredCount(), figures[4], figures[5],
          stats.get("retransmittedPacketCount"), unrecovered, expected,
          100.0 * unrecovered / expected, figures[6]);
      assertTrue(figures[2] > PACKETS * 0.08, "upstream loss happened");
      assertTrue(figures[4] > PACKETS * 0.08, "downstream loss happened");
      assertTrue(100.0 * unrecovered / expected < 0.5, "unrecovered " + unrecovered);
      assertEquals(0, figures[7], "payload mismatches");
    } finally {
      worker.close().join();
    }
  }

  /**
   * Installs the endpoints' listeners and returns (in {@code simulate}) the simulation to run on
   * the worker loop; it stores the figures printed above in {@code result[0]}.
   */
  private void prepare(Router router, DirectTransport send, DirectTransport recv,
      Consumer consumer, Runnable[] simulate, int[][] result) {
    Random upLoss = new Random(42);
    Random downLoss = new Random(4242);
    Map<Integer, byte[]> sentPayloads = new HashMap<>();
    int[] rtxSeq = {0};
    int[] counts = new int[8];
    long consumerSsrc = consumer.ssrc();
    long consumerRtxSsrc = consumer.rtxSsrc();
    // Receiver state: output seq -> payload, first seq, NACK schedule.
    TreeMap<Integer, byte[]> got = new TreeMap<>();
    long[] highest = {-1};
    TreeMap<Long, long[]> missing = new TreeMap<>(); // ext seq -> {firstMissingMs, lastNackMs}
    org.sfu4j.media.rtp.SeqExtender ext = new org.sfu4j.media.rtp.SeqExtender();
    RtpPacket view = new RtpPacket();

    // The engine's RTCP towards the sender: NACKs are answered with RTX after one hop.
    send.setRtcpListener(buf -> {
      byte[] bytes = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), bytes);
      if (upLoss.nextInt(10) == 0) {
        return; // the RTCP itself is lost
      }
      at(clock.get() + ONE_WAY_MS, () -> {
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        RtcpCompoundCursor c = new RtcpCompoundCursor();
        c.reset(b, 0, b.readableBytes());
        while (c.next()) {
          if (c.packetType() == RtcpPacketType.PSFB) {
            counts[6]++;
          }
          GenericNack nack = new GenericNack();
          if (c.packetType() == RtcpPacketType.RTPFB
              && nack.wrap(b, c.offset(), c.length()) == RtcpDropReason.OK) {
            int[] seqs = new int[nack.lostCount()];
            nack.lostSequenceNumbers(seqs);
            counts[3] += seqs.length;
            for (int s : seqs) {
              byte[] payload = sentPayloads.get(s);
              if (payload == null) {
                continue;
              }
              byte[] rtxPayload = new byte[payload.length + 2];
              rtxPayload[0] = (byte) (s >> 8);
              rtxPayload[1] = (byte) s;
              System.arraycopy(payload, 0, rtxPayload, 2, payload.length);
              ByteBuf rtx = EngineHarness.rtp(RTX_PT, rtxSeq[0]++ & 0xFFFF, 0, RTX_SSRC, null,
                  rtxPayload);
              upstream(send, rtx, upLoss);
            }
          }
        }
      });
    });
    // What the consumer emits towards the receiver (after 10 % loss and one hop).
    recv.setRtpListener((c, buf) -> {
      byte[] bytes = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), bytes);
      if (downLoss.nextInt(10) == 0) {
        counts[4]++;
        return;
      }
      at(clock.get() + ONE_WAY_MS, () -> {
        if (view.wrap(Unpooled.wrappedBuffer(bytes)) != RtpDropReason.OK) {
          throw new AssertionError("invalid RTP from consumer");
        }
        int seq;
        byte[] payload;
        if (view.ssrc() == consumerRtxSsrc) {
          seq = view.buffer().getUnsignedShort(view.payloadOffset());
          payload = new byte[view.payloadLength() - 2];
          view.buffer().getBytes(view.payloadOffset() + 2, payload);
        } else {
          assertEquals(consumerSsrc, view.ssrc());
          seq = view.sequenceNumber();
          payload = new byte[view.payloadLength()];
          view.buffer().getBytes(view.payloadOffset(), payload);
        }
        long e = ext.extend(seq);
        got.put((int) e, payload);
        missing.remove(e);
        if (highest[0] >= 0) {
          for (long m = highest[0] + 1; m < e; m++) {
            missing.put(m, new long[] {clock.get(), Long.MIN_VALUE});
          }
        }
        highest[0] = Math.max(highest[0], e);
      });
    });

    simulate[0] = () -> {
      long start = clock.get();
      for (int i = 0; i < PACKETS; i++) {
        int seq = (60_000 + i) & 0xFFFF; // wraps during the run
        byte[] payload = payloadFor(i % 100 == 0, i); // a key frame every 100 packets
        sentPayloads.put(seq, payload);
        at(start + 5L * i, () -> upstream(send,
            EngineHarness.rtp(PT, seq, 3000L * (seq / 6), SSRC, null, payload), upLoss, counts));
      }
      long end = start + 5L * PACKETS + 3000;
      for (long t = start; t <= end; t += Router.TICK_MS) {
        long tick = t;
        at(t, () -> {
          router.tick(tick);
          receiverNack(recv, consumerSsrc, missing, downLoss, counts);
        });
      }
      while (!schedule.isEmpty()) {
        long[] next = schedule.poll();
        clock.set(Math.max(clock.get(), next[0]));
        tasks.remove(next[1]).run();
      }
      // Verify: every output seq between the first and the highest, payload intact.
      if (got.isEmpty()) {
        return;
      }
      int first = got.firstKey();
      int last = (int) highest[0];
      int expected = last - first + 1;
      int unrecovered = 0;
      int mismatches = 0;
      Set<String> seen = new HashSet<>();
      for (int s = first; s <= last; s++) {
        byte[] p = got.get(s);
        if (p == null) {
          unrecovered++;
        } else if (!seen.add(new String(p, java.nio.charset.StandardCharsets.ISO_8859_1))) {
          mismatches++; // the same original delivered under two output seqs
        }
      }
      // Payload check against the sender: output seq = input seq - offset, constant here.
      int offset = -1;
      for (Map.Entry<Integer, byte[]> e : got.entrySet()) {
        int index = indexOf(e.getValue());
        int inSeq = (60_000 + index) & 0xFFFF;
        int o = (inSeq - (e.getKey() & 0xFFFF)) & 0xFFFF;
        if (offset < 0) {
          offset = o;
        } else if (o != offset) {
          mismatches++;
        }
        assertArrayEquals(sentPayloads.get(inSeq), e.getValue());
      }
      result[0] = new int[] {expected, unrecovered, counts[2], counts[3], counts[4], counts[5], counts[6],
          mismatches};
    };
  }

  private void upstream(DirectTransport send, ByteBuf packet, Random loss, int[] counts) {
    if (loss.nextInt(10) == 0) {
      counts[2]++;
      packet.release();
      return;
    }
    at(clock.get() + ONE_WAY_MS, () -> {
      try {
        send.injectRtp(packet);
      } finally {
        packet.release();
      }
    });
  }

  private void upstream(DirectTransport send, ByteBuf packet, Random loss) {
    upstream(send, packet, loss, new int[8]);
  }

  /** Receiver NACK policy: every missing seq younger than 1 s, again every 60 ms. */
  private void receiverNack(DirectTransport recv, long mediaSsrc, TreeMap<Long, long[]> missing,
      Random loss, int[] counts) {
    long now = clock.get();
    GenericNack.Builder b = new GenericNack.Builder().ssrcs(0x9999, mediaSsrc);
    List<Long> expired = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : missing.entrySet()) {
      long[] st = e.getValue();
      if (now - st[0] > 1000) {
        expired.add(e.getKey());
        continue;
      }
      if (st[1] == Long.MIN_VALUE || now - st[1] >= 60) {
        st[1] = now;
        b.addSequenceNumber((int) (e.getKey() & 0xFFFF));
        counts[5]++;
      }
    }
    expired.forEach(missing::remove);
    if (b.entryCount() == 0 || loss.nextInt(10) == 0) {
      return;
    }
    ByteBuf out = Unpooled.buffer(b.sizeInBytes());
    b.writeTo(out);
    at(now + ONE_WAY_MS, () -> {
      try {
        recv.injectRtcp(out);
      } finally {
        out.release();
      }
    });
  }

  /** VP8 payload descriptor + frame header, then the packet index (4 bytes) to check integrity. */
  static byte[] payloadFor(boolean keyFrame, int index) {
    byte[] vp8 = EngineHarness.vp8Payload(keyFrame);
    byte[] p = new byte[vp8.length + 4];
    System.arraycopy(vp8, 0, p, 0, vp8.length);
    p[vp8.length] = (byte) (index >> 24);
    p[vp8.length + 1] = (byte) (index >> 16);
    p[vp8.length + 2] = (byte) (index >> 8);
    p[vp8.length + 3] = (byte) index;
    return p;
  }

  static int indexOf(byte[] payload) {
    int n = payload.length;
    return ((payload[n - 4] & 0xFF) << 24) | ((payload[n - 3] & 0xFF) << 16)
        | ((payload[n - 2] & 0xFF) << 8) | (payload[n - 1] & 0xFF);
  }
}
