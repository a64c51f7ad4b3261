package org.sfu4j.media.rtp;

/**
 * Why a buffer is not a valid RTP packet. {@link #OK} means valid.
 *
 * <p>Returned by {@link RtpPacket#wrap}, counted by stats and never thrown: bad input from the
 * network is an expected event, not an exceptional one.
 */
public enum RtpDropReason {
  /** The packet is valid. */
  OK,
  /** The offset/length pair does not lie inside the buffer. */
  BAD_BOUNDS,
  /** Shorter than the 12-byte fixed header. */
  TOO_SHORT,
  /** Version field is not 2. */
  BAD_VERSION,
  /** The CSRC list runs past the end of the packet. */
  BAD_CSRC_LENGTH,
  /** The header extension block (or its 4-byte header) runs past the end of the packet. */
  BAD_EXTENSION_LENGTH,
  /** An RFC 8285 extension element runs past the end of the extension block. */
  BAD_EXTENSION_ELEMENT,
  /** The P bit is set but the padding count is 0 or larger than the space after the header. */
  BAD_PADDING
}
