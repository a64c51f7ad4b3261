package org.sfu4j.media.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.TransportCcFeedback;

class TransportCcFeedbackGeneratorTest {
  private final List<String> hex = new ArrayList<>();
  private final TransportCcFeedbackGenerator gen = new TransportCcFeedbackGenerator(b -> {
    ByteBuf out = Unpooled.buffer(b.sizeInBytes());
    b.writeTo(out);
    hex.add(ByteBufUtil.hexDump(out));
    out.release();
  }, 100);

  private List<String> drain() {
    List<String> c = new ArrayList<>(hex);
    hex.clear();
    return c;
  }

  /** Parses feedback hex back to "seq:arrivalUs" or "seq:lost" strings (reference-relative). */
  static List<String> decode(String h) {
    ByteBuf b = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(h));
    TransportCcFeedback fb = new TransportCcFeedback();
    assertEquals(RtcpDropReason.OK, fb.wrap(b, 0, b.readableBytes()));
    List<String> r = new ArrayList<>();
    long t = (long) fb.referenceTime() * TransportCcFeedback.REFERENCE_TICK_MICROS;
    for (int i = 0; i < fb.packetStatusCount(); i++) {
      if (fb.isReceived(i)) {
        t += fb.deltaTicks(i) * 250L;
        r.add(fb.sequenceNumber(i) + ":" + t);
      } else {
        r.add(fb.sequenceNumber(i) + ":lost");
      }
    }
    b.release();
    return r;
  }

  @Test
  void exactFeedbackBytes() {
    gen.setSsrcs(0x11111111L, 0x22222222L);
    gen.onPacket(10, 64_000); // reference time 1 (64 ms), delta 0
    gen.onPacket(11, 65_000); // +4 ticks
    gen.onPacket(13, 66_000); // 12 lost, +4 ticks
    gen.onTick(0);
    // header: V=2 P=1 FMT=15, PT 205, len 6 words; base 10, count 4, ref 1, fb count 0;
    // one 1-bit status vector chunk: 1,1,0,1 -> 0x8000 | 1<<13 | 1<<12 | 1<<10 = 0xB400;
    // deltas 00 04 04; padding 3 bytes (last = 3).
    assertEquals(List.of("af cd 0006 11111111 22222222 000a 0004 000001 00 b400 000404 000003"
        .replace(" ", "")), drain());
  }

  @Test
  void intervalReorderingAndFeedbackCount() {
    gen.onPacket(0, 1_000_000);
    gen.onTick(0);
    assertEquals(List.of("0:1000000"), decode(drain().get(0)));
    gen.onPacket(2, 1_010_000);
    gen.onPacket(1, 1_012_000); // reordered: negative delta is fine
    gen.onTick(50); // interval not elapsed
    assertEquals(List.of(), drain());
    gen.onTick(100);
    String h = drain().get(0);
    assertEquals(List.of("1:1012000", "2:1010000"), decode(h));
    assertEquals("01", h.substring(38, 40)); // feedback packet count
    gen.onPacket(0, 2_000_000); // already reported: ignored
    assertEquals(1, gen.lateCount());
  }

  @Test
  void sequenceWrapAndTrailingLossWaitsForTheNextFeedback() {
    gen.onPacket(65534, 500_000);
    gen.onPacket(0, 501_000);
    gen.onTick(0);
    assertEquals(List.of("65534:500000", "65535:lost", "0:501000"), decode(drain().get(0)));
    gen.onPacket(1, 502_000);
    gen.onPacket(65535, 503_000); // late: its window was already reported
    gen.onTick(100);
    assertEquals(List.of("1:502000"), decode(drain().get(0)));
  }

  @Test
  void largeGapStartsANewWindowInsteadOfThousandsOfLosses() {
    gen.onPacket(0, 0);
    gen.onPacket(20_000, 1_000); // > ring capacity ahead
    assertEquals(List.of("0:0"), decode(drain().get(0)));
    gen.onTick(0);
    assertEquals(List.of("20000:1000"), decode(drain().get(0)));
  }

  @Test
  void deltaThatDoesNotFit16BitsSplitsTheFeedback() {
    gen.onPacket(5, 0);
    gen.onPacket(6, 9_000_000); // 9 s later: 36000 ticks > 32767
    gen.onTick(0);
    List<String> out = drain();
    assertEquals(2, out.size());
    assertEquals(List.of("5:0"), decode(out.get(0)));
    assertEquals(List.of("6:9000000"), decode(out.get(1)));
  }

  @Test
  void longWindowsAreCutAtMaxStatusesAndRoundTripExactly() {
    java.util.Random rnd = new java.util.Random(3);
    List<String> expected = new ArrayList<>();
    long t = 3_000_000;
    for (int s = 0; s < 1200; s++) {
      t += 250 * rnd.nextInt(40);
      if (s == 0 || s == 1199 || rnd.nextInt(10) != 0) {
        gen.onPacket(s, t);
        expected.add(s + ":" + t);
      } else {
        expected.add(s + ":lost");
      }
    }
    gen.onTick(0);
    List<String> all = new ArrayList<>();
    List<String> out = drain();
    assertEquals(3, out.size());
    for (String h : out) {
      all.addAll(decode(h));
      assertTrue(h.length() / 2 <= 1200, "feedback too large: " + h.length() / 2);
    }
    assertEquals(expected, all);
  }
}
