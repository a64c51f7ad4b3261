package org.sfu4j.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtcp.TransportCcFeedback;
import org.sfu4j.media.testpeer.WebRtcTestPeer;

/**
 * The consuming side of the real-UDP quality tests, on one thread: tracks the consumer's media
 * sequence numbers (originals and RTX repairs), NACKs gaps every 20 ms (up to 1 s), and answers
 * with transport-cc feedback every 50 ms (arrival times taken when the packet is dequeued from
 * the peer's receive queue) built with the packet layer's {@link TransportCcFeedback.Builder}.
 */
final class MediaReceiver extends PeerLoop {
  static final long SENDER_SSRC = 0x0BADCAFEL;

  private final long ssrc;
  private final long rtxSsrc;
  private final int twccId;
  private final boolean sendFeedback;
  private final BitSet received = new BitSet();
  private long highest = -1; // unwrapped
  private long first = -1;
  /** Missing unwrapped seq -> [first noticed nanos, last nack nanos]. */
  private final TreeMap<Long, long[]> missing = new TreeMap<>();
  private final TreeMap<Long, Long> twccArrivals = new TreeMap<>(); // unwrapped tw seq -> µs
  private long twHighest = -1;
  private long nextFeedbackBase = -1;
  private int feedbackCount;
  private final TransportCcFeedback.Builder fb = new TransportCcFeedback.Builder();
  private final GenericNack.Builder nackBuilder = new GenericNack.Builder();
  private final long t0 = System.nanoTime();
  final AtomicLong mediaPackets = new AtomicLong();
  final AtomicLong rtxRepairs = new AtomicLong();
  final AtomicLong paddingPackets = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong nacksSent = new AtomicLong();

  MediaReceiver(WebRtcTestPeer peer, long ssrc, long rtxSsrc, int twccId, boolean sendFeedback) {
    super(peer, "media-receiver");
    this.ssrc = ssrc;
    this.rtxSsrc = rtxSsrc;
    this.twccId = twccId;
    this.sendFeedback = sendFeedback;
  }

  MediaReceiver start() {
    startThread();
    return this;
  }

  @Override
  void loop() throws Exception {
    long lastFeedback = System.nanoTime();
    long lastNack = lastFeedback;
    while (running()) {
      byte[] p = peer.receivedRtp().poll(2, TimeUnit.MILLISECONDS);
      long now = System.nanoTime();
      if (p != null) {
        onPacket(p, now);
      }
      if (now - lastNack >= 20_000_000L) {
        lastNack = now;
        sendNacks(now);
      }
      if (sendFeedback && now - lastFeedback >= 50_000_000L) {
        lastFeedback = now;
        sendFeedback();
      }
      refreshConsent(now);
    }
  }

  private void onPacket(byte[] p, long now) {
    bytes.addAndGet(p.length);
    ByteBuffer b = ByteBuffer.wrap(p);
    int cc = p[0] & 0x0F;
    int header = 12 + 4 * cc;
    int tw = -1;
    if ((p[0] & 0x10) != 0 && p.length >= header + 4) {
      int words = b.getShort(header + 2) & 0xFFFF;
      int end = header + 4 + 4 * words;
      if ((b.getShort(header) & 0xFFFF) == 0xBEDE) {
        for (int i = header + 4; i < end && i < p.length; ) {
          int h = p[i] & 0xFF;
          if (h == 0) {
            i++;
            continue;
          }
          int id = h >> 4;
          int len = (h & 0x0F) + 1;
          if (id == twccId && len == 2) {
            tw = b.getShort(i + 1) & 0xFFFF;
          }
          i += 1 + len;
        }
      }
      header = end;
    }
    int padding = (p[0] & 0x20) != 0 ? p[p.length - 1] & 0xFF : 0;
    int payload = p.length - header - padding;
    if (tw >= 0) {
      long u = unwrap(tw, twHighest);
      twHighest = Math.max(twHighest, u);
      twccArrivals.put(u, (now - t0) / 1000);
    }
    long s = b.getInt(8) & 0xFFFFFFFFL;
    int seq;
    if (s == ssrc) {
      seq = b.getShort(2) & 0xFFFF;
      mediaPackets.incrementAndGet();
    } else if (s == rtxSsrc) {
      if (payload < 2) {
        paddingPackets.incrementAndGet();
        return;
      }
      seq = b.getShort(header) & 0xFFFF;
      rtxRepairs.incrementAndGet();
    } else {
      return;
    }
    long u = unwrap(seq, highest);
    if (first < 0) {
      first = u;
      highest = u;
    }
    if (u < first) {
      return;
    }
    received.set((int) (u - first));
    missing.remove(u);
    if (u > highest) {
      for (long m = highest + 1; m < u; m++) {
        if (!received.get((int) (m - first))) {
          missing.put(m, new long[] {now, 0});
        }
      }
      highest = u;
    }
  }

