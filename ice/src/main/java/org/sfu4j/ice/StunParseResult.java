package org.sfu4j.ice;

/** Outcome of {@link StunMessage#parse}: {@link #OK} or the reason the datagram was rejected. */
public enum StunParseResult {
  OK,
  /** offset/length do not lie inside the buffer (a caller bug, still never an exception). */
  INVALID_BOUNDS,
  /** Fewer than the 20 header bytes. */
  TOO_SHORT,
  /** First byte above 3 (RFC 7983) or magic cookie missing (RFC 8489 §6). */
  NOT_STUN,
  /** Header length not a multiple of 4 or not equal to the datagram's remaining bytes. */
  BAD_LENGTH,
  /** An attribute header or value (with padding) runs past the end of the message. */
  TRUNCATED_ATTRIBUTE,
  /** A known attribute has an impossible length or value (e.g. PRIORITY not 4 bytes). */
  BAD_ATTRIBUTE,
  /** Something follows FINGERPRINT, which must be last (RFC 8489 §14.7). */
  ATTRIBUTE_AFTER_FINGERPRINT;

  public boolean isOk() {
    return this == OK;
  }
}
