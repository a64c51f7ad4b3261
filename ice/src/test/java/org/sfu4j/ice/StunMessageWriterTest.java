package org.sfu4j.ice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class StunMessageWriterTest {

  private static final byte[] KEY = Rfc5769.PASSWORD.getBytes(UTF_8);
  private final StunMessageWriter writer = new StunMessageWriter();
  private final StunMessage msg = new StunMessage();

  /**
   * Rebuilds the RFC 5769 vectors byte for byte. The RFC pads SOFTWARE/USERNAME with spaces (we
   * pad with zeros), so the test overwrites the padding before integrity and fingerprint are
   * computed — which also proves both are computed over the buffer as it is at that moment.
   */
  @Test
  void reproducesRfc5769SampleRequest() {
    ByteBuf dst = Unpooled.buffer();
    try {
      writer.begin(dst, StunMessageClass.REQUEST, StunMessage.METHOD_BINDING,
              Rfc5769.TRANSACTION_ID)
          .software("STUN test client")
          .priority(0x6e0001ffL)
          .iceControlled(0x932ff9b151263b36L)
          .username(Rfc5769.USERNAME);
      spacePad(dst, 3);
      int size = writer.messageIntegrity(KEY).fingerprint().finish();
      assertEquals(Rfc5769.REQUEST.length, size);
      assertEquals(ByteBufUtil.hexDump(Rfc5769.REQUEST), ByteBufUtil.hexDump(dst));
    } finally {
      dst.release();
    }
  }

  @Test
  void reproducesRfc5769Ipv4AndIpv6Responses() throws Exception {
    ByteBuf request = Unpooled.wrappedBuffer(Rfc5769.REQUEST);
    assertEquals(StunParseResult.OK, msg.parse(request, 0, request.readableBytes()));
    InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
    InetSocketAddress v6 = new InetSocketAddress(
        InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
    ByteBuf dst = ByteBufAllocator.DEFAULT.directBuffer(128);
    try {
      for (Object[] c : new Object[][] {{v4, Rfc5769.IPV4_RESPONSE}, {v6, Rfc5769.IPV6_RESPONSE}}) {
        dst.clear().writeZero(3); // non-zero start offset
        writer.beginResponse(dst, StunMessageClass.SUCCESS_RESPONSE, msg).software("test vector");
        spacePad(dst, 1);
        int size = writer.xorMappedAddress((InetSocketAddress) c[0])
            .messageIntegrity(KEY).fingerprint().finish();
        byte[] expected = (byte[]) c[1];
        assertEquals(expected.length, size);
        assertEquals(ByteBufUtil.hexDump(expected), ByteBufUtil.hexDump(dst, 3, size));
      }
    } finally {
      dst.release();
      request.release();
    }
  }

  @Test
  void bindingSuccessRoundTripsIpv4AndIpv6() throws Exception {
    ByteBuf req = request(true);
    try {
      for (String ip : new String[] {"127.0.0.1", "10.1.2.3", "::1", "fe80::1:2:3:4"}) {
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName(ip), 50123);
        ByteBuf dst = ByteBufAllocator.DEFAULT.buffer();
        try {
          int size = writer.writeBindingSuccess(dst, msg, mapped, KEY);
          assertEquals(StunMessageWriter.bindingSuccessSize(mapped), size);
          assertEquals(ip.contains(":") ? 76 : 64, size);
          StunMessage resp = new StunMessage();
          assertEquals(StunParseResult.OK, resp.parse(dst, 0, size));
          assertEquals(StunMessageClass.SUCCESS_RESPONSE, resp.messageClass());
          assertEquals(StunMessage.METHOD_BINDING, resp.method());
          assertTrue(resp.transactionIdEquals(Rfc5769.TRANSACTION_ID));
          assertEquals(mapped, resp.xorMappedAddress());
          assertTrue(resp.verifyMessageIntegrity(KEY));
          assertTrue(resp.verifyFingerprint());
        } finally {
          dst.release();
        }
      }
    } finally {
      req.release();
    }
  }

  @Test
  void bindingErrorsRoundTrip() {
    ByteBuf req = request(false);
    try {
      for (int code : new int[] {400, 401, 487}) {
        for (boolean integrity : new boolean[] {false, true}) {
          ByteBuf dst = ByteBufAllocator.DEFAULT.buffer();
          try {
            int size = writer.writeBindingError(dst, msg, code, integrity ? KEY : null);
            assertEquals(StunMessageWriter.bindingErrorSize(code, integrity), size);
            StunMessage resp = new StunMessage();
            assertEquals(StunParseResult.OK, resp.parse(dst, 0, size));
            assertEquals(StunMessageClass.ERROR_RESPONSE, resp.messageClass());
            assertEquals(0x0111, resp.messageType());
            assertEquals(code, resp.errorCode());
            assertEquals(StunMessageWriter.reasonPhrase(code), resp.errorReason());
            assertEquals(integrity, resp.verifyMessageIntegrity(KEY));
            assertTrue(resp.verifyFingerprint());
          } finally {
            dst.release();
          }
        }
      }
    } finally {
      req.release();
    }
  }

  @Test
  void bindingRequestRoundTrips() {
    byte[] tid = Rfc5769.hex("0102030405060708090a0b0c");
    for (boolean useCandidate : new boolean[] {false, true}) {
      ByteBuf dst = ByteBufAllocator.DEFAULT.heapBuffer();
      try {
        String username = "remoteUfrag0123:localUfrag";
        int size = writer.writeBindingRequest(dst, tid, username, 0xFFFFFFFEL, useCandidate,
            0x1122334455667788L, KEY);
        assertEquals(StunMessageWriter.bindingRequestSize(username, useCandidate), size);
        assertEquals(StunParseResult.OK, msg.parse(dst, 0, size));
        assertEquals(StunMessageClass.REQUEST, msg.messageClass());
        assertTrue(msg.transactionIdEquals(tid));
        assertEquals(username, msg.username());
        assertEquals("remoteUfrag0123", msg.usernameFragmentLocal());
        assertEquals(0xFFFFFFFEL, msg.priority());
        assertEquals(useCandidate, msg.hasUseCandidate());
        assertTrue(msg.hasIceControlling());
        assertFalse(msg.hasIceControlled());
        assertEquals(0x1122334455667788L, msg.tieBreaker());
        assertTrue(msg.verifyMessageIntegrity(KEY));
        assertTrue(msg.verifyFingerprint());
      } finally {
        dst.release();
      }
    }
  }

  @Test
  void paddingAndNominationAttribute() {
    ByteBuf dst = Unpooled.buffer();
    try {
      int size = writer.begin(dst, StunMessageClass.INDICATION, StunMessage.METHOD_BINDING,
              new byte[12])
          .username("a").nomination(7).fingerprint().finish();
      assertEquals(20 + 8 + 8 + 8, size);
      assertEquals(StunParseResult.OK, msg.parse(dst, 0, size));
      assertEquals(StunMessageClass.INDICATION, msg.messageClass());
      assertEquals("a", msg.username());
      assertNull(msg.usernameFragmentRemote());
      assertEquals(7, msg.nomination());
      assertFalse(msg.hasMessageIntegrity());
      assertTrue(msg.verifyFingerprint());
      assertArrayEquals(new byte[3], ByteBufUtil.getBytes(dst, 25, 3));
    } finally {
      dst.release();
    }
  }

  private ByteBuf request(boolean useCandidate) {
    ByteBuf req = Unpooled.buffer();
    int size = writer.writeBindingRequest(req, Rfc5769.TRANSACTION_ID, "a:b", 1, useCandidate,
        1, KEY);
    assertEquals(StunParseResult.OK, msg.parse(req, 0, size));
    return req;
  }

  private static void spacePad(ByteBuf dst, int n) {
    for (int i = 1; i <= n; i++) {
      dst.setByte(dst.writerIndex() - i, ' ');
    }
  }
}