  private static long unwrap(int seq, long highest) {
    if (highest < 0) {
      return seq + (1L << 16);
    }
    long base = highest & ~0xFFFFL;
    long c = base | seq;
    if (c - highest > 0x8000) {
      c -= 0x10000;
    } else if (highest - c > 0x8000) {
      c += 0x10000;
    }
    return c;
  }

  private void sendNacks(long now) throws Exception {
    if (missing.isEmpty()) {
      return;
    }
    nackBuilder.clear().ssrcs(SENDER_SSRC, ssrc);
    int n = 0;
    List<Long> giveUp = new ArrayList<>();
    for (var e : missing.entrySet()) {
      long[] st = e.getValue();
      if (now - st[0] > 1_000_000_000L) {
        giveUp.add(e.getKey());
        continue;
      }
      if (st[1] == 0 || now - st[1] >= 30_000_000L) {
        st[1] = now;
        nackBuilder.addSequenceNumber((int) (e.getKey() & 0xFFFF));
        if (++n >= 100) {
          break;
        }
      }
    }
    for (Long g : giveUp) {
      missing.remove(g); // stays unreceived: counted as unrecovered
    }
    if (n == 0) {
      return;
    }
    ByteBuf out = Unpooled.buffer(nackBuilder.sizeInBytes());
    try {
      nackBuilder.writeTo(out);
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      peer.sendRtcp(bytes);
      nacksSent.incrementAndGet();
    } finally {
      out.release();
    }
  }

  private void sendFeedback() throws Exception {
    if (twccArrivals.isEmpty()) {
      return;
    }
    long base = nextFeedbackBase < 0 ? twccArrivals.firstKey() : nextFeedbackBase;
    twccArrivals.headMap(base).clear(); // late after being reported lost: not reported again
    if (twccArrivals.isEmpty()) {
      return;
    }
    long last = twccArrivals.lastKey();
    long firstArrivalUs = twccArrivals.firstEntry().getValue();
    long refTicks = firstArrivalUs / TransportCcFeedback.REFERENCE_TICK_MICROS;
    fb.reset(SENDER_SSRC, ssrc, (int) (base & 0xFFFF), (int) refTicks, feedbackCount++);
    long prevUs = refTicks * TransportCcFeedback.REFERENCE_TICK_MICROS;
    for (long s = base; s <= last; s++) {
      Long at = twccArrivals.get(s);
      if (at == null) {
        fb.addNotReceived();
      } else {
        long delta = Math.round((at - prevUs) / (double) TransportCcFeedback.DELTA_TICK_MICROS);
        if (!fb.addReceived((int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, delta)))) {
          break;
        }
        prevUs += delta * TransportCcFeedback.DELTA_TICK_MICROS;
      }
    }
    twccArrivals.headMap(last + 1).clear();
    nextFeedbackBase = last + 1;
    ByteBuf out = Unpooled.buffer(fb.sizeInBytes());
    try {
      fb.writeTo(out);
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      peer.sendRtcp(bytes);
    } finally {
      out.release();
    }
  }

  /** Media sequence numbers between the first and the highest one never received (yet). */
  synchronized long[] lossFigures() {
    if (first < 0) {
      return new long[] {0, 0};
    }
    long span = highest - first + 1;
    long got = received.cardinality();
    return new long[] {span, span - got};
  }
}
