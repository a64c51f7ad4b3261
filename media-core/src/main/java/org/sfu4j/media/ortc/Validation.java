package org.sfu4j.media.ortc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mediasoup's validate* functions: type/presence checks with defaults filled in place, plus the
 * structural rules mediasoup's worker enforces (unique payload types, RTX apt, unique ids). Every
 * message starts with the field path, e.g. {@code rtpParameters.codecs[1].parameters.apt}.
 */
final class Validation {
  static final long MAX_SSRC = 0xFFFF_FFFFL;

  private Validation() {}

  // ---------------------------------------------------------------- capabilities

  static void capabilities(RtpCapabilities caps, String path) {
    if (caps == null) {
      throw new IllegalArgumentException(path + " is required");
    }
    if (caps.codecs == null) {
      caps.codecs = new ArrayList<>();
    }
    for (int i = 0; i < caps.codecs.size(); i++) {
      codecCapability(caps.codecs.get(i), path + ".codecs[" + i + "]");
    }
    if (caps.headerExtensions == null) {
      caps.headerExtensions = new ArrayList<>();
    }
    for (int i = 0; i < caps.headerExtensions.size(); i++) {
      headerExtension(caps.headerExtensions.get(i), path + ".headerExtensions[" + i + "]");
    }
  }

  static void codecCapability(RtpCodecCapability codec, String path) {
    if (codec == null) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    MediaKind kind = kindOfMimeType(codec.mimeType, path);
    if (codec.kind == null) {
      codec.kind = kind;
    } else if (codec.kind != kind) {
      throw new IllegalArgumentException(
          path + ".kind " + codec.kind + " does not match mimeType " + codec.mimeType);
    }
    if (codec.preferredPayloadType != null) {
      payloadType(codec.preferredPayloadType, path + ".preferredPayloadType");
    }
    clockRate(codec.clockRate, path + ".clockRate");
    codec.channels = channels(kind, codec.channels, path + ".channels");
    codec.parameters = parameters(codec.parameters, path + ".parameters");
    if (Codecs.isRtx(codec.mimeType) && codec.parameters.containsKey("apt")) {
      apt(codec.parameters.get("apt"), path + ".parameters.apt");
    }
    codec.rtcpFeedback = feedback(codec.rtcpFeedback, path + ".rtcpFeedback");
  }

  static void headerExtension(RtpHeaderExtension ext, String path) {
    if (ext == null) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    if (ext.kind == null) {
      throw new IllegalArgumentException(path + ".kind is required");
    }
    uri(ext.uri, path + ".uri");
    if (ext.preferredId == null) {
      throw new IllegalArgumentException(path + ".preferredId is required");
    }
    extensionId(ext.preferredId, path + ".preferredId");
    if (ext.preferredEncrypt == null) {
      ext.preferredEncrypt = false;
    }
    if (ext.direction == null) {
      ext.direction = RtpHeaderExtension.SENDRECV;
    } else if (!ext.direction.equals(RtpHeaderExtension.SENDRECV)
        && !ext.direction.equals(RtpHeaderExtension.SENDONLY)
        && !ext.direction.equals(RtpHeaderExtension.RECVONLY)
        && !ext.direction.equals(RtpHeaderExtension.INACTIVE)) {
      throw new IllegalArgumentException(path + ".direction \"" + ext.direction
          + "\" is not one of sendrecv, sendonly, recvonly, inactive");
    }
  }

  // ---------------------------------------------------------------- parameters

  static void parameters(RtpParameters params, String path) {
    if (params == null) {
      throw new IllegalArgumentException(path + " is required");
    }
    if (params.codecs == null) {
      throw new IllegalArgumentException(path + ".codecs is required");
    }
    if (params.codecs.isEmpty()) {
      throw new IllegalArgumentException(path + ".codecs must not be empty");
    }
    for (int i = 0; i < params.codecs.size(); i++) {
      codecParameters(params.codecs.get(i), path + ".codecs[" + i + "]");
    }
    if (params.headerExtensions == null) {
      params.headerExtensions = new ArrayList<>();
    }
    for (int i = 0; i < params.headerExtensions.size(); i++) {
      headerExtensionParameters(params.headerExtensions.get(i), path + ".headerExtensions[" + i + "]");
    }
    if (params.encodings == null) {
      params.encodings = new ArrayList<>();
    }
    for (int i = 0; i < params.encodings.size(); i++) {
      encoding(params.encodings.get(i), path + ".encodings[" + i + "]");
    }
    if (params.rtcp == null) {
      params.rtcp = new RtcpParameters();
    }
    if (params.rtcp.reducedSize == null) {
      params.rtcp.reducedSize = true;
    }
    structure(params, path);
  }

