package org.sfu4j.ice;

/** The two class bits of a STUN message type (RFC 8489 §5). */
public enum StunMessageClass {
  REQUEST,
  INDICATION,
  SUCCESS_RESPONSE,
  ERROR_RESPONSE;

  private static final StunMessageClass[] BY_BITS = values();

  /** The class for its 2-bit value (C1C0); {@code bits} must be 0..3. */
  static StunMessageClass ofBits(int bits) {
    return BY_BITS[bits];
  }

  /** The 2-bit value (C1C0) of this class. */
  int bits() {
    return ordinal();
  }
}
