package org.sfu4j.media.ortc;

/**
 * One RTP stream (simulcast layer) of a producer, or the single stream of a consumer. A producer
 * encoding names its stream by {@link #ssrc} or by {@link #rid} (RFC 8852).
 */
public final class RtpEncodingParameters {
  /** The RTX stream associated with an encoding. */
  public static final class Rtx {
    /** Mandatory. */
    public Long ssrc;

    public Rtx() {}

    public Rtx(long ssrc) {
      this.ssrc = ssrc;
    }

    public Rtx deepCopy() {
      Rtx copy = new Rtx();
      copy.ssrc = ssrc;
      return copy;
    }
  }

  /** Unsigned 32-bit SSRC. */
  public Long ssrc;
  public String rid;
  public Integer codecPayloadType;
  public Rtx rtx;
  /** Defaults to false. */
  public Boolean dtx;
  /** e.g. "L1T3", "L3T3_KEY", "S3T3". */
  public String scalabilityMode;
  public Double scaleResolutionDownBy;
  public Long maxBitrate;
  public Double maxFramerate;
  public Boolean adaptivePtime;
  /** "very-low" | "low" | "medium" | "high". */
  public String priority;
  /** "very-low" | "low" | "medium" | "high". */
  public String networkPriority;

  public RtpEncodingParameters() {}

  public RtpEncodingParameters deepCopy() {
    RtpEncodingParameters copy = new RtpEncodingParameters();
    copy.ssrc = ssrc;
    copy.rid = rid;
    copy.codecPayloadType = codecPayloadType;
    copy.rtx = rtx == null ? null : rtx.deepCopy();
    copy.dtx = dtx;
    copy.scalabilityMode = scalabilityMode;
    copy.scaleResolutionDownBy = scaleResolutionDownBy;
    copy.maxBitrate = maxBitrate;
    copy.maxFramerate = maxFramerate;
    copy.adaptivePtime = adaptivePtime;
    copy.priority = priority;
    copy.networkPriority = networkPriority;
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
