package org.sfu4j.ice;

import static org.sfu4j.ice.StunMessage.HEADER_SIZE;
import static org.sfu4j.ice.StunMessage.MAGIC_COOKIE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Writes STUN messages into a caller-provided {@link ByteBuf}, attribute by attribute.
 *
 * <p>Use: {@code begin…} → attributes → optional {@link #messageIntegrity} → optional
 * {@link #fingerprint} → {@link #finish}. The header length is kept current after every attribute,
 * so MESSAGE-INTEGRITY and FINGERPRINT are computed over exactly the bytes RFC 8489 §14.5/§14.7
 * prescribe. The writer only appends at {@code dst}'s writer index; it never retains or releases
 * {@code dst}, and the caller must reserve the size (the {@code *_SIZE} constants and
 * {@code *Size} methods say how much; {@code dst} grows if it can, like any ByteBuf write).
 *
 * <p>Reusable and allocation-free for a fixed key; not thread-safe (one per owner). The
 * {@code writeBinding*} methods cover what ICE needs: the ICE-lite agent's success/error
 * responses and the binding request of a small controlling ICE client (test peer, load tool).
 */
public final class StunMessageWriter {

  public static final int MESSAGE_INTEGRITY_SIZE = 4 + StunDigest.HMAC_SHA1_LENGTH;
  public static final int FINGERPRINT_SIZE = 8;
  public static final int XOR_MAPPED_ADDRESS_IPV4_SIZE = 12;
  public static final int XOR_MAPPED_ADDRESS_IPV6_SIZE = 24;
  public static final int PRIORITY_SIZE = 8;
  public static final int USE_CANDIDATE_SIZE = 4;
  public static final int ICE_ROLE_SIZE = 12;
  /** Binding success response: header, XOR-MAPPED-ADDRESS (IPv4), MESSAGE-INTEGRITY, FINGERPRINT. */
  public static final int BINDING_SUCCESS_IPV4_SIZE =
      HEADER_SIZE + XOR_MAPPED_ADDRESS_IPV4_SIZE + MESSAGE_INTEGRITY_SIZE + FINGERPRINT_SIZE;
  /** Same with an IPv6 XOR-MAPPED-ADDRESS. */
  public static final int BINDING_SUCCESS_IPV6_SIZE =
      HEADER_SIZE + XOR_MAPPED_ADDRESS_IPV6_SIZE + MESSAGE_INTEGRITY_SIZE + FINGERPRINT_SIZE;

  private final StunDigest digest = new StunDigest();
  private ByteBuf dst;
  private int start = -1;

  /** Bytes an attribute with a value of {@code valueLength} bytes occupies, padding included. */
  public static int attributeSize(int valueLength) {
    return 4 + ((valueLength + 3) & ~3);
  }

  /** Bytes of an ERROR-CODE attribute carrying the standard reason phrase of {@code code}. */
  public static int errorCodeSize(int code) {
    return attributeSize(4 + reasonPhrase(code).length());
  }

  /** Size of {@link #writeBindingSuccess} for {@code mapped}. */
  public static int bindingSuccessSize(InetSocketAddress mapped) {
    return mapped.getAddress() instanceof Inet4Address
        ? BINDING_SUCCESS_IPV4_SIZE
        : BINDING_SUCCESS_IPV6_SIZE;
  }

  /** Size of {@link #writeBindingError}: integrity is included only when a key is given. */
  public static int bindingErrorSize(int code, boolean withIntegrity) {
    return HEADER_SIZE + errorCodeSize(code) + (withIntegrity ? MESSAGE_INTEGRITY_SIZE : 0)
        + FINGERPRINT_SIZE;
  }

  /** Size of {@link #writeBindingRequest}. */
  public static int bindingRequestSize(String username, boolean useCandidate) {
    return HEADER_SIZE + attributeSize(ByteBufUtil.utf8Bytes(username)) + PRIORITY_SIZE
        + (useCandidate ? USE_CANDIDATE_SIZE : 0) + ICE_ROLE_SIZE + MESSAGE_INTEGRITY_SIZE
        + FINGERPRINT_SIZE;
  }

  /** The reason phrase written for the ICE error codes (RFC 8489 §14.8, RFC 8445 §16.1). */
  public static String reasonPhrase(int code) {
    switch (code) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 420: return "Unknown Attribute";
      case 487: return "Role Conflict";
      case 500: return "Server Error";
      default: return "Error";
    }
  }

  // ---------------------------------------------------------------- whole messages

  /**
   * Binding success response to {@code request} (same transaction id) with XOR-MAPPED-ADDRESS of
   * {@code mapped}, MESSAGE-INTEGRITY under {@code key} and FINGERPRINT. Returns bytes written
   * ({@link #bindingSuccessSize}).
   */
  public int writeBindingSuccess(ByteBuf dst, StunMessage request, InetSocketAddress mapped,
      byte[] key) {
    return beginResponse(dst, StunMessageClass.SUCCESS_RESPONSE, request)
        .xorMappedAddress(mapped)
        .messageIntegrity(key)
        .fingerprint()
        .finish();
  }

  /**
   * Binding error response to {@code request} with ERROR-CODE {@code code} (400, 401, 487, …);
   * MESSAGE-INTEGRITY only when {@code keyOrNull} is non-null (not for 400/401, RFC 8489 §9.1.3),
   * then FINGERPRINT. Returns bytes written ({@link #bindingErrorSize}).
   */
  public int writeBindingError(ByteBuf dst, StunMessage request, int code, byte[] keyOrNull) {
    beginResponse(dst, StunMessageClass.ERROR_RESPONSE, request).errorCode(code);
    if (keyOrNull != null) {
      messageIntegrity(keyOrNull);
    }
    return fingerprint().finish();
  }

  /**
   * ICE connectivity check (RFC 8445 §7.2.2) as sent by a controlling agent: USERNAME
   * ("remoteUfrag:localUfrag"), PRIORITY, USE-CANDIDATE when nominating, ICE-CONTROLLING
   * tie-breaker, MESSAGE-INTEGRITY under the remote password, FINGERPRINT. Returns bytes written
   * ({@link #bindingRequestSize}).
   */
  public int writeBindingRequest(ByteBuf dst, byte[] transactionId, String username,
      long priority, boolean useCandidate, long tieBreaker, byte[] key) {
    begin(dst, StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, transactionId)
        .username(username)
        .priority(priority);
    if (useCandidate) {
      useCandidate();
    }
    return iceControlling(tieBreaker).messageIntegrity(key).fingerprint().finish();
  }

  // ---------------------------------------------------------------- builder

  /** Starts a message with an explicit 12-byte transaction id. */
  public StunMessageWriter begin(ByteBuf dst, StunMessageClass cls, int method,
      byte[] transactionId) {
    if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
      throw new IllegalArgumentException("transaction id must be 12 bytes");
    }
    writeHeader(dst, cls, method);
    dst.writeBytes(transactionId);
    return this;
  }

  /** Starts a response of {@code cls} to {@code request}: same method and transaction id. */
  public StunMessageWriter beginResponse(ByteBuf dst, StunMessageClass cls, StunMessage request) {
    if (!request.isValid()) {
      throw new IllegalArgumentException("request view is not valid");
    }
    writeHeader(dst, cls, request.method());
    dst.writeBytes(request.buffer(), request.offset() + StunMessage.TRANSACTION_ID_OFFSET,
        StunMessage.TRANSACTION_ID_LENGTH);
    return this;
  }

  private void writeHeader(ByteBuf dst, StunMessageClass cls, int method) {
    this.dst = dst;
    this.start = dst.writerIndex();
    dst.writeShort(StunMessage.messageType(cls, method));
    dst.writeShort(0);
    dst.writeInt(MAGIC_COOKIE);
  }

  /** USERNAME as UTF-8, padded. */
  public StunMessageWriter username(String username) {
    int len = ByteBufUtil.utf8Bytes(username);
    if (len > StunMessage.MAX_USERNAME_LENGTH) {
      throw new IllegalArgumentException("USERNAME longer than 513 bytes");
    }
    attributeHeader(StunMessage.ATTR_USERNAME, len);
    ByteBufUtil.writeUtf8(dst, username);
    return pad(len);
  }

  /** PRIORITY (unsigned 32-bit). */
  public StunMessageWriter priority(long priority) {
    attributeHeader(StunMessage.ATTR_PRIORITY, 4);
    dst.writeInt((int) priority);
    return updateLength();
  }

  public StunMessageWriter useCandidate() {
    attributeHeader(StunMessage.ATTR_USE_CANDIDATE, 0);
    return updateLength();
  }

  public StunMessageWriter iceControlling(long tieBreaker) {
    attributeHeader(StunMessage.ATTR_ICE_CONTROLLING, 8);
    dst.writeLong(tieBreaker);
    return updateLength();
  }

  public StunMessageWriter iceControlled(long tieBreaker) {
    attributeHeader(StunMessage.ATTR_ICE_CONTROLLED, 8);
    dst.writeLong(tieBreaker);
    return updateLength();
  }

  /** NOMINATION (renomination counter). */
  public StunMessageWriter nomination(long value) {
    attributeHeader(StunMessage.ATTR_NOMINATION, 4);
    dst.writeInt((int) value);
    return updateLength();
  }

  /** SOFTWARE as UTF-8, padded. */
  public StunMessageWriter software(String software) {
    int len = ByteBufUtil.utf8Bytes(software);
    attributeHeader(StunMessage.ATTR_SOFTWARE, len);
    ByteBufUtil.writeUtf8(dst, software);
    return pad(len);
  }

  /**
   * XOR-MAPPED-ADDRESS (RFC 8489 §14.2), IPv4 or IPv6. Allocates the 4/16-byte address copy
   * {@code InetAddress.getAddress()} returns; {@link #xorMappedAddress(byte[], int)} does not.
   */
  public StunMessageWriter xorMappedAddress(InetSocketAddress mapped) {
    return xorMappedAddress(mapped.getAddress().getAddress(), mapped.getPort());
  }

  /** XOR-MAPPED-ADDRESS from raw address bytes (4 = IPv4, 16 = IPv6) and a port. */
  public StunMessageWriter xorMappedAddress(byte[] ip, int port) {
    if (ip.length != 4 && ip.length != 16) {
      throw new IllegalArgumentException("address must be 4 or 16 bytes");
    }
    boolean v4 = ip.length == 4;
    attributeHeader(StunMessage.ATTR_XOR_MAPPED_ADDRESS, v4 ? 8 : 20);
    dst.writeByte(0);
    dst.writeByte(v4 ? StunMessage.FAMILY_IPV4 : StunMessage.FAMILY_IPV6);
    dst.writeShort(port ^ (MAGIC_COOKIE >>> 16));
    int key = start + StunMessage.COOKIE_OFFSET; // cookie then transaction id, already written
    for (int i = 0; i < ip.length; i++) {
      dst.writeByte(ip[i] ^ dst.getByte(key + i));
    }
    return updateLength();
  }

  /** ERROR-CODE with the standard reason phrase ({@link #reasonPhrase}). */
  public StunMessageWriter errorCode(int code) {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("STUN error code out of range: " + code);
    }
    String reason = reasonPhrase(code);
    int len = 4 + reason.length();
    attributeHeader(StunMessage.ATTR_ERROR_CODE, len);
    dst.writeShort(0);
    dst.writeByte(code / 100);
    dst.writeByte(code % 100);
    dst.writeCharSequence(reason, StandardCharsets.US_ASCII);
    return pad(len);
  }

  /** MESSAGE-INTEGRITY: HMAC-SHA1 under {@code key} over everything written so far. */
  public StunMessageWriter messageIntegrity(byte[] key) {
    digest.key(key);
    int attr = dst.writerIndex();
    setLength(attr + MESSAGE_INTEGRITY_SIZE);
    digest.hmacUpdate(dst, start, attr - start);
    dst.writeShort(StunMessage.ATTR_MESSAGE_INTEGRITY);
    dst.writeShort(StunDigest.HMAC_SHA1_LENGTH);
    dst.writeBytes(digest.hmacFinish());
    return this;
  }

  /** FINGERPRINT: CRC-32 over everything written so far, XOR 0x5354554E. Must be last. */
  public StunMessageWriter fingerprint() {
    int attr = dst.writerIndex();
    setLength(attr + FINGERPRINT_SIZE);
    int crc = digest.crc32(dst, start, attr - start) ^ StunMessage.FINGERPRINT_XOR;
    dst.writeShort(StunMessage.ATTR_FINGERPRINT);
    dst.writeShort(4);
    dst.writeInt(crc);
    return this;
  }

  /** Ends the message; returns its total size in bytes. */
  public int finish() {
    int size = dst.writerIndex() - start;
    dst = null;
    start = -1;
    return size;
  }

  private void attributeHeader(int attrType, int valueLength) {
    if (dst == null) {
      throw new IllegalStateException("begin() first");
    }
    dst.writeShort(attrType);
    dst.writeShort(valueLength);
  }

  private StunMessageWriter pad(int valueLength) {
    int padding = ((valueLength + 3) & ~3) - valueLength;
    dst.writeZero(padding);
    return updateLength();
  }

  private StunMessageWriter updateLength() {
    setLength(dst.writerIndex());
    return this;
  }

  private void setLength(int endIndex) {
    dst.setShort(start + StunMessage.LENGTH_OFFSET, endIndex - start - HEADER_SIZE);
  }
}
