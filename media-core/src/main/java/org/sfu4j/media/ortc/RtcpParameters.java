package org.sfu4j.media.ortc;

/** RTCP settings of a producer or consumer. */
public final class RtcpParameters {
  /** Canonical name (SDES CNAME) of the sending endpoint. */
  public String cname;
  /** Reduced-size RTCP (RFC 5506); defaults to true. */
  public Boolean reducedSize;
  /** RTCP multiplexed with RTP (RFC 5761). */
  public Boolean mux;

  public RtcpParameters() {}

  public RtcpParameters(String cname, Boolean reducedSize, Boolean mux) {
    this.cname = cname;
    this.reducedSize = reducedSize;
    this.mux = mux;
  }

  public RtcpParameters deepCopy() {
    return new RtcpParameters(cname, reducedSize, mux);
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
