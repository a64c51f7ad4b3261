package org.sfu4j.media.ortc;

import java.util.Map;

/** A header extension negotiated for one producer or consumer, with its id on that stream. */
public final class RtpHeaderExtensionParameters {
  /** Mandatory. */
  public String uri;
  /** Mandatory, 1..255 (1..14 for one-byte headers). */
  public Integer id;
  /** Defaults to false. */
  public Boolean encrypt;
  /** Defaults to {}. */
  public Map<String, Object> parameters;

  public RtpHeaderExtensionParameters() {}

  public RtpHeaderExtensionParameters(String uri, int id) {
    this.uri = uri;
    this.id = id;
    this.encrypt = false;
    this.parameters = new java.util.LinkedHashMap<>();
  }

  public RtpHeaderExtensionParameters deepCopy() {
    RtpHeaderExtensionParameters copy = new RtpHeaderExtensionParameters();
    copy.uri = uri;
    copy.id = id;
    copy.encrypt = encrypt;
    copy.parameters = Copies.parameters(parameters);
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
