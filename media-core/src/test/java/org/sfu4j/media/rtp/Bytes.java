package org.sfu4j.media.rtp;

/** Test helper: hex strings to bytes. */
final class Bytes {
  private Bytes() {}

  static byte[] hex(String s) {
    String h = s.replaceAll("[^0-9a-fA-F]", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
