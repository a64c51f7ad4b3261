package org.sfu4j.media.ortc;

import java.util.List;
import java.util.Map;

/**
 * A codec a router (or a remote device) can handle: an entry of {@code RtpCapabilities.codecs} or
 * of the {@code mediaCodecs} given to {@code createRouter}.
 */
public final class RtpCodecCapability {
  /** Derived from {@link #mimeType} by validation when absent. */
  public MediaKind kind;
  /** e.g. "audio/opus", "video/VP8" (compared case-insensitively). Mandatory. */
  public String mimeType;
  public Integer preferredPayloadType;
  /** Mandatory. */
  public Integer clockRate;
  /** Audio only; defaults to 1 for audio and is removed for video by validation. */
  public Integer channels;
  /** Codec-specific parameters (values are String or Number); defaults to {}. */
  public Map<String, Object> parameters;
  /** Defaults to []. */
  public List<RtcpFeedback> rtcpFeedback;

  public RtpCodecCapability() {}

  public RtpCodecCapability deepCopy() {
    RtpCodecCapability copy = new RtpCodecCapability();
    copy.kind = kind;
    copy.mimeType = mimeType;
    copy.preferredPayloadType = preferredPayloadType;
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
