package org.sfu4j.media.ortc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Codec comparison with mediasoup's rules: mime type (case-insensitive), clock rate and channels
 * always; in strict mode also the parameters that change the bitstream (H264 profile and
 * packetization-mode, VP9 profile-id, AV1 profile).
 */
final class Codecs {
  private Codecs() {}

  static boolean isRtx(String mimeType) {
    if (mimeType == null) {
      return false;
    }
    int slash = mimeType.indexOf('/');
    return slash > 0 && mimeType.length() - slash == 4
        && mimeType.regionMatches(true, slash + 1, "rtx", 0, 3);
  }

  static boolean isIntegral(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return true;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d);
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).stripTrailingZeros().scale() <= 0;
    }
    return false;
  }

  /**
   * An integer parameter: integral numbers and decimal strings ("1") count; anything else
   * (absent, text, fractional) gives {@code absent}. Lenient on purpose: SDP-derived parameters
   * are sometimes strings.
   */
  static int intParam(Map<String, Object> parameters, String key, int absent) {
    Object v = parameters == null ? null : parameters.get(key);
    if (v == null) {
      return absent;
    }
    if (isIntegral(v)) {
      long l = ((Number) v).longValue();
      return l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? absent : (int) l;
    }
    if (v instanceof String) {
      String s = (String) v;
      if (s.isEmpty() || s.length() > 9) {
        return absent;
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return absent;
        }
      }
      return Integer.parseInt(s);
    }
    return absent;
  }

  /**
   * Whether codec {@code a} matches {@code b}. In strict mode with {@code modifyA}, a matching
   * H264 codec {@code a} gets the negotiated profile-level-id written into its parameters (as
   * mediasoup does for producers).
   */
  static boolean match(String aMime, Integer aClock, Integer aChannels, Map<String, Object> aParams,
      String bMime, Integer bClock, Integer bChannels, Map<String, Object> bParams,
      boolean strict, boolean modifyA) {
    if (aMime == null || !aMime.equalsIgnoreCase(bMime)) {
      return false;
    }
    if (!java.util.Objects.equals(aClock, bClock)) {
      return false;
    }
    if (!java.util.Objects.equals(aChannels, bChannels)) {
      return false;
    }
    if (!strict) {
      return true;
    }
    String mime = aMime.toLowerCase(java.util.Locale.ROOT);
    switch (mime) {
      case "video/h264": {
        if (intParam(aParams, "packetization-mode", 0) != intParam(bParams, "packetization-mode", 0)) {
          return false;
        }
        if (!H264ProfileLevelId.isSameProfile(aParams, bParams)) {
          return false;
        }
        String answer;
        try {
          answer = H264ProfileLevelId.answerFor(aParams, bParams);
        } catch (IllegalArgumentException e) {
          return false;
        }
        if (modifyA && aParams != null) {
          if (answer != null) {
            aParams.put("profile-level-id", answer);
          } else {
            aParams.remove("profile-level-id");
          }
        }
        return true;
      }
      case "video/vp9":
        return intParam(aParams, "profile-id", 0) == intParam(bParams, "profile-id", 0);
      case "video/av1":
        return intParam(aParams, "profile", 0) == intParam(bParams, "profile", 0);
      default:
        return true;
    }
  }

  static boolean match(RtpCodecParameters a, RtpCodecCapability b, boolean strict, boolean modifyA) {
    return match(a.mimeType, a.clockRate, a.channels, a.parameters,
        b.mimeType, b.clockRate, b.channels, b.parameters, strict, modifyA);
  }

  static boolean match(RtpCodecCapability a, RtpCodecCapability b, boolean strict) {
    return match(a.mimeType, a.clockRate, a.channels, a.parameters,
        b.mimeType, b.clockRate, b.channels, b.parameters, strict, false);
  }

  static boolean match(RtpCodecCapability a, RtpCodecParameters b, boolean strict) {
    return match(a.mimeType, a.clockRate, a.channels, a.parameters,
        b.mimeType, b.clockRate, b.channels, b.parameters, strict, false);
  }
}