  static void codecParameters(RtpCodecParameters codec, String path) {
    if (codec == null) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    MediaKind kind = kindOfMimeType(codec.mimeType, path);
    if (codec.payloadType == null) {
      throw new IllegalArgumentException(path + ".payloadType is required");
    }
    payloadType(codec.payloadType, path + ".payloadType");
    clockRate(codec.clockRate, path + ".clockRate");
    codec.channels = channels(kind, codec.channels, path + ".channels");
    codec.parameters = parameters(codec.parameters, path + ".parameters");
    if (Codecs.isRtx(codec.mimeType)) {
      if (!codec.parameters.containsKey("apt")) {
        throw new IllegalArgumentException(
            path + ".parameters.apt is required for " + codec.mimeType);
      }
      apt(codec.parameters.get("apt"), path + ".parameters.apt");
    }
    codec.rtcpFeedback = feedback(codec.rtcpFeedback, path + ".rtcpFeedback");
  }

  static void headerExtensionParameters(RtpHeaderExtensionParameters ext, String path) {
    if (ext == null) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    uri(ext.uri, path + ".uri");
    if (ext.id == null) {
      throw new IllegalArgumentException(path + ".id is required");
    }
    extensionId(ext.id, path + ".id");
    if (ext.encrypt == null) {
      ext.encrypt = false;
    }
    ext.parameters = parameters(ext.parameters, path + ".parameters");
  }

  static void encoding(RtpEncodingParameters encoding, String path) {
    if (encoding == null) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    if (encoding.ssrc != null) {
      ssrc(encoding.ssrc, path + ".ssrc");
    }
    if (encoding.rid != null && encoding.rid.isEmpty()) {
      throw new IllegalArgumentException(path + ".rid must not be empty");
    }
    if (encoding.codecPayloadType != null) {
      payloadType(encoding.codecPayloadType, path + ".codecPayloadType");
    }
    if (encoding.rtx != null) {
      if (encoding.rtx.ssrc == null) {
        throw new IllegalArgumentException(path + ".rtx.ssrc is required");
      }
      ssrc(encoding.rtx.ssrc, path + ".rtx.ssrc");
    }
    if (encoding.dtx == null) {
      encoding.dtx = false;
    }
  }

