package org.sfu4j.srtp;

import java.util.Arrays;

/**
 * SRTP master keys and salts of both directions, as split from the DTLS keying-material export
 * "EXTRACTOR-dtls_srtp" (RFC 5764 §4.2: client key | server key | client salt | server salt).
 * Immutable; getters hand out copies so nobody can alter the session's keys.
 */
public final class SrtpKeys {
  private final byte[] clientKey;
  private final byte[] clientSalt;
  private final byte[] serverKey;
  private final byte[] serverSalt;
  private final boolean localIsClient;

  public SrtpKeys(byte[] clientKey, byte[] clientSalt, byte[] serverKey, byte[] serverSalt,
      boolean localIsClient) {
    this.clientKey = clientKey.clone();
    this.clientSalt = clientSalt.clone();
    this.serverKey = serverKey.clone();
    this.serverSalt = serverSalt.clone();
    this.localIsClient = localIsClient;
  }

  /** Splits exported keying material laid out as RFC 5764 §4.2 for {@code profile}. */
  public static SrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material,
      boolean localIsClient) {
    int k = profile.keyLength();
    int s = profile.saltLength();
    if (material.length != 2 * (k + s)) {
      throw new IllegalArgumentException(
          "keying material is " + material.length + " bytes, " + profile + " needs " + 2 * (k + s));
    }
    return new SrtpKeys(
        Arrays.copyOfRange(material, 0, k),
        Arrays.copyOfRange(material, 2 * k, 2 * k + s),
        Arrays.copyOfRange(material, k, 2 * k),
        Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s),
        localIsClient);
  }

  public byte[] clientKey() {
    return clientKey.clone();
  }

  public byte[] clientSalt() {
    return clientSalt.clone();
  }

  public byte[] serverKey() {
    return serverKey.clone();
  }

  public byte[] serverSalt() {
    return serverSalt.clone();
  }

  /** Whether the local endpoint was the DTLS client (it then sends with the client keys). */
  public boolean localIsClient() {
    return localIsClient;
  }

  /** Master key we protect (send) with. */
  public byte[] localKey() {
    return localIsClient ? clientKey() : serverKey();
  }

  /** Master salt we protect (send) with. */
  public byte[] localSalt() {
    return localIsClient ? clientSalt() : serverSalt();
  }

  /** Master key the peer protects with; we unprotect with it. */
  public byte[] remoteKey() {
    return localIsClient ? serverKey() : clientKey();
  }

  /** Master salt the peer protects with; we unprotect with it. */
  public byte[] remoteSalt() {
    return localIsClient ? serverSalt() : clientSalt();
  }

  @Override
  public String toString() {
    return "SrtpKeys{localIsClient=" + localIsClient + ", keys=<redacted>}";
  }
}
