package org.sfu4j.ice;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.attribute.ErrorCodeAttribute;
import org.ice4j.attribute.IceControlAttribute;
import org.ice4j.attribute.MessageIntegrityAttribute;
import org.ice4j.attribute.PriorityAttribute;
import org.ice4j.attribute.UsernameAttribute;
import org.ice4j.attribute.XorMappedAddressAttribute;
import org.ice4j.message.Message;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.security.CredentialsAuthority;
import org.ice4j.stack.StunStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our codec against ice4j's independent one, in both directions. */
class Ice4jCodecCrossCheckTest {

  private static final String PASSWORD = "k9x2mq7r4t1v8w3y6z0a5b2c7d4e1f8g";
  private static final byte[] KEY = PASSWORD.getBytes(US_ASCII);
  private static final String USERNAME = "localufrag123456:remoteufrag";
  private static final byte[] TID = Rfc5769.hex("a1a2a3a4a5a6a7a8a9aaabac");

  private static StunStack stack;
  private final StunMessage msg = new StunMessage();
  private final StunMessageWriter writer = new StunMessageWriter();

  @BeforeAll
  static void stack() {
    stack = new StunStack();
    stack.getCredentialsManager().registerAuthority(new CredentialsAuthority() {
      @Override
      public byte[] getLocalKey(String username) {
        return KEY;
      }

      @Override
      public byte[] getRemoteKey(String username, String media) {
        return KEY;
      }

      @Override
      public boolean checkLocalUserName(String username) {
        return true;
      }
    });
  }

  @AfterAll
  static void shutDown() {
    stack.shutDown();
  }

  @Test
  void ice4jRequestParsesAndVerifies() throws Exception {
    Request request = MessageFactory.createBindingRequest(0x6e7f1eff, true, 0x0a0b0c0d0e0f1011L);
    request.setTransactionID(TID);
    request.putAttribute(AttributeFactory.createUseCandidateAttribute());
    request.putAttribute(AttributeFactory.createUsernameAttribute(USERNAME));
    request.putAttribute(AttributeFactory.createMessageIntegrityAttribute(USERNAME));
    request.putAttribute(AttributeFactory.createFingerprintAttribute());
    byte[] wire = request.encode(stack);

    ByteBuf buf = Unpooled.wrappedBuffer(wire);
    assertEquals(StunParseResult.OK, msg.parse(buf, 0, wire.length));
    assertEquals(StunMessageClass.REQUEST, msg.messageClass());
    assertEquals(StunMessage.METHOD_BINDING, msg.method());
    assertTrue(msg.transactionIdEquals(TID));
    assertEquals(USERNAME, msg.username());
    assertEquals("localufrag123456", msg.usernameFragmentLocal());
    assertEquals(0x6e7f1effL, msg.priority());
    assertTrue(msg.hasIceControlling());
    assertEquals(0x0a0b0c0d0e0f1011L, msg.tieBreaker());
    assertTrue(msg.hasUseCandidate());
    assertTrue(msg.verifyMessageIntegrity(KEY));
    assertFalse(msg.verifyMessageIntegrity("other".getBytes(US_ASCII)));
    assertTrue(msg.verifyFingerprint());
  }

  @Test
  void ice4jSuccessResponseParsesAndVerifies() throws Exception {
    for (String ip : new String[] {"127.0.0.1", "::1"}) {
      Request request = MessageFactory.createBindingRequest();
      request.setTransactionID(TID);
      TransportAddress mapped = new TransportAddress(ip, 45678, Transport.UDP);
      Response response = MessageFactory.createBindingResponse(request, mapped);
      response.setTransactionID(TID);
      response.putAttribute(AttributeFactory.createMessageIntegrityAttribute(USERNAME));
      response.putAttribute(AttributeFactory.createFingerprintAttribute());
      byte[] wire = response.encode(stack);

      ByteBuf buf = Unpooled.wrappedBuffer(wire);
      assertEquals(StunParseResult.OK, msg.parse(buf, 0, wire.length), ip);
      assertEquals(StunMessageClass.SUCCESS_RESPONSE, msg.messageClass());
      assertEquals(new InetSocketAddress(InetAddress.getByName(ip), 45678),
          msg.xorMappedAddress());
      assertTrue(msg.verifyMessageIntegrity(KEY), ip);
      assertTrue(msg.verifyFingerprint(), ip);
    }
  }

