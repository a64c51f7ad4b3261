package org.sfu4j.media.ortc;

import java.util.ArrayList;
import java.util.List;

/** What a producer sends or a consumer receives: the mediasoup v3 {@code RtpParameters}. */
public final class RtpParameters {
  public String mid;
  /** Mandatory; media codecs first, each RTX after its media codec. */
  public List<RtpCodecParameters> codecs;
  /** Defaults to []. */
  public List<RtpHeaderExtensionParameters> headerExtensions;
  /** Defaults to []; a producer needs at least one. */
  public List<RtpEncodingParameters> encodings;
  /** Defaults to {reducedSize: true}. */
  public RtcpParameters rtcp;
  /** "streamId trackId" as in the a=msid SDP attribute. */
  public String msid;

  public RtpParameters() {}

  public RtpParameters deepCopy() {
    RtpParameters copy = new RtpParameters();
    copy.mid = mid;
    if (codecs != null) {
      copy.codecs = new ArrayList<>(codecs.size());
      for (RtpCodecParameters c : codecs) {
        copy.codecs.add(c == null ? null : c.deepCopy());
      }
    }
    if (headerExtensions != null) {
      copy.headerExtensions = new ArrayList<>(headerExtensions.size());
      for (RtpHeaderExtensionParameters e : headerExtensions) {
        copy.headerExtensions.add(e == null ? null : e.deepCopy());
      }
    }
    if (encodings != null) {
      copy.encodings = new ArrayList<>(encodings.size());
      for (RtpEncodingParameters e : encodings) {
        copy.encodings.add(e == null ? null : e.deepCopy());
      }
    }
    copy.rtcp = rtcp == null ? null : rtcp.deepCopy();
    copy.msid = msid;
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
