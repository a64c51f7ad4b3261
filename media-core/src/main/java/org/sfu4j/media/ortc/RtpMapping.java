package org.sfu4j.media.ortc;

import java.util.ArrayList;
import java.util.List;

/**
 * How a producer's wire values map to the router's: payload types to the router's preferred ones,
 * and each encoding (by SSRC or RID) to a router-chosen SSRC that consumers see.
 */
public final class RtpMapping {
  /** A producer payload type and the router payload type it becomes. */
  public static final class CodecMapping {
    public Integer payloadType;
    public Integer mappedPayloadType;

    public CodecMapping() {}

    public CodecMapping(int payloadType, int mappedPayloadType) {
      this.payloadType = payloadType;
      this.mappedPayloadType = mappedPayloadType;
    }

    public CodecMapping deepCopy() {
      CodecMapping copy = new CodecMapping();
      copy.payloadType = payloadType;
      copy.mappedPayloadType = mappedPayloadType;
      return copy;
    }
  }

  /** A producer encoding (named by SSRC and/or RID) and the SSRC the router gives it. */
  public static final class EncodingMapping {
    public Long ssrc;
    public String rid;
    public String scalabilityMode;
    public Long mappedSsrc;

    public EncodingMapping() {}

    public EncodingMapping deepCopy() {
      EncodingMapping copy = new EncodingMapping();
      copy.ssrc = ssrc;
      copy.rid = rid;
      copy.scalabilityMode = scalabilityMode;
      copy.mappedSsrc = mappedSsrc;
      return copy;
    }
  }

  public List<CodecMapping> codecs = new ArrayList<>();
  public List<EncodingMapping> encodings = new ArrayList<>();

  public RtpMapping() {}

  public RtpMapping deepCopy() {
    RtpMapping copy = new RtpMapping();
    if (codecs != null) {
      for (CodecMapping c : codecs) {
        copy.codecs.add(c.deepCopy());
      }
    } else {
      copy.codecs = null;
    }
    if (encodings != null) {
      for (EncodingMapping e : encodings) {
        copy.encodings.add(e.deepCopy());
      }
    } else {
      copy.encodings = null;
    }
    return copy;
  }

  @Override
  public String toString() {
    return Ortc.toJson(this);
  }
}
