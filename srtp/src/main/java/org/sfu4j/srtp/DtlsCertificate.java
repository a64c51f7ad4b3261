package org.sfu4j.srtp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * The worker's DTLS identity: a self-signed ECDSA P-256 X.509 certificate and its private key,
 * built with bcprov's ASN.1 classes (no bcpkix). WebRTC authenticates the certificate by its
 * fingerprint in the signalling, not by a CA, so subject and validity only need to be sane:
 * random serial, random CN, valid from a day ago (clock skew) for 30 days. Create one per worker
 * and share it with every {@link DtlsEndpoint} of that worker; immutable and thread-safe.
 */
public final class DtlsCertificate {
  /** Fingerprint algorithms we can compute and verify, SDP spelling. */
  public static final List<String> FINGERPRINT_ALGORITHMS =
      List.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512");

  private static final Duration VALIDITY = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] der;
  private final AsymmetricKeyParameter privateKey;
  private final List<DtlsFingerprint> fingerprints;

  private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey) {
    this.der = der;
    this.privateKey = privateKey;
    List<DtlsFingerprint> fps = new ArrayList<>();
    for (String alg : FINGERPRINT_ALGORITHMS) {
      fps.add(new DtlsFingerprint(alg, fingerprintOf(alg, der)));
    }
    this.fingerprints = Collections.unmodifiableList(fps);
  }

  /** Generates a fresh key pair and self-signed certificate (a few milliseconds). */
  public static DtlsCertificate generateEcdsaP256() {
    // Named-curve parameters: the SubjectPublicKeyInfo must carry the secp256r1 OID, not explicit
    // curve parameters, or browsers and the JDK refuse the certificate.
    X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
    ECDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve);
    ECKeyPairGenerator gen = new ECKeyPairGenerator();
    gen.init(new ECKeyGenerationParameters(domain, RANDOM));
    AsymmetricCipherKeyPair pair = gen.generateKeyPair();
    try {
      X500Name name = new X500Name("CN=" + randomName());
      long now = System.currentTimeMillis();
      AlgorithmIdentifier sigAlg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
      V3TBSCertificateGenerator tbsGen = new V3TBSCertificateGenerator();
      tbsGen.setSerialNumber(new ASN1Integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)));
      tbsGen.setIssuer(name);
      tbsGen.setSubject(name);
      tbsGen.setStartDate(new Time(new Date(now - Duration.ofDays(1).toMillis())));
      tbsGen.setEndDate(new Time(new Date(now + VALIDITY.toMillis())));
      tbsGen.setSignature(sigAlg);
      tbsGen.setSubjectPublicKeyInfo(
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()));
      TBSCertificate tbs = tbsGen.generateTBSCertificate();

      DSADigestSigner signer = new DSADigestSigner(
          new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest(),
          StandardDSAEncoding.INSTANCE);
      signer.init(true, pair.getPrivate());
      byte[] tbsDer = tbs.getEncoded(ASN1Encoding.DER);
      signer.update(tbsDer, 0, tbsDer.length);
      byte[] signature = signer.generateSignature();

      Certificate cert = Certificate.getInstance(
          new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
              tbs, sigAlg, new DERBitString(signature)}));
      return new DtlsCertificate(cert.getEncoded(ASN1Encoding.DER), pair.getPrivate());
    } catch (IOException e) {
      throw new IllegalStateException("certificate generation failed", e);
    }
  }

  /** DER encoding of the X.509 certificate (a copy). */
  public byte[] encoded() {
    return der.clone();
  }

  AsymmetricKeyParameter privateKey() {
    return privateKey;
  }

  byte[] derNoCopy() {
    return der;
  }

  /**
   * Fingerprint of this certificate with {@code algorithm} ("sha-1" ... "sha-512"), uppercase hex
   * with colons as in SDP.
   */
  public String fingerprint(String algorithm) {
    return fingerprintOf(algorithm, der);
  }

  /** Fingerprints with every supported algorithm, sha-1 first (mediasoup's order). */
  public List<DtlsFingerprint> fingerprints() {
    return fingerprints;
  }

  /**
   * Fingerprint of arbitrary DER bytes (the peer's certificate).
   *
   * @throws IllegalArgumentException for an algorithm outside {@link #FINGERPRINT_ALGORITHMS}
   */
  public static String fingerprintOf(String algorithm, byte[] certificateDer) {
    String jca = jcaName(algorithm);
    byte[] digest;
    try {
      digest = MessageDigest.getInstance(jca).digest(certificateDer);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jca + " unavailable", e);
    }
    StringBuilder sb = new StringBuilder(digest.length * 3);
    for (int i = 0; i < digest.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xf, 16)));
      sb.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xf, 16)));
    }
    return sb.toString();
  }

  /** Whether {@code algorithm} is one we can verify. */
  public static boolean isSupportedAlgorithm(String algorithm) {
    return algorithm != null
        && FINGERPRINT_ALGORITHMS.contains(algorithm.toLowerCase(Locale.ROOT));
  }

  private static String jcaName(String algorithm) {
    if (algorithm == null) {
      throw new IllegalArgumentException("fingerprint algorithm is null");
    }
    switch (algorithm.toLowerCase(Locale.ROOT)) {
      case "sha-1":
        return "SHA-1";
      case "sha-224":
        return "SHA-224";
      case "sha-256":
        return "SHA-256";
      case "sha-384":
        return "SHA-384";
      case "sha-512":
        return "SHA-512";
      default:
        throw new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm);
    }
  }

  private static String randomName() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    StringBuilder sb = new StringBuilder("sfu4j-");
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return sb.toString();
  }
}
