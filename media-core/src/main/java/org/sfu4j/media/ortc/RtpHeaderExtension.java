package org.sfu4j.media.ortc;

/** A header extension a router or device supports (an entry of {@code RtpCapabilities}). */
public final class RtpHeaderExtension {
  public static final String SENDRECV = "sendrecv";
  public static final String SENDONLY = "sendonly";
  public static final String RECVONLY = "recvonly";
  public static final String INACTIVE = "inactive";

  /** Mandatory. */
  public MediaKind kind;
  /** Mandatory. */
  public String uri;
  /** Mandatory. */
  public Integer preferredId;
  /** Defaults to false. */
  public Boolean preferredEncrypt;
  /**
   * From the router's point of view: "sendrecv", "sendonly" (router only sends it to consumers),
   * "recvonly" (router only accepts it from producers) or "inactive". Defaults to "sendrecv".
   */
  public String direction;

  public RtpHeaderExtension() {}

  public RtpHeaderExtension(
      MediaKind kind, String uri, int preferredId, boolean preferredEncrypt, String direction) {
    this.kind = kind;
    this.uri = uri;
    this.preferredId = preferredId;
    this.preferredEncrypt = preferredEncrypt;
    this.direction = direction;
  }

  public RtpHeaderExtension deepCopy() {
    RtpHeaderExtension copy = new RtpHeaderExtension();
    copy.kind = kind;
    copy.uri = uri;
    copy.preferredId = preferredId;
    copy.preferredEncrypt = preferredEncrypt;
    copy.direction = direction;
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
