package org.sfu4j.srtp;

/** Outcome of one SRTP/SRTCP transform: the drop reason when not {@link #OK}. Never an exception. */
public enum SrtpResult {
  /** Transformed in place. */
  OK,
  /** Authentication tag did not verify: forged, corrupted, or keyed for another session. */
  AUTH_FAILED,
  /** Already received, or older than the replay window. */
  REPLAY,
  /** Shorter than the fixed header plus tag (or than its own header claims). */
  TOO_SHORT,
  /** Not an RTP/RTCP packet (bad version), a direct buffer, or otherwise unusable. */
  INVALID,
  /** Protect was given less writable room than {@link SrtpProfile#maxOverhead()}. */
  NO_ROOM,
  /** The session was closed. */
  CLOSED,
  /** The crypto provider failed (should not happen with a working JCE). */
  CRYPTO_ERROR
}
