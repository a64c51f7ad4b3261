package org.sfu4j.media.ortc;

import java.util.Objects;

/** One RTCP feedback mechanism of a codec ("nack", "nack pli", "ccm fir", "goog-remb", ...). */
public final class RtcpFeedback {
  /** Feedback type, e.g. "nack", "ccm", "goog-remb", "transport-cc". Mandatory. */
  public String type;
  /** Sub-type, e.g. "pli" or "fir"; "" when none (normalised by validation). */
  public String parameter;

  public RtcpFeedback() {}

  public RtcpFeedback(String type, String parameter) {
    this.type = type;
    this.parameter = parameter;
  }

  public RtcpFeedback deepCopy() {
    return new RtcpFeedback(type, parameter);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RtcpFeedback)) {
      return false;
    }
    RtcpFeedback other = (RtcpFeedback) o;
    return Objects.equals(type, other.type) && Objects.equals(parameter, other.parameter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, parameter);
  }

  @Override
  public String toString() {
    return parameter == null || parameter.isEmpty() ? type : type + " " + parameter;
  }
}
