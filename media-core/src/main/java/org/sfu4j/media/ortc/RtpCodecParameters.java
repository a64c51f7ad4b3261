package org.sfu4j.media.ortc;

import java.util.List;
import java.util.Map;

/** A codec negotiated for one producer or consumer (an entry of {@code RtpParameters.codecs}). */
public final class RtpCodecParameters {
  /** Mandatory, e.g. "video/VP8" or "video/rtx". */
  public String mimeType;
  /** Mandatory, 0..127. */
  public Integer payloadType;
  /** Mandatory. */
  public Integer clockRate;
  /** Audio only; defaults to 1 for audio and is removed for video by validation. */
  public Integer channels;
  /** Codec-specific parameters (values are String or Number); RTX carries "apt". Defaults to {}. */
  public Map<String, Object> parameters;
  /** Defaults to []. */
  public List<RtcpFeedback> rtcpFeedback;

  public RtpCodecParameters() {}

  public RtpCodecParameters deepCopy() {
    RtpCodecParameters copy = new RtpCodecParameters();
    copy.mimeType = mimeType;
    copy.payloadType = payloadType;
    copy.clockRate = clockRate;
    copy.channels = channels;
    copy.parameters = Copies.parameters(parameters);
    copy.rtcpFeedback = Copies.feedback(rtcpFeedback);
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
