package org.sfu4j.srtp;

import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as signalled in SDP ({@code a=fingerprint}) and in mediasoup's
 * {@code DtlsParameters.fingerprints}: hash algorithm name ("sha-256") and uppercase colon-separated
 * hex. Mutable bean (no-arg constructor, setters) so JSON mappers can build it.
 */
public final class DtlsFingerprint {
  private String algorithm;
  private String value;

  public DtlsFingerprint() {}

  public DtlsFingerprint(String algorithm, String value) {
    this.algorithm = algorithm;
    this.value = value;
  }

  public String getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(String algorithm) {
    this.algorithm = algorithm;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  /** Whether this fingerprint names the same algorithm and digest, ignoring letter case. */
  public boolean matches(String otherAlgorithm, String otherValue) {
    return algorithm != null && value != null && otherAlgorithm != null && otherValue != null
        && algorithm.toLowerCase(Locale.ROOT).equals(otherAlgorithm.toLowerCase(Locale.ROOT))
        && value.equalsIgnoreCase(otherValue);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DtlsFingerprint)) {
      return false;
    }
    DtlsFingerprint other = (DtlsFingerprint) o;
    return Objects.equals(algorithm, other.algorithm) && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, value);
  }

  @Override
  public String toString() {
    return algorithm + " " + value;
  }
}
