package org.sfu4j.media.ortc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * mediasoup v3 ORTC rules as pure static functions: router capabilities, validation (with
 * mediasoup's defaults filled in place), producer→router mapping and consumer parameters.
 * Validation errors are {@link IllegalArgumentException}s naming the field; things we cannot do
 * are {@link org.sfu4j.media.UnsupportedException}s.
 */
public final class Ortc {
  /**
   * The mapper for every mediasoup-shaped payload: nulls omitted, unknown properties ignored, and
   * no silent scalar coercion ("96" is not a payload type), mirroring mediasoup's typeof checks.
   */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private Ortc() {}

  /** Compact JSON of a POJO (for toString and logs). */
  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return value.getClass().getSimpleName() + "(unserializable: " + e.getMessage() + ")";
    }
  }

  public static RtpCapabilities generateRouterRtpCapabilities(List<RtpCodecCapability> mediaCodecs) {
    throw new UnsupportedOperationException("not yet");
  }

  public static void validateRtpCapabilities(RtpCapabilities caps) {
    throw new UnsupportedOperationException("not yet");
  }

  public static void validateRtpParameters(RtpParameters params) {
    throw new UnsupportedOperationException("not yet");
  }

  public static RtpMapping getProducerRtpParametersMapping(
      RtpParameters params, RtpCapabilities routerCaps) {
    throw new UnsupportedOperationException("not yet");
  }

  public static RtpParameters getConsumableRtpParameters(
      MediaKind kind, RtpParameters params, RtpCapabilities routerCaps, RtpMapping mapping) {
    throw new UnsupportedOperationException("not yet");
  }

  public static boolean canConsume(RtpParameters consumableParams, RtpCapabilities remoteCaps) {
    throw new UnsupportedOperationException("not yet");
  }

  public static RtpParameters getConsumerRtpParameters(
      RtpParameters consumableParams, RtpCapabilities remoteCaps, boolean pipe, boolean enableRtx) {
    throw new UnsupportedOperationException("not yet");
  }

  public static RtpParameters getPipeConsumerRtpParameters(
      RtpParameters consumableParams, boolean enableRtx) {
    throw new UnsupportedOperationException("not yet");
  }
}
