package org.sfu4j.media.ortc;

import java.util.ArrayList;
import java.util.List;

/** What a router or a device can send/receive: codecs and header extensions. */
public final class RtpCapabilities {
  /** Defaults to []. */
  public List<RtpCodecCapability> codecs;
  /** Defaults to []. */
  public List<RtpHeaderExtension> headerExtensions;

  public RtpCapabilities() {}

  public RtpCapabilities(List<RtpCodecCapability> codecs, List<RtpHeaderExtension> headerExtensions) {
    this.codecs = codecs;
    this.headerExtensions = headerExtensions;
  }

  public RtpCapabilities deepCopy() {
    RtpCapabilities copy = new RtpCapabilities();
    if (codecs != null) {
      copy.codecs = new ArrayList<>(codecs.size());
      for (RtpCodecCapability c : codecs) {
        copy.codecs.add(c == null ? null : c.deepCopy());
      }
    }
    if (headerExtensions != null) {
      copy.headerExtensions = new ArrayList<>(headerExtensions.size());
      for (RtpHeaderExtension e : headerExtensions) {
        copy.headerExtensions.add(e == null ? null : e.deepCopy());
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
