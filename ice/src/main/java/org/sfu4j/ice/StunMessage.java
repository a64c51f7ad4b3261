package org.sfu4j.ice;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Reusable flyweight view of one STUN message (RFC 8489) inside a {@link ByteBuf}.
 *
 * <p>{@link #parse} validates the framing once and caches the offsets of the attributes ICE needs;
 * after an {@link StunParseResult#OK} parse the accessors read the wire bytes directly. The view
 * never retains or releases the buffer: it is valid only while the caller keeps the buffer alive
 * and unmodified, and until the next {@code parse}. One view per thread (e.g. per event loop); it
 * is not thread-safe. Accessors after a failed parse return "absent" values.
 *
 * <p>Parsing rules: the first occurrence of a repeated attribute wins; attributes after
 * MESSAGE-INTEGRITY other than FINGERPRINT are ignored (RFC 8489 §14.5); nothing may follow
 * FINGERPRINT. Unknown attributes are skipped (comprehension-required ones are flagged).
 */
public final class StunMessage {

  public static final int HEADER_SIZE = 20;
  public static final int MAGIC_COOKIE = 0x2112A442;
  public static final int TRANSACTION_ID_LENGTH = 12;
  public static final int FINGERPRINT_XOR = 0x5354554E;
  /** RFC 8489 §14.3: USERNAME is at most 513 bytes. */
  public static final int MAX_USERNAME_LENGTH = 513;

  public static final int METHOD_BINDING = 0x001;

  public static final int ATTR_MAPPED_ADDRESS = 0x0001;
  public static final int ATTR_USERNAME = 0x0006;
  public static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
  public static final int ATTR_ERROR_CODE = 0x0009;
  public static final int ATTR_UNKNOWN_ATTRIBUTES = 0x000A;
  public static final int ATTR_MESSAGE_INTEGRITY_SHA256 = 0x001C;
  public static final int ATTR_XOR_MAPPED_ADDRESS = 0x0020;
  public static final int ATTR_PRIORITY = 0x0024;
  public static final int ATTR_USE_CANDIDATE = 0x0025;
  public static final int ATTR_SOFTWARE = 0x8022;
  public static final int ATTR_FINGERPRINT = 0x8028;
  public static final int ATTR_ICE_CONTROLLED = 0x8029;
  public static final int ATTR_ICE_CONTROLLING = 0x802A;
  /** Renomination counter (draft-thatcher-ice-renomination), sent by libwebrtc when enabled. */
  public static final int ATTR_NOMINATION = 0xC001;

  static final int TYPE_OFFSET = 0;
  static final int LENGTH_OFFSET = 2;
  static final int COOKIE_OFFSET = 4;
  static final int TRANSACTION_ID_OFFSET = 8;

  static final int FAMILY_IPV4 = 0x01;
  static final int FAMILY_IPV6 = 0x02;

  private static final int ABSENT = -1;

  private final StunDigest digest = new StunDigest();
  private final byte[] header = new byte[HEADER_SIZE];

  private ByteBuf buf;
  private int offset;
  private int length;
  private int type;

  // Absolute indexes of attribute VALUES (MESSAGE-INTEGRITY / FINGERPRINT: of the attribute header).
  private int usernameIndex;
  private int usernameLength;
  private int priorityIndex;
  private int iceControllingIndex;
  private int iceControlledIndex;
  private int nominationIndex;
  private int xorMappedAddressIndex;
  private int errorCodeIndex;
  private int errorCodeLength;
  private int messageIntegrityIndex;
  private int fingerprintIndex;
  private boolean useCandidate;
  private boolean unknownComprehensionRequired;

  /**
   * Cheap RFC 7983 classification of a datagram: first byte 0..3 (so methods above 0x3F, which no
   * ICE peer uses, are not STUN here) and the magic cookie, at least a header long. Does not retain or release {@code buf}; never throws for in-bounds arguments.
   */
  public static boolean isStun(ByteBuf buf, int offset, int length) {
    return length >= HEADER_SIZE
        && offset >= 0
        && offset <= buf.capacity() - length
        && buf.getUnsignedByte(offset) <= 3
        && buf.getInt(offset + COOKIE_OFFSET) == MAGIC_COOKIE;
  }

  /**
   * Validates {@code length} bytes at absolute {@code offset} as one STUN message and points this
   * view at them. Does not retain or release {@code buf} and does not move its indexes; never
   * throws on bad input.
   */
  public StunParseResult parse(ByteBuf buf, int offset, int length) {
    reset();
    if (buf == null || offset < 0 || length < 0 || offset > buf.capacity() - length) {
      return StunParseResult.INVALID_BOUNDS;
    }
    if (length < HEADER_SIZE) {
      return StunParseResult.TOO_SHORT;
    }
    if (buf.getUnsignedByte(offset) > 3
        || buf.getInt(offset + COOKIE_OFFSET) != MAGIC_COOKIE) {
      return StunParseResult.NOT_STUN;
    }
    int bodyLength = buf.getUnsignedShort(offset + LENGTH_OFFSET);
    if ((bodyLength & 3) != 0 || HEADER_SIZE + bodyLength != length) {
      return StunParseResult.BAD_LENGTH;
    }
    int end = offset + length;
    int pos = offset + HEADER_SIZE;
    boolean afterIntegrity = false;
    while (pos < end) {
      if (fingerprintIndex != ABSENT) {
        return StunParseResult.ATTRIBUTE_AFTER_FINGERPRINT;
      }
      if (end - pos < 4) {
        return StunParseResult.TRUNCATED_ATTRIBUTE;
      }
      int attrType = buf.getUnsignedShort(pos);
      int attrLength = buf.getUnsignedShort(pos + 2);
      int padded = (attrLength + 3) & ~3;
      int value = pos + 4;
      if (padded > end - value) {
        return StunParseResult.TRUNCATED_ATTRIBUTE;
      }
      if (attrType == ATTR_FINGERPRINT) {
        if (attrLength != 4) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        fingerprintIndex = pos;
      } else if (!afterIntegrity) {
        StunParseResult r = readAttribute(buf, attrType, pos, value, attrLength);
        if (r != StunParseResult.OK) {
          return r;
        }
        afterIntegrity = messageIntegrityIndex != ABSENT;
      }
      pos = value + padded;
    }
    this.buf = buf;
    this.offset = offset;
    this.length = length;
    this.type = buf.getUnsignedShort(offset);
    return StunParseResult.OK;
  }

  private StunParseResult readAttribute(ByteBuf buf, int attrType, int pos, int value, int len) {
    switch (attrType) {
      case ATTR_USERNAME:
        if (len > MAX_USERNAME_LENGTH) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        if (usernameIndex == ABSENT) {
          usernameIndex = value;
          usernameLength = len;
        }
        break;
      case ATTR_MESSAGE_INTEGRITY:
        if (len != StunDigest.HMAC_SHA1_LENGTH) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        messageIntegrityIndex = pos;
        break;
      case ATTR_PRIORITY:
        if (len != 4) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        priorityIndex = first(priorityIndex, value);
        break;
      case ATTR_USE_CANDIDATE:
        if (len != 0) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        useCandidate = true;
        break;
      case ATTR_ICE_CONTROLLING:
        if (len != 8) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        iceControllingIndex = first(iceControllingIndex, value);
        break;
      case ATTR_ICE_CONTROLLED:
        if (len != 8) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        iceControlledIndex = first(iceControlledIndex, value);
        break;
      case ATTR_NOMINATION:
        if (len != 4) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        nominationIndex = first(nominationIndex, value);
        break;
      case ATTR_XOR_MAPPED_ADDRESS:
        if (len < 4) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        int family = buf.getUnsignedByte(value + 1);
        if (!(family == FAMILY_IPV4 && len == 8) && !(family == FAMILY_IPV6 && len == 20)) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        xorMappedAddressIndex = first(xorMappedAddressIndex, value);
        break;
      case ATTR_ERROR_CODE:
        if (len < 4 || len > 4 + 763) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        int errorClass = buf.getUnsignedByte(value + 2) & 0x07;
        int number = buf.getUnsignedByte(value + 3);
        if (errorClass < 3 || errorClass > 6 || number > 99) {
          return StunParseResult.BAD_ATTRIBUTE;
        }
        if (errorCodeIndex == ABSENT) {
          errorCodeIndex = value;
          errorCodeLength = len;
        }
        break;
      default:
        if (attrType < 0x8000 && attrType != ATTR_MESSAGE_INTEGRITY_SHA256
            && attrType != ATTR_MAPPED_ADDRESS && attrType != ATTR_UNKNOWN_ATTRIBUTES) {
          unknownComprehensionRequired = true;
        }
        break;
    }
    return StunParseResult.OK;
  }

  private static int first(int current, int candidate) {
    return current == ABSENT ? candidate : current;
  }

  private void reset() {
    buf = null;
    offset = 0;
    length = 0;
    type = ABSENT;
    usernameIndex = ABSENT;
    usernameLength = 0;
    priorityIndex = ABSENT;
    iceControllingIndex = ABSENT;
    iceControlledIndex = ABSENT;
    nominationIndex = ABSENT;
    xorMappedAddressIndex = ABSENT;
    errorCodeIndex = ABSENT;
    errorCodeLength = 0;
    messageIntegrityIndex = ABSENT;
    fingerprintIndex = ABSENT;
    useCandidate = false;
    unknownComprehensionRequired = false;
  }

  /** Whether the last {@link #parse} returned {@link StunParseResult#OK}. */
  public boolean isValid() {
    return buf != null;
  }

  /** The viewed buffer (not retained), or null when not valid. */
  public ByteBuf buffer() {
    return buf;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  /** The 14-bit message type with class bits, as on the wire; -1 when not valid. */
  public int messageType() {
    return type;
  }

  /** The message class; null when not valid. */
  public StunMessageClass messageClass() {
    return type == ABSENT ? null : StunMessageClass.ofBits(classBits(type));
  }

  /** The 12-bit method, e.g. {@link #METHOD_BINDING}; -1 when not valid. */
  public int method() {
    return type == ABSENT ? ABSENT : methodOf(type);
  }

  static int classBits(int messageType) {
    return ((messageType >> 7) & 0x2) | ((messageType >> 4) & 0x1);
  }

  static int methodOf(int messageType) {
    return (messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2);
  }

  static int messageType(StunMessageClass cls, int method) {
    int bits = cls.bits();
    return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
        | ((bits & 0x1) << 4) | ((bits & 0x2) << 7);
  }

  /** Copies the 12-byte transaction id into {@code dst[dstOffset..]}. */
  public void transactionId(byte[] dst, int dstOffset) {
    buf.getBytes(offset + TRANSACTION_ID_OFFSET, dst, dstOffset, TRANSACTION_ID_LENGTH);
  }

  /** Copies the transaction id into {@code dst[0..12)}. */
  public void transactionId(byte[] dst) {
    transactionId(dst, 0);
  }

  /** Whether the transaction id equals {@code tid[0..12)}, without copying. */
  public boolean transactionIdEquals(byte[] tid) {
    if (buf == null || tid.length != TRANSACTION_ID_LENGTH) {
      return false;
    }
    int base = offset + TRANSACTION_ID_OFFSET;
    for (int i = 0; i < TRANSACTION_ID_LENGTH; i++) {
      if (buf.getByte(base + i) != tid[i]) {
        return false;
      }
    }
    return true;
  }

  public boolean hasUsername() {
    return usernameIndex != ABSENT;
  }

  /** USERNAME decoded as UTF-8 (allocates); null when absent. */
  public String username() {
    return usernameIndex == ABSENT
        ? null
        : buf.toString(usernameIndex, usernameLength, StandardCharsets.UTF_8);
  }

  /** USERNAME length in bytes; 0 when absent. */
  public int usernameLength() {
    return usernameLength;
  }

  /**
   * The part of USERNAME before the first ':' — the receiving agent's own ufrag in ICE
   * (RFC 8445 §7.2.2: "RFRAG:LFRAG" from the sender's view). Allocates; null when absent. When
   * there is no ':' the whole USERNAME is returned.
   */
  public String usernameFragmentLocal() {
    if (usernameIndex == ABSENT) {
      return null;
    }
    return buf.toString(usernameIndex, localFragmentLength(), StandardCharsets.UTF_8);
  }

  /** The part after the first ':' (the sender's ufrag); null when absent or no ':'. */
  public String usernameFragmentRemote() {
    if (usernameIndex == ABSENT) {
      return null;
    }
    int local = localFragmentLength();
    if (local == usernameLength) {
      return null;
    }
    return buf.toString(usernameIndex + local + 1, usernameLength - local - 1,
        StandardCharsets.UTF_8);
  }

  /** Whether the local fragment (before ':') equals the ASCII/UTF-8 bytes {@code ufrag}; no allocation. */
  public boolean usernameFragmentLocalEquals(byte[] ufrag) {
    if (usernameIndex == ABSENT) {
      return false;
    }
    int local = localFragmentLength();
    if (local != ufrag.length) {
      return false;
    }
    for (int i = 0; i < local; i++) {
      if (buf.getByte(usernameIndex + i) != ufrag[i]) {
        return false;
      }
    }
    return true;
  }

  private int localFragmentLength() {
    for (int i = 0; i < usernameLength; i++) {
      if (buf.getByte(usernameIndex + i) == ':') {
        return i;
      }
    }
    return usernameLength;
  }

  public boolean hasPriority() {
    return priorityIndex != ABSENT;
  }

  /** PRIORITY as an unsigned 32-bit value in a long; -1 when absent. */
  public long priority() {
    return priorityIndex == ABSENT ? ABSENT : buf.getUnsignedInt(priorityIndex);
  }

  public boolean hasUseCandidate() {
    return useCandidate;
  }

  public boolean hasIceControlling() {
    return iceControllingIndex != ABSENT;
  }

  public boolean hasIceControlled() {
    return iceControlledIndex != ABSENT;
  }

  /** The tie-breaker of ICE-CONTROLLING, else of ICE-CONTROLLED; 0 when neither is present. */
  public long tieBreaker() {
    if (iceControllingIndex != ABSENT) {
      return buf.getLong(iceControllingIndex);
    }
    return iceControlledIndex != ABSENT ? buf.getLong(iceControlledIndex) : 0L;
  }

  public boolean hasNomination() {
    return nominationIndex != ABSENT;
  }

  /** NOMINATION value (unsigned 32-bit); -1 when absent. */
  public long nomination() {
    return nominationIndex == ABSENT ? ABSENT : buf.getUnsignedInt(nominationIndex);
  }

  /** Whether an unknown comprehension-required attribute (type below 0x8000) was present. */
  public boolean hasUnknownComprehensionRequired() {
    return unknownComprehensionRequired;
  }

  public boolean hasXorMappedAddress() {
    return xorMappedAddressIndex != ABSENT;
  }

  /** Port of XOR-MAPPED-ADDRESS, decoded; -1 when absent. */
  public int xorMappedPort() {
    if (xorMappedAddressIndex == ABSENT) {
      return ABSENT;
    }
    return buf.getUnsignedShort(xorMappedAddressIndex + 2) ^ (MAGIC_COOKIE >>> 16);
  }

  /** XOR-MAPPED-ADDRESS decoded (allocates); null when absent. */
  public InetSocketAddress xorMappedAddress() {
    if (xorMappedAddressIndex == ABSENT) {
      return null;
    }
    boolean v4 = buf.getUnsignedByte(xorMappedAddressIndex + 1) == FAMILY_IPV4;
    byte[] ip = new byte[v4 ? 4 : 16];
    int a = xorMappedAddressIndex + 4;
    for (int i = 0; i < ip.length; i++) {
      // XOR key: magic cookie (bytes 4..7 of the header) then the transaction id (8..19).
      ip[i] = (byte) (buf.getByte(a + i) ^ buf.getByte(offset + COOKIE_OFFSET + i));
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), xorMappedPort());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // unreachable: 4 or 16 bytes
    }
  }

  public boolean hasErrorCode() {
    return errorCodeIndex != ABSENT;
  }

  /** ERROR-CODE as class*100+number (e.g. 401); -1 when absent. */
  public int errorCode() {
    if (errorCodeIndex == ABSENT) {
      return ABSENT;
    }
    return (buf.getUnsignedByte(errorCodeIndex + 2) & 0x07) * 100
        + buf.getUnsignedByte(errorCodeIndex + 3);
  }

  /** ERROR-CODE reason phrase (allocates); null when absent. */
  public String errorReason() {
    return errorCodeIndex == ABSENT
        ? null
        : buf.toString(errorCodeIndex + 4, errorCodeLength - 4, StandardCharsets.UTF_8);
  }

  public boolean hasMessageIntegrity() {
    return messageIntegrityIndex != ABSENT;
  }

  public boolean hasFingerprint() {
    return fingerprintIndex != ABSENT;
  }

  /**
   * Checks MESSAGE-INTEGRITY (HMAC-SHA1, short-term key = the password's UTF-8 bytes) computed
   * over the message up to the attribute, with the header length adjusted to end just after it
   * (RFC 8489 §14.5), so a trailing FINGERPRINT is excluded. False when absent. Constant-time
   * compare. Re-keys only when {@code key} differs from the previous call's.
   */
  public boolean verifyMessageIntegrity(byte[] key) {
    if (messageIntegrityIndex == ABSENT || key == null || key.length == 0) {
      return false;
    }
    digest.key(key);
    return verifyMessageIntegrity(digest);
  }

  /** Integrity check with a caller-owned, already keyed digest (the agent's own). */
  boolean verifyMessageIntegrity(StunDigest keyed) {
    if (messageIntegrityIndex == ABSENT) {
      return false;
    }
    int covered = messageIntegrityIndex - offset; // header + attributes before MESSAGE-INTEGRITY
    int adjustedLength = covered - HEADER_SIZE + 4 + StunDigest.HMAC_SHA1_LENGTH;
    buf.getBytes(offset, header, 0, HEADER_SIZE);
    header[LENGTH_OFFSET] = (byte) (adjustedLength >>> 8);
    header[LENGTH_OFFSET + 1] = (byte) adjustedLength;
    keyed.hmacUpdate(header, 0, HEADER_SIZE);
    keyed.hmacUpdate(buf, offset + HEADER_SIZE, covered - HEADER_SIZE);
    byte[] expected = keyed.hmacFinish();
    int diff = 0;
    int received = messageIntegrityIndex + 4;
    for (int i = 0; i < StunDigest.HMAC_SHA1_LENGTH; i++) {
      diff |= expected[i] ^ buf.getByte(received + i);
    }
    return diff == 0;
  }

  /** Checks FINGERPRINT (CRC-32 of everything before it, XOR 0x5354554E); false when absent. */
  public boolean verifyFingerprint() {
    if (fingerprintIndex == ABSENT) {
      return false;
    }
    int crc = digest.crc32(buf, offset, fingerprintIndex - offset) ^ FINGERPRINT_XOR;
    return crc == buf.getInt(fingerprintIndex + 4);
  }

  @Override
  public String toString() {
    if (buf == null) {
      return "StunMessage[invalid]";
    }
    return "StunMessage[" + messageClass() + " method=0x" + Integer.toHexString(method())
        + " length=" + length + (hasUsername() ? " username=" + username() : "")
        + (useCandidate ? " USE-CANDIDATE" : "") + "]";
  }
}
