package org.sfu4j.media.transport;

/**
 * Why the worker's UDP socket dropped a datagram before any transport saw it (RFC 7983 demux),
 * or could not write one. Every inbound datagram is either delivered to a transport or counted
 * under exactly one of the inbound reasons.
 */
public enum RtcDropReason {
  /** First byte outside STUN 0-3, DTLS 20-63, RTP/RTCP 128-191 (ZRTP, TURN channel, junk), or empty. */
  BAD_FIRST_BYTE,
  /** First byte says STUN but the message does not parse (length, cookie, attributes). */
  STUN_MALFORMED,
  /** A STUN message whose USERNAME names no transport on this socket (e.g. a released ufrag). */
  STUN_UNKNOWN_USERNAME,
  /**
   * A STUN request for a known ufrag whose MESSAGE-INTEGRITY does not verify (wrong password: a
   * guesser or a stale peer). Answered 401 within {@link StunErrorBudget}'s limits.
   */
  STUN_BAD_INTEGRITY,
  /** A STUN message without USERNAME from a tuple no transport validated. */
  STUN_UNKNOWN_TUPLE,
  /** DTLS from a tuple no transport validated with ICE. */
  DTLS_UNKNOWN_TUPLE,
  /** RTP/RTCP from a tuple no transport validated with ICE. */
  RTP_UNKNOWN_TUPLE,
  /** Outbound: the channel's write buffer is above its high water mark (slow kernel/socket). */
  NOT_WRITABLE,
  /** Outbound: the socket is closed. */
  SOCKET_CLOSED
}