  @Test
  void ourRequestDecodesInIce4j() throws Exception {
    ByteBuf dst = Unpooled.buffer();
    int size = writer.writeBindingRequest(dst, TID, USERNAME, 0x7effffffL, true, 42L, KEY);
    byte[] wire = ByteBufUtil.getBytes(dst, 0, size);
    // decode() throws on a bad FINGERPRINT, so success proves the CRC
    Message decoded = Message.decode(wire, 0, wire.length);
    assertEquals(Message.BINDING_REQUEST, decoded.getMessageType());
    assertArrayEquals(TID, decoded.getTransactionID());
    assertEquals(USERNAME, new String(
        ((UsernameAttribute) decoded.getAttribute(Attribute.USERNAME)).getUsername(), US_ASCII));
    assertEquals(0x7effffffL,
        ((PriorityAttribute) decoded.getAttribute(Attribute.PRIORITY)).getPriority());
    assertEquals(42L,
        ((IceControlAttribute) decoded.getAttribute(Attribute.ICE_CONTROLLING)).getTieBreaker());
    assertNotNull(decoded.getAttribute(Attribute.USE_CANDIDATE));
    assertIntegrityPerIce4j(decoded, wire);
  }

  @Test
  void ourResponsesDecodeInIce4j() throws Exception {
    ByteBuf req = Unpooled.buffer();
    int reqSize = writer.writeBindingRequest(req, TID, USERNAME, 1, false, 1, KEY);
    assertEquals(StunParseResult.OK, msg.parse(req, 0, reqSize));
    for (String ip : new String[] {"127.0.0.1", "2001:db8::77"}) {
      InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName(ip), 3478);
      ByteBuf dst = Unpooled.buffer();
      int size = writer.writeBindingSuccess(dst, msg, mapped, KEY);
      byte[] wire = ByteBufUtil.getBytes(dst, 0, size);
      Message decoded = Message.decode(wire, 0, wire.length);
      assertEquals(Message.BINDING_SUCCESS_RESPONSE, decoded.getMessageType());
      XorMappedAddressAttribute xma =
          (XorMappedAddressAttribute) decoded.getAttribute(Attribute.XOR_MAPPED_ADDRESS);
      TransportAddress address = xma.getAddress(TID);
      assertEquals(mapped.getAddress(), address.getAddress());
      assertEquals(3478, address.getPort());
      assertIntegrityPerIce4j(decoded, wire);
    }
    for (int code : new int[] {400, 401, 487}) {
      ByteBuf dst = Unpooled.buffer();
      int size = writer.writeBindingError(dst, msg, code, null);
      byte[] wire = ByteBufUtil.getBytes(dst, 0, size);
      Message decoded = Message.decode(wire, 0, wire.length);
      assertEquals(Message.BINDING_ERROR_RESPONSE, decoded.getMessageType());
      ErrorCodeAttribute error = (ErrorCodeAttribute) decoded.getAttribute(Attribute.ERROR_CODE);
      assertEquals(code, error.getErrorCode());
      assertEquals(StunMessageWriter.reasonPhrase(code), error.getReasonPhrase().trim());
    }
  }

  /** Recomputes MESSAGE-INTEGRITY with ice4j's own HMAC over RFC 8489 §14.5's input. */
  private static void assertIntegrityPerIce4j(Message decoded, byte[] wire) {
    MessageIntegrityAttribute mi =
        (MessageIntegrityAttribute) decoded.getAttribute(Attribute.MESSAGE_INTEGRITY);
    int miStart = wire.length - StunMessageWriter.FINGERPRINT_SIZE
        - StunMessageWriter.MESSAGE_INTEGRITY_SIZE;
    byte[] input = java.util.Arrays.copyOf(wire, miStart);
    int adjusted = miStart - StunMessage.HEADER_SIZE + StunMessageWriter.MESSAGE_INTEGRITY_SIZE;
    input[2] = (byte) (adjusted >>> 8);
    input[3] = (byte) adjusted;
    assertArrayEquals(MessageIntegrityAttribute.calculateHmacSha1(input, 0, input.length, KEY),
        mi.getHmacSha1Content());
  }
}
