package org.sfu4j.srtp;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** What our DTLS server and client peers share: suites, use_srtp, fingerprint check, key export. */
final class DtlsPeerSupport {
  /** Our certificate is ECDSA: only ECDHE_ECDSA suites can use it. AEAD first. */
  static final int[] ECDSA_SUITES = {
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
  };

  /** As client we also accept an RSA server certificate (some peers still use one). */
  static final int[] CLIENT_SUITES = {
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
  };

  static final SignatureAndHashAlgorithm ECDSA_SHA256 =
      SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

  /** Thrown (as the cause of a fatal alert) when the peer's certificate is not the signalled one. */
  static final String FINGERPRINT_MISMATCH = "remote certificate fingerprint mismatch";

  private DtlsPeerSupport() {}

  static Certificate tlsCertificate(BcTlsCrypto crypto, DtlsCertificate certificate)
      throws IOException {
    TlsCertificate tlsCert = crypto.createCertificate(certificate.derNoCopy());
    return new Certificate(new TlsCertificate[] {tlsCert});
  }

  /**
   * Throws a fatal bad_certificate alert unless the peer's end-entity certificate matches one of
   * the signalled fingerprints (in a supported algorithm).
   */
  static void verifyFingerprint(Certificate peerChain, List<DtlsFingerprint> remote)
      throws IOException {
    if (peerChain == null || peerChain.isEmpty()) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate, "no remote certificate");
    }
    byte[] der = peerChain.getCertificateAt(0).getEncoded();
    for (DtlsFingerprint fp : remote) {
      if (DtlsCertificate.isSupportedAlgorithm(fp.getAlgorithm())
          && fp.matches(fp.getAlgorithm(), DtlsCertificate.fingerprintOf(fp.getAlgorithm(), der))) {
        return;
      }
    }
    throw new TlsFatalAlert(AlertDescription.bad_certificate, FINGERPRINT_MISMATCH);
  }

  /** use_srtp offer: every profile we support, in preference order, no MKI. */
  static UseSRTPData offer() {
    SrtpProfile[] all = SrtpProfile.values();
    int[] ids = new int[all.length];
    for (int i = 0; i < all.length; i++) {
      ids[i] = all[i].protectionProfileId();
    }
    return new UseSRTPData(ids, TlsUtils.EMPTY_BYTES);
  }

  /** Server side: the first of our preferred profiles the client offered. */
  static SrtpProfile select(Hashtable<?, ?> clientExtensions) throws IOException {
    UseSRTPData data = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (data == null) {
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "client did not offer use_srtp");
    }
    for (SrtpProfile p : SrtpProfile.values()) {
      for (int id : data.getProtectionProfiles()) {
        if (id == p.protectionProfileId()) {
          return p;
        }
      }
    }
    throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP profile");
  }

  /** Client side: the one profile the server chose, which must be one we offered. */
  static SrtpProfile selected(Hashtable<?, ?> serverExtensions) throws IOException {
    UseSRTPData data = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (data == null || data.getProtectionProfiles().length != 1) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server use_srtp missing");
    }
    SrtpProfile p = SrtpProfile.fromProtectionProfileId(data.getProtectionProfiles()[0]);
    if (p == null) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose unknown profile");
    }
    return p;
  }

  /** RFC 5764 §4.2 key export, right after the Finished messages verified. */
  static SrtpKeys exportKeys(TlsContext context, SrtpProfile profile, boolean localIsClient) {
    byte[] material = context.exportKeyingMaterial(
        ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
    return SrtpKeys.fromKeyingMaterial(profile, material, localIsClient);
  }
}
