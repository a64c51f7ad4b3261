package org.sfu4j.media.rtcp;

/** Why bytes are not a valid RTCP packet (or not the expected type). Counted, never thrown. */
public enum RtcpDropReason {
  OK,
  /** The offset/length pair does not lie inside the buffer. */
  BAD_BOUNDS,
  /** Fewer bytes than the type's fixed part or the 4-byte common header. */
  TOO_SHORT,
  /** Version field is not 2. */
  BAD_VERSION,
  /** The length field disagrees with the bytes available. */
  BAD_LENGTH,
  /** P bit set with a padding count of 0 or larger than the packet body. */
  BAD_PADDING,
  /** Another packet type, feedback format or application identifier than the view parses. */
  WRONG_TYPE,
  /** The count field (RC/SC/FMT entries) does not fit the length. */
  BAD_COUNT,
  /** The body is structurally broken (SDES items, TWCC chunks, XR blocks...). */
  MALFORMED
}
