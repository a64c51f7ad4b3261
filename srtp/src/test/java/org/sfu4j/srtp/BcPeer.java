package org.sfu4j.srtp;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The independent peer: BouncyCastle's own DTLS client/server configured by the test (its own
 * use_srtp handling, key export and certificate capture), not through our endpoint code.
 */
final class BcPeer {
  private BcPeer() {}

  /** What the peer learned in the handshake. */
  static final class Outcome {
    volatile int profileId = -1;
    volatile byte[] keyingMaterial;
    volatile byte[] remoteCertificateDer;
    volatile boolean closeNotifyReceived;
  }

  private static int materialLength(int profileId) {
    int key = profileId == 0x0008 ? 32 : 16;
    int salt = (profileId == 0x0007 || profileId == 0x0008) ? 12 : 14;
    return 2 * (key + salt);
  }

  private static TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto,
      DtlsCertificate cert) throws IOException {
    Certificate chain = new Certificate(
        new TlsCertificate[] {crypto.createCertificate(cert.encoded())});
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
        cert.privateKey(), chain,
        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }

  /** Both roles: RFC 5764 key export with the profile the handshake settled on. */
  private static void exportKeyingMaterial(TlsContext context, Outcome outcome) {
    outcome.keyingMaterial = context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null,
        materialLength(outcome.profileId));
  }

  private static void noteAlert(Outcome outcome, short description) {
    if (description == AlertDescription.close_notify) {
      outcome.closeNotifyReceived = true;
    }
  }

  static final class Client extends DefaultTlsClient {
    final Outcome outcome = new Outcome();
    private final DtlsCertificate cert;
    private final int[] offered;

    Client(DtlsCertificate cert, int... offeredProfiles) {
      super(new BcTlsCrypto());
      this.cert = cert;
      this.offered = offeredProfiles;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
      Hashtable ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
      TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(offered, TlsUtils.EMPTY_BYTES));
      return ext;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
      super.processServerExtensions(serverExtensions);
      outcome.profileId = TlsSRTPUtils.getUseSRTPExtension(serverExtensions)
          .getProtectionProfiles()[0];
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate sc) throws IOException {
          outcome.remoteCertificateDer = sc.getCertificate().getCertificateAt(0).getEncoded();
        }

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request)
            throws IOException {
          return signer(context, (BcTlsCrypto) getCrypto(), cert);
        }
      };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      exportKeyingMaterial(context, outcome);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
      noteAlert(outcome, description);
    }
  }

  static final class Server extends DefaultTlsServer {
    final Outcome outcome = new Outcome();
    private final DtlsCertificate cert;
    private final int choice;

    Server(DtlsCertificate cert, int profileChoice) {
      super(new BcTlsCrypto());
      this.cert = cert;
      this.choice = profileChoice;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      // The peer's certificate is ECDSA, like a browser's.
      return TlsUtils.getSupportedCipherSuites(getCrypto(), new int[] {
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384});
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
      return signer(context, (BcTlsCrypto) getCrypto(), cert);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
      Vector<?> algs = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
      return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign}, algs, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
      outcome.remoteCertificateDer = clientCertificate.getCertificateAt(0).getEncoded();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
      super.processClientExtensions(clientExtensions);
      int[] offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions).getProtectionProfiles();
      for (int id : offered) {
        if (id == choice) {
          outcome.profileId = id;
          return;
        }
      }
      throw new TlsFatalAlert(AlertDescription.handshake_failure);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
      Hashtable ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
      TlsSRTPUtils.addUseSRTPExtension(ext,
          new UseSRTPData(new int[] {outcome.profileId}, TlsUtils.EMPTY_BYTES));
      return ext;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      exportKeyingMaterial(context, outcome);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
      noteAlert(outcome, description);
    }
  }

  static List<DtlsFingerprint> sha256Of(DtlsCertificate cert) throws Exception {
    byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(cert.encoded());
    StringBuilder sb = new StringBuilder();
    for (byte b : d) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(String.format("%02X", b & 0xff));
    }
    return List.of(new DtlsFingerprint("sha-256", sb.toString()));
  }
}
