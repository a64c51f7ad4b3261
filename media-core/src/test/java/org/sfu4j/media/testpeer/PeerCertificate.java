package org.sfu4j.media.testpeer;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * The test peer's own self-signed ECDSA P-256 certificate, built here with bcprov (independent
 * of the SFU's DtlsCertificate), and its SDP-style fingerprints.
 */
final class PeerCertificate {
  private static final SecureRandom RANDOM = new SecureRandom();

  final byte[] der;
  final AsymmetricKeyParameter privateKey;

  private PeerCertificate(byte[] der, AsymmetricKeyParameter privateKey) {
    this.der = der;
    this.privateKey = privateKey;
  }

  static PeerCertificate generate() {
    X9ECParameters p = CustomNamedCurves.getByName("secp256r1");
    ECKeyPairGenerator gen = new ECKeyPairGenerator();
    gen.init(new ECKeyGenerationParameters(
        new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH()), RANDOM));
    AsymmetricCipherKeyPair pair = gen.generateKeyPair();
    try {
      X500Name name = new X500Name("CN=webrtc-test-peer");
      AlgorithmIdentifier alg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
      V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
      tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(RANDOM.nextInt(1 << 30) + 1)));
      tbs.setIssuer(name);
      tbs.setSubject(name);
      long now = System.currentTimeMillis();
      tbs.setStartDate(new Time(new Date(now - 3_600_000L)));
      tbs.setEndDate(new Time(new Date(now + 86_400_000L)));
      tbs.setSignature(alg);
      tbs.setSubjectPublicKeyInfo(
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()));
      TBSCertificate cert = tbs.generateTBSCertificate();
      byte[] toSign = cert.getEncoded(ASN1Encoding.DER);
      DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(), new SHA256Digest(),
          StandardDSAEncoding.INSTANCE);
      signer.init(true, pair.getPrivate());
      signer.update(toSign, 0, toSign.length);
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(cert);
      v.add(alg);
      v.add(new DERBitString(signer.generateSignature()));
      return new PeerCertificate(new DERSequence(v).getEncoded(ASN1Encoding.DER),
          pair.getPrivate());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "AB:CD:..." of {@code der} with a JCA digest name ("SHA-256"). */
  static String fingerprint(String jcaDigest, byte[] der) {
    try {
      byte[] d = MessageDigest.getInstance(jcaDigest).digest(der);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < d.length; i++) {
        if (i > 0) {
          sb.append(':');
        }
        sb.append(String.format("%02X", d[i] & 0xff));
      }
      return sb.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