  /** Cross-entry rules: what the worker needs to build its lookup tables unambiguously. */
  private static void structure(RtpParameters params, String path) {
    Map<Integer, RtpCodecParameters> byPt = new LinkedHashMap<>();
    for (int i = 0; i < params.codecs.size(); i++) {
      RtpCodecParameters codec = params.codecs.get(i);
      if (byPt.putIfAbsent(codec.payloadType, codec) != null) {
        throw new IllegalArgumentException(
            path + ".codecs[" + i + "].payloadType " + codec.payloadType + " is duplicated");
      }
    }
    for (int i = 0; i < params.codecs.size(); i++) {
      RtpCodecParameters codec = params.codecs.get(i);
      if (!Codecs.isRtx(codec.mimeType)) {
        continue;
      }
      int apt = Codecs.intParam(codec.parameters, "apt", -1);
      RtpCodecParameters media = byPt.get(apt);
      if (media == null || Codecs.isRtx(media.mimeType)) {
        throw new IllegalArgumentException(path + ".codecs[" + i + "].parameters.apt " + apt
            + " does not name a media codec payload type");
      }
    }
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < params.headerExtensions.size(); i++) {
      RtpHeaderExtensionParameters ext = params.headerExtensions.get(i);
      if (!ids.add(ext.id)) {
        throw new IllegalArgumentException(
            path + ".headerExtensions[" + i + "].id " + ext.id + " is duplicated");
      }
    }
    Set<Long> ssrcs = new HashSet<>();
    Set<String> rids = new HashSet<>();
    for (int i = 0; i < params.encodings.size(); i++) {
      RtpEncodingParameters encoding = params.encodings.get(i);
      String p = path + ".encodings[" + i + "]";
      if (encoding.codecPayloadType != null) {
        RtpCodecParameters codec = byPt.get(encoding.codecPayloadType);
        if (codec == null || Codecs.isRtx(codec.mimeType)) {
          throw new IllegalArgumentException(p + ".codecPayloadType " + encoding.codecPayloadType
              + " does not name a media codec payload type");
        }
      }
      if (encoding.ssrc != null && !ssrcs.add(encoding.ssrc)) {
        throw new IllegalArgumentException(p + ".ssrc " + encoding.ssrc + " is duplicated");
      }
      if (encoding.rtx != null && !ssrcs.add(encoding.rtx.ssrc)) {
        throw new IllegalArgumentException(p + ".rtx.ssrc " + encoding.rtx.ssrc + " is duplicated");
      }
      if (encoding.rid != null && !rids.add(encoding.rid)) {
        throw new IllegalArgumentException(p + ".rid \"" + encoding.rid + "\" is duplicated");
      }
    }
  }

  // ---------------------------------------------------------------- leaves

  private static MediaKind kindOfMimeType(String mimeType, String path) {
    if (mimeType == null) {
      throw new IllegalArgumentException(path + ".mimeType is required");
    }
    MediaKind kind = MediaKind.ofMimeType(mimeType);
    if (kind == null) {
      throw new IllegalArgumentException(
          path + ".mimeType \"" + mimeType + "\" is not of the form audio/* or video/*");
    }
    return kind;
  }

  private static void payloadType(int pt, String path) {
    if (pt < 0 || pt > 127) {
      throw new IllegalArgumentException(path + " must be in 0..127 (got " + pt + ")");
    }
  }

  private static void clockRate(Integer clockRate, String path) {
    if (clockRate == null) {
      throw new IllegalArgumentException(path + " is required");
    }
    if (clockRate <= 0) {
      throw new IllegalArgumentException(path + " must be positive (got " + clockRate + ")");
    }
  }

  private static Integer channels(MediaKind kind, Integer channels, String path) {
    if (kind == MediaKind.VIDEO) {
      return null; // mediasoup drops channels for video
    }
    if (channels == null) {
      return 1;
    }
    if (channels < 1 || channels > 255) {
      throw new IllegalArgumentException(path + " must be in 1..255 (got " + channels + ")");
    }
    return channels;
  }

  private static void extensionId(int id, String path) {
    if (id < 1 || id > 255) {
      throw new IllegalArgumentException(path + " must be in 1..255 (got " + id + ")");
    }
  }

  private static void uri(String uri, String path) {
    if (uri == null || uri.isEmpty()) {
      throw new IllegalArgumentException(path + " is required");
    }
  }

  private static void ssrc(long ssrc, String path) {
    if (ssrc < 0 || ssrc > MAX_SSRC) {
      throw new IllegalArgumentException(path + " must be in 0..4294967295 (got " + ssrc + ")");
    }
  }

  private static void apt(Object apt, String path) {
    if (!Codecs.isIntegral(apt)) {
      throw new IllegalArgumentException(path + " must be an integer payload type (got " + apt + ")");
    }
    long value = ((Number) apt).longValue();
    if (value < 0 || value > 127) {
      throw new IllegalArgumentException(path + " must be in 0..127 (got " + apt + ")");
    }
  }

  /** Values must be strings or numbers; null becomes "" (mediasoup). Returns the map to keep. */
  private static Map<String, Object> parameters(Map<String, Object> parameters, String path) {
    if (parameters == null) {
      return new LinkedHashMap<>();
    }
    for (Map.Entry<String, Object> e : parameters.entrySet()) {
      Object v = e.getValue();
      if (v != null && !(v instanceof String) && !isPlainNumber(v)) {
        throw new IllegalArgumentException(
            path + "." + e.getKey() + " must be a string or a number (got " + v + ")");
      }
    }
    // Always a fresh mutable map: H264 negotiation rewrites profile-level-id in place later.
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : parameters.entrySet()) {
      copy.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
    }
    return copy;
  }

  private static boolean isPlainNumber(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof Double || v instanceof Float || v instanceof BigInteger
        || v instanceof BigDecimal;
  }

  private static List<RtcpFeedback> feedback(List<RtcpFeedback> feedback, String path) {
    if (feedback == null) {
      return new ArrayList<>();
    }
    for (int i = 0; i < feedback.size(); i++) {
      RtcpFeedback fb = feedback.get(i);
      if (fb == null) {
        throw new IllegalArgumentException(path + "[" + i + "] must be an object");
      }
      if (fb.type == null || fb.type.isEmpty()) {
        throw new IllegalArgumentException(path + "[" + i + "].type is required");
      }
      if (fb.parameter == null) {
        fb.parameter = "";
      }
    }
    return feedback;
  }
}
