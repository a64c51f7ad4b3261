package org.sfu4j.ice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StunMessageTest {

  private static final byte[] KEY = Rfc5769.PASSWORD.getBytes(UTF_8);
  private final StunMessage msg = new StunMessage();

  @Test
  void rfc5769SampleRequest() {
    ByteBuf buf = Unpooled.wrappedBuffer(Rfc5769.REQUEST);
    try {
      assertTrue(StunMessage.isStun(buf, 0, buf.readableBytes()));
      assertEquals(StunParseResult.OK, msg.parse(buf, 0, buf.readableBytes()));
      assertEquals(StunMessageClass.REQUEST, msg.messageClass());
      assertEquals(StunMessage.METHOD_BINDING, msg.method());
      assertEquals(0x0001, msg.messageType());
      byte[] tid = new byte[12];
      msg.transactionId(tid);
      assertArrayEquals(Rfc5769.TRANSACTION_ID, tid);
      assertTrue(msg.transactionIdEquals(Rfc5769.TRANSACTION_ID));
      assertEquals("evtj:h6vY", msg.username());
      assertEquals("evtj", msg.usernameFragmentLocal());
      assertEquals("h6vY", msg.usernameFragmentRemote());
      assertTrue(msg.usernameFragmentLocalEquals("evtj".getBytes(UTF_8)));
      assertFalse(msg.usernameFragmentLocalEquals("evt".getBytes(UTF_8)));
      assertFalse(msg.usernameFragmentLocalEquals("evtk".getBytes(UTF_8)));
      assertEquals(0x6e0001ffL, msg.priority());
      assertFalse(msg.hasIceControlling());
      assertTrue(msg.hasIceControlled());
      assertEquals(0x932ff9b151263b36L, msg.tieBreaker());
      assertFalse(msg.hasUseCandidate());
      assertFalse(msg.hasXorMappedAddress());
      assertFalse(msg.hasUnknownComprehensionRequired());
      assertTrue(msg.verifyMessageIntegrity(KEY));
      assertFalse(msg.verifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBu".getBytes(UTF_8)));
      assertTrue(msg.verifyMessageIntegrity(KEY), "re-keying back works");
      assertTrue(msg.verifyFingerprint());
    } finally {
      buf.release();
    }
  }

  @Test
  void rfc5769SampleIpv4Response() throws Exception {
    ByteBuf buf = Unpooled.wrappedBuffer(Rfc5769.IPV4_RESPONSE);
    try {
      assertEquals(StunParseResult.OK, msg.parse(buf, 0, buf.readableBytes()));
      assertEquals(StunMessageClass.SUCCESS_RESPONSE, msg.messageClass());
      assertEquals(StunMessage.METHOD_BINDING, msg.method());
      assertEquals(32853, msg.xorMappedPort());
      assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
          msg.xorMappedAddress());
      assertTrue(msg.verifyMessageIntegrity(KEY));
      assertTrue(msg.verifyFingerprint());
      assertNull(msg.username());
      assertEquals(-1, msg.priority());
    } finally {
      buf.release();
    }
  }

  @Test
  void rfc5769SampleIpv6Response() throws Exception {
    ByteBuf buf = Unpooled.wrappedBuffer(Rfc5769.IPV6_RESPONSE);
    try {
      assertEquals(StunParseResult.OK, msg.parse(buf, 0, buf.readableBytes()));
      assertEquals(StunMessageClass.SUCCESS_RESPONSE, msg.messageClass());
      assertEquals(new InetSocketAddress(
              InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
          msg.xorMappedAddress());
      assertTrue(msg.verifyMessageIntegrity(KEY));
      assertTrue(msg.verifyFingerprint());
    } finally {
      buf.release();
    }
  }

  /** The same vector in a direct buffer at an offset, and split across a composite. */
  @Test
  void directAndCompositeBuffersAtOffset() {
    ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(7 + Rfc5769.REQUEST.length + 5);
    CompositeByteBuf composite = Unpooled.compositeBuffer();
    try {
      direct.writeZero(7).writeBytes(Rfc5769.REQUEST).writeZero(5);
      assertEquals(StunParseResult.OK, msg.parse(direct, 7, Rfc5769.REQUEST.length));
      assertTrue(msg.verifyMessageIntegrity(KEY));
      assertTrue(msg.verifyFingerprint());
      assertEquals("evtj:h6vY", msg.username());

      composite.addComponent(true, Unpooled.wrappedBuffer(Rfc5769.REQUEST, 0, 33));
      composite.addComponent(true,
          Unpooled.wrappedBuffer(Rfc5769.REQUEST, 33, Rfc5769.REQUEST.length - 33));
      assertEquals(StunParseResult.OK, msg.parse(composite, 0, composite.readableBytes()));
      assertTrue(msg.verifyMessageIntegrity(KEY));
      assertTrue(msg.verifyFingerprint());
    } finally {
      direct.release();
      composite.release();
    }
  }

  /** Any single flipped bit is caught by the framing check, the HMAC or the CRC. */
  @Test
  void everySingleBitFlipIsDetected() {
    byte[] copy = Rfc5769.REQUEST.clone();
    ByteBuf buf = Unpooled.wrappedBuffer(copy);
    try {
      for (int i = 0; i < copy.length * 8; i++) {
        copy[i / 8] ^= (byte) (1 << (i % 8));
        StunParseResult r = msg.parse(buf, 0, copy.length);
        boolean accepted = r.isOk() && msg.verifyMessageIntegrity(KEY) && msg.verifyFingerprint();
        assertFalse(accepted, "bit " + i + " flipped went unnoticed");
        copy[i / 8] ^= (byte) (1 << (i % 8));
      }
      assertEquals(StunParseResult.OK, msg.parse(buf, 0, copy.length));
    } finally {
      buf.release();
    }
  }

  @Test
  void rejectionReasons() {
    assertEquals(StunParseResult.TOO_SHORT, parse("0001000021"));
    assertEquals(StunParseResult.INVALID_BOUNDS, msg.parse(Unpooled.EMPTY_BUFFER, 0, 1));
    assertEquals(StunParseResult.INVALID_BOUNDS, msg.parse(Unpooled.EMPTY_BUFFER, -1, 0));
    assertEquals(StunParseResult.INVALID_BOUNDS, msg.parse(null, 0, 0));
    // first byte 0x40: not STUN per RFC 7983
    assertEquals(StunParseResult.NOT_STUN, parse("400100002112a442b7e7a701bc34d686fa87dfae"));
    // bad cookie
    assertEquals(StunParseResult.NOT_STUN, parse("000100002112a443b7e7a701bc34d686fa87dfae"));
    // length not multiple of 4, length beyond datagram
    assertEquals(StunParseResult.BAD_LENGTH, parse("000100022112a442b7e7a701bc34d686fa87dfae0000"));
    assertEquals(StunParseResult.BAD_LENGTH, parse("000100082112a442b7e7a701bc34d686fa87dfae"));
    // attribute claims 8 bytes, only 4 present
    assertEquals(StunParseResult.TRUNCATED_ATTRIBUTE,
        parse("000100082112a442b7e7a701bc34d686fa87dfae0024000800000001"));
    // PRIORITY of 2 bytes
    assertEquals(StunParseResult.BAD_ATTRIBUTE,
        parse("000100082112a442b7e7a701bc34d686fa87dfae0024000200010000"));
    // USE-CANDIDATE with a value
    assertEquals(StunParseResult.BAD_ATTRIBUTE,
        parse("000100082112a442b7e7a701bc34d686fa87dfae0025000400000000"));
    // XOR-MAPPED-ADDRESS family 3
    assertEquals(StunParseResult.BAD_ATTRIBUTE,
        parse("0101000c2112a442b7e7a701bc34d686fa87dfae002000080003a147e112a643"));
    // attribute after FINGERPRINT
    assertEquals(StunParseResult.ATTRIBUTE_AFTER_FINGERPRINT,
        parse("000100082112a442b7e7a701bc34d686fa87dfae8028000400000000"
            .replace("00010008", "0001000c") + "00250000"));
    assertFalse(msg.isValid());
    assertNull(msg.messageClass());
    // empty binding request is fine
    assertEquals(StunParseResult.OK, parse("000100002112a442b7e7a701bc34d686fa87dfae"));
    assertFalse(msg.verifyMessageIntegrity(KEY));
    assertFalse(msg.verifyFingerprint());
  }

  @Test
  void firstOccurrenceWinsAndAttributesAfterIntegrityAreIgnored() {
    // PRIORITY 1, PRIORITY 2, MESSAGE-INTEGRITY (zeros), USE-CANDIDATE (ignored), FINGERPRINT
    String hex = "0001002c2112a442b7e7a701bc34d686fa87dfae"
        + "0024000400000001" + "0024000400000002"
        + "00080014" + "00".repeat(20)
        + "00250000";
    assertEquals(StunParseResult.OK, parse(hex));
    assertEquals(1, msg.priority());
    assertTrue(msg.hasMessageIntegrity());
    assertFalse(msg.hasUseCandidate());
  }

  @Test
  void unknownComprehensionRequiredIsFlaggedNotRejected() {
    assertEquals(StunParseResult.OK,
        parse("000100082112a442b7e7a701bc34d686fa87dfae" + "7f0100030a0b0c00"));
    assertTrue(msg.hasUnknownComprehensionRequired());
    assertEquals(StunParseResult.OK,
        parse("000100082112a442b7e7a701bc34d686fa87dfae" + "c05700040a0b0c0d"));
    assertFalse(msg.hasUnknownComprehensionRequired());
  }

  @Test
  void messageTypeEncodingRoundTrips() {
    for (StunMessageClass cls : StunMessageClass.values()) {
      for (int method = 0; method < 0x1000; method += 0x7) {
        int type = StunMessage.messageType(cls, method);
        assertEquals(0, type & 0xC000);
        assertEquals(method, StunMessage.methodOf(type));
        assertEquals(cls, StunMessageClass.ofBits(StunMessage.classBits(type)));
      }
    }
    assertEquals(0x0111, StunMessage.messageType(StunMessageClass.ERROR_RESPONSE, 1));
    assertEquals(0x0101, StunMessage.messageType(StunMessageClass.SUCCESS_RESPONSE, 1));
    assertEquals(0x0011, StunMessage.messageType(StunMessageClass.INDICATION, 1));
  }

  @Test
  void isStunFollowsRfc7983() {
    ByteBuf buf = Unpooled.wrappedBuffer(Rfc5769.REQUEST.clone());
    try {
      assertTrue(StunMessage.isStun(buf, 0, buf.readableBytes()));
      assertFalse(StunMessage.isStun(buf, 0, 19));
      assertFalse(StunMessage.isStun(buf, 1, buf.readableBytes()));
      for (int first : new int[] {4, 20, 63, 64, 127, 128, 191, 255}) {
        buf.setByte(0, first);
        assertFalse(StunMessage.isStun(buf, 0, buf.readableBytes()), "first byte " + first);
      }
      for (int first = 0; first <= 3; first++) {
        buf.setByte(0, first);
        assertTrue(StunMessage.isStun(buf, 0, buf.readableBytes()));
      }
    } finally {
      buf.release();
    }
  }

  /** Every prefix of every vector: never throws, never OK (the header length no longer fits). */
  @Test
  void everyTruncationIsRejectedCleanly() {
    for (byte[] vector : new byte[][] {Rfc5769.REQUEST, Rfc5769.IPV4_RESPONSE,
        Rfc5769.IPV6_RESPONSE}) {
      ByteBuf buf = Unpooled.wrappedBuffer(vector);
      try {
        for (int len = 0; len < vector.length; len++) {
          assertNotEquals(StunParseResult.OK, msg.parse(buf, 0, len), "len " + len);
          assertFalse(msg.isValid());
          // and with the header length patched to match the truncation
          if (len >= StunMessage.HEADER_SIZE) {
            byte[] cut = java.util.Arrays.copyOf(vector, len);
            int body = len - StunMessage.HEADER_SIZE;
            cut[2] = (byte) (body >>> 8);
            cut[3] = (byte) body;
            ByteBuf c = Unpooled.wrappedBuffer(cut);
            try {
              StunParseResult r = msg.parse(c, 0, len);
              if (r.isOk()) {
                exerciseAccessors(msg);
                assertFalse(msg.verifyMessageIntegrity(KEY) && msg.verifyFingerprint());
              }
            } finally {
              c.release();
            }
          }
        }
      } finally {
        buf.release();
      }
    }
  }

  /** 200,000 seeded random datagrams, half with a valid-looking header to reach attributes. */
  @Test
  void randomBuffersNeverThrow() {
    Random random = new Random(0x5EED5_7A7L);
    byte[] data = new byte[600];
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    int ok = 0;
    try {
      for (int i = 0; i < 200_000; i++) {
        int len = random.nextInt(data.length + 1);
        random.nextBytes(data);
        if ((i & 1) == 0 && len >= StunMessage.HEADER_SIZE) {
          len = StunMessage.HEADER_SIZE + ((len - StunMessage.HEADER_SIZE) & ~3);
          int body = len - StunMessage.HEADER_SIZE;
          data[0] = (byte) (random.nextInt(4));
          data[2] = (byte) (body >>> 8);
          data[3] = (byte) body;
          buf.setInt(4, StunMessage.MAGIC_COOKIE);
          // plant a chain of plausible attribute headers, mostly with plausible lengths
          int[] types = {0x0006, 0x0008, 0x0009, 0x0020, 0x0024, 0x0025, 0x8028, 0x8029,
              0x802A, 0xC001, 0x8022, 0x7F00};
          int[] lengths = {0, 4, 8, 20, 9, 13};
          int p = StunMessage.HEADER_SIZE;
          while (p + 4 <= len) {
            int alen = random.nextInt(8) == 0
                ? random.nextInt(40) : lengths[random.nextInt(lengths.length)];
            alen = Math.min(alen, len - p - 4);
            buf.setShort(p, types[random.nextInt(types.length)]);
            buf.setShort(p + 2, alen);
            p += 4 + ((alen + 3) & ~3);
          }
        }
        StunParseResult r = msg.parse(buf, 0, len);
        if (r.isOk()) {
          ok++;
          exerciseAccessors(msg);
        } else {
          assertFalse(msg.isValid());
        }
        assertEquals(r.isOk(), StunMessage.isStun(buf, 0, len) && r.isOk());
      }
    } finally {
      buf.release();
    }
    assertTrue(ok > 2000, "random input reached attribute parsing " + ok + " times");
  }

  static void exerciseAccessors(StunMessage m) {
    m.messageClass();
    m.method();
    m.transactionIdEquals(new byte[12]);
    m.username();
    m.usernameFragmentLocal();
    m.usernameFragmentRemote();
    m.usernameFragmentLocalEquals(new byte[4]);
    m.priority();
    m.tieBreaker();
    m.nomination();
    m.xorMappedPort();
    m.xorMappedAddress();
    m.errorCode();
    m.errorReason();
    m.verifyMessageIntegrity(KEY);
    m.verifyFingerprint();
    m.toString();
  }

  /** Parses a heap buffer that stays alive (unpooled heap, left to GC) so accessors work after. */
  private StunParseResult parse(String hex) {
    byte[] bytes = Rfc5769.hex(hex);
    return msg.parse(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
  }
}
