package org.sfu4j.bench.load;

import java.util.Queue;

/**
 * Finds key frame requests (RFC 4585 PLI, RFC 5104 FIR) in the decrypted RTCP compounds a
 * publisher received, so the load tool's encoder answers them as a browser's would. Malformed
 * compounds end the scan of that compound; nothing throws.
 */
final class KeyFrameRequests {
  static final int PAYLOAD_SPECIFIC_FEEDBACK = 206;
  static final int FMT_PLI = 1;
  static final int FMT_FIR = 4;

  private KeyFrameRequests() {}

  /** Drains {@code rtcp} (decrypted compounds); true if any held a PLI or FIR. */
  static boolean drain(Queue<byte[]> rtcp) {
    boolean found = false;
    byte[] compound;
    while ((compound = rtcp.poll()) != null) {
      found |= contains(compound);
    }
    return found;
  }

  /** True if the compound {@code c} holds a PLI or FIR before any malformed packet. */
  static boolean contains(byte[] c) {
    int off = 0;
    while (off + 4 <= c.length) {
      int b0 = c[off] & 0xFF;
      if (b0 >>> 6 != 2) {
        return false;
      }
      int fmt = b0 & 0x1F;
      int pt = c[off + 1] & 0xFF;
      int length = (((c[off + 2] & 0xFF) << 8) | (c[off + 3] & 0xFF)) * 4 + 4;
      if (off + length > c.length) {
        return false;
      }
      if (pt == PAYLOAD_SPECIFIC_FEEDBACK && (fmt == FMT_PLI || fmt == FMT_FIR)) {
        return true;
      }
      off += length;
    }
    return false;
  }
}
