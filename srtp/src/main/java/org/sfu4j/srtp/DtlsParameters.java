package org.sfu4j.srtp;

import java.util.ArrayList;
import java.util.List;

/**
 * mediasoup's {@code DtlsParameters}: {@code {role, fingerprints}}. Plain bean (no-arg constructor,
 * getters/setters) so media-core's JSON mapper can read and write it.
 */
public final class DtlsParameters {
  private DtlsRole role = DtlsRole.AUTO;
  private List<DtlsFingerprint> fingerprints = new ArrayList<>();

  public DtlsParameters() {}

  public DtlsParameters(DtlsRole role, List<DtlsFingerprint> fingerprints) {
    this.role = role;
    this.fingerprints = new ArrayList<>(fingerprints);
  }

  public DtlsRole getRole() {
    return role;
  }

  public void setRole(DtlsRole role) {
    this.role = role;
  }

  public List<DtlsFingerprint> getFingerprints() {
    return fingerprints;
  }

  public void setFingerprints(List<DtlsFingerprint> fingerprints) {
    this.fingerprints = fingerprints;
  }

  @Override
  public String toString() {
    return "DtlsParameters{role=" + role + ", fingerprints=" + fingerprints + "}";
  }
}
