package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
  private static X509Certificate parse(DtlsCertificate c) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(c.encoded()));
  }

  @Test
  void jdkAcceptsTheSelfSignedEcdsaCertificate() throws Exception {
    DtlsCertificate c = DtlsCertificate.generateEcdsaP256();
    X509Certificate x = parse(c);
    x.verify(x.getPublicKey()); // self-signature is valid
    assertEquals("SHA256withECDSA", x.getSigAlgName());
    assertEquals("EC", x.getPublicKey().getAlgorithm());
    assertEquals(x.getSubjectX500Principal(), x.getIssuerX500Principal());
    assertTrue(x.getSubjectX500Principal().getName().startsWith("CN=sfu4j-"));
    assertEquals(3, x.getVersion());
    x.checkValidity(new Date());
    long validityMs = x.getNotAfter().getTime() - System.currentTimeMillis();
    assertTrue(Math.abs(validityMs - Duration.ofDays(30).toMillis()) < 60_000);
    assertTrue(x.getSerialNumber().signum() > 0);
  }

  @Test
  void eachCertificateIsUnique() throws Exception {
    DtlsCertificate a = DtlsCertificate.generateEcdsaP256();
    DtlsCertificate b = DtlsCertificate.generateEcdsaP256();
    assertNotEquals(parse(a).getSerialNumber(), parse(b).getSerialNumber());
    assertNotEquals(parse(a).getSubjectX500Principal(), parse(b).getSubjectX500Principal());
    assertNotEquals(a.fingerprint("sha-256"), b.fingerprint("sha-256"));
  }

  @Test
  void fingerprintsAreSdpFormattedDigestsOfTheDer() throws Exception {
    DtlsCertificate c = DtlsCertificate.generateEcdsaP256();
    String[][] algs = {{"sha-1", "SHA-1", "20"}, {"sha-224", "SHA-224", "28"},
        {"sha-256", "SHA-256", "32"}, {"sha-384", "SHA-384", "48"},
        {"sha-512", "SHA-512", "64"}};
    for (String[] a : algs) {
      byte[] d = MessageDigest.getInstance(a[1]).digest(c.encoded());
      StringBuilder sb = new StringBuilder();
      for (byte x : d) {
        sb.append(sb.length() == 0 ? "" : ":").append(String.format("%02X", x & 0xff));
      }
      String fp = c.fingerprint(a[0]);
      assertEquals(sb.toString(), fp);
      assertEquals(Integer.parseInt(a[2]) * 3 - 1, fp.length());
      assertTrue(fp.matches("([0-9A-F]{2}:)+[0-9A-F]{2}"));
    }
    assertEquals(c.fingerprint("sha-256"), c.fingerprint("SHA-256"));
    List<DtlsFingerprint> all = c.fingerprints();
    assertEquals(5, all.size());
    assertEquals(new DtlsFingerprint("sha-256", c.fingerprint("sha-256")), all.get(2));
    assertThrows(IllegalArgumentException.class, () -> c.fingerprint("md5"));
  }

  @Test
  void roleJsonSpellingAndParameterBean() {
    assertEquals("auto", DtlsRole.AUTO.jsonValue());
    assertEquals("client", DtlsRole.CLIENT.jsonValue());
    assertEquals(DtlsRole.SERVER, DtlsRole.fromJson("server"));
    assertEquals(DtlsRole.CLIENT, DtlsRole.fromJson("CLIENT"));
    assertThrows(IllegalArgumentException.class, () -> DtlsRole.fromJson("actpass"));
    DtlsParameters p = new DtlsParameters();
    assertEquals(DtlsRole.AUTO, p.getRole());
    p.setRole(DtlsRole.CLIENT);
    p.setFingerprints(List.of(new DtlsFingerprint("sha-256", "AB:CD")));
    assertEquals("AB:CD", p.getFingerprints().get(0).getValue());
    assertTrue(new DtlsFingerprint("sha-256", "AB:CD").matches("SHA-256", "ab:cd"));
    assertFalse(new DtlsFingerprint("sha-256", "AB:CD").matches("sha-1", "AB:CD"));
  }
}
