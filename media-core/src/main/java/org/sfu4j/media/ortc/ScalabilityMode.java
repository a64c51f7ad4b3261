package org.sfu4j.media.ortc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed scalability mode such as "L1T3", "L3T3_KEY" or "S3T3" (W3C webrtc-svc). Anything
 * unparseable (including null) means a single spatial and temporal layer, as in mediasoup.
 *
 * @param spatialLayers number of spatial layers (1..99)
 * @param temporalLayers number of temporal layers (1..99)
 * @param ksvc true for "_KEY" modes (spatial layers depend on each other only at key frames)
 */
public record ScalabilityMode(int spatialLayers, int temporalLayers, boolean ksvc) {
  private static final Pattern PATTERN = Pattern.compile("^[LS]([1-9][0-9]?)T([1-9][0-9]?)(_KEY)?");
  private static final ScalabilityMode DEFAULT = new ScalabilityMode(1, 1, false);

  /** Never throws: null or unparseable input gives L1T1. */
  public static ScalabilityMode parse(String scalabilityMode) {
    if (scalabilityMode == null) {
      return DEFAULT;
    }
    Matcher m = PATTERN.matcher(scalabilityMode);
    if (!m.find()) {
      return DEFAULT;
    }
    return new ScalabilityMode(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) != null);
  }
}
