package org.sfu4j.srtp;

/**
 * The DTLS-SRTP protection profiles we negotiate (RFC 5764 §4.1.2, RFC 7714 §14.2), in our order of
 * preference: GCM first because it authenticates and encrypts in one pass and needs no HMAC key,
 * and because it is the cheaper one per packet on SunJCE: protecting a 1,200-byte packet measured
 * ~660 ns for AES-256-GCM against ~1,020 ns for AES_CM_128_HMAC_SHA1_80 (JDK 17, AES-NI, SHA-NI),
 * at ~1 KB of short-lived garbage against 152 B (benchmarks/README.md, SrtpBenchmark).
 *
 * <p>Note the asymmetry of {@link #AES_CM_128_HMAC_SHA1_32}: its SRTP tag is 32 bits but SRTCP
 * keeps the 80-bit tag (RFC 5764 §4.1.2).
 */
public enum SrtpProfile {
  AEAD_AES_256_GCM(0x0008, 32, 12, 16, 16),
  AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16),
  AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 10),
  AES_CM_128_HMAC_SHA1_32(0x0002, 16, 14, 4, 10);

  /** Length of the SRTCP index (with its E flag) appended to every SRTCP packet. */
  public static final int SRTCP_INDEX_LENGTH = 4;

  private final int protectionProfileId;
  private final int keyLength;
  private final int saltLength;
  private final int srtpTagLength;
  private final int srtcpTagLength;

  SrtpProfile(int id, int keyLength, int saltLength, int srtpTagLength, int srtcpTagLength) {
    this.protectionProfileId = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.srtpTagLength = srtpTagLength;
    this.srtcpTagLength = srtcpTagLength;
  }

  /** The SRTPProtectionProfile value carried in the {@code use_srtp} extension. */
  public int protectionProfileId() {
    return protectionProfileId;
  }

  /** Master key length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Master salt length in bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Bytes appended to an SRTP packet (authentication tag). */
  public int srtpTagLength() {
    return srtpTagLength;
  }

  /** Bytes of authentication tag appended to an SRTCP packet (after the SRTCP index). */
  public int srtcpTagLength() {
    return srtcpTagLength;
  }

  /** Whether this is an AEAD (AES-GCM) profile. */
  public boolean isAead() {
    return this == AEAD_AES_256_GCM || this == AEAD_AES_128_GCM;
  }

  /**
   * The most bytes protect may append to any packet (RTP or RTCP): callers reserve this much
   * writable room behind the packet.
   */
  public int maxOverhead() {
    return Math.max(srtpTagLength, srtcpTagLength + SRTCP_INDEX_LENGTH);
  }

  /** Length of the keying material to export: 2 * (key + salt) (RFC 5764 §4.2). */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  /** The profile with this {@code use_srtp} id, or {@code null} when we do not support it. */
  public static SrtpProfile fromProtectionProfileId(int id) {
    for (SrtpProfile p : values()) {
      if (p.protectionProfileId == id) {
        return p;
      }
    }
    return null;
  }
}
