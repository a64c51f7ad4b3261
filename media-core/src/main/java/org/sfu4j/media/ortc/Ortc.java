package org.sfu4j.media.ortc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.sfu4j.media.UnsupportedException;

/**
 * mediasoup v3 ORTC rules as pure static functions: router capabilities, validation (with
 * mediasoup's defaults filled in place), producer→router mapping and consumer parameters.
 *
 * <p>Errors: {@link IllegalArgumentException} for malformed input (the message starts with the
 * field path, e.g. {@code rtpParameters.codecs[1].parameters.apt is required for video/rtx}),
 * {@link UnsupportedException} for well-formed input we cannot serve (unknown codec, no common
 * codec). Functions that take a {@link RandomGenerator} exist so tests and simulations can be
 * deterministic; the others use {@link ThreadLocalRandom}.
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

  /** mediasoup's dynamic payload type order: 100..127 first, then 96..99. */
  private static final int[] DYNAMIC_PAYLOAD_TYPES = dynamicPayloadTypes();

  /** SSRCs and mapped SSRCs are drawn from mediasoup's range so they read alike in logs. */
  private static final int MIN_RANDOM_SSRC = 100_000_000;
  private static final int MAX_RANDOM_SSRC = 999_999_999;

  private static final char[] CNAME_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ortc() {}

  // ------------------------------------------------------------------ JSON

  /**
   * Binds a JSON tree to a POJO (e.g. {@code RtpParameters.class}); a value of the wrong JSON type
   * becomes an {@link IllegalArgumentException} naming the field under {@code what}, e.g.
   * {@code rtpParameters.codecs[0].clockRate has a wrong type}. Does not validate semantics.
   */
  public static <T> T fromJson(JsonNode node, Class<T> type, String what) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new IllegalArgumentException(what + " is required");
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(what + " must be an object");
    }
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(what + path(e) + " has a wrong type or value", e);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(what + " is malformed", e);
    }
  }

  /** Like {@link #fromJson(JsonNode, Class, String)} for JSON text. */
  public static <T> T fromJson(String json, Class<T> type, String what) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON", e);
    }
    return fromJson(node, type, what);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** Compact JSON of a POJO (for toString and logs). */
  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return value.getClass().getSimpleName() + "(unserializable: " + e.getMessage() + ")";
    }
  }

  // ------------------------------------------------------------------ router

  /**
   * The router's capabilities for {@code mediaCodecs} (mediasoup's {@code createRouter}): each
   * entry matched against {@link SupportedRtpCapabilities}, its parameters merged over the
   * supported ones, a payload type chosen (the given preferredPayloadType, else the supported
   * static one, else the next free of 100..127, 96..99), and an RTX codec added after every video
   * codec. Unlike mediasoup, every explicitly preferred payload type is reserved first, so a
   * dynamic allocation can never collide with a later entry's preference.
   *
   * @throws UnsupportedException {@code media codec not supported [mimeType:video/H265]}
   * @throws IllegalArgumentException for a malformed entry or a duplicated preferredPayloadType
   */
  public static RtpCapabilities generateRouterRtpCapabilities(List<RtpCodecCapability> mediaCodecs) {
    RtpCapabilities supported = SupportedRtpCapabilities.get();
    List<RtpCodecCapability> given = new ArrayList<>();
    if (mediaCodecs != null) {
      for (int i = 0; i < mediaCodecs.size(); i++) {
        RtpCodecCapability copy = mediaCodecs.get(i) == null ? null : mediaCodecs.get(i).deepCopy();
        Validation.codecCapability(copy, "mediaCodecs[" + i + "]");
        given.add(copy);
      }
    }
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      Integer pt = given.get(i).preferredPayloadType;
      if (pt != null && !taken.add(pt)) {
        throw new IllegalArgumentException(
            "mediaCodecs[" + i + "].preferredPayloadType " + pt + " is duplicated");
      }
    }
    Deque<Integer> free = new ArrayDeque<>();
    for (int pt : DYNAMIC_PAYLOAD_TYPES) {
      if (!taken.contains(pt)) {
        free.add(pt);
      }
    }

    List<RtpCodecCapability> codecs = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      RtpCodecCapability mediaCodec = given.get(i);
      String path = "mediaCodecs[" + i + "]";
      RtpCodecCapability matched = null;
      for (RtpCodecCapability s : supported.codecs) {
        if (Codecs.match(mediaCodec, s, false)) {
          matched = s;
          break;
        }
      }
      if (matched == null) {
        throw new UnsupportedException(
            "media codec not supported [mimeType:" + mediaCodec.mimeType + "]");
      }
      if ("video/h264".equalsIgnoreCase(mediaCodec.mimeType)) {
        checkH264Parameters(mediaCodec.parameters, path + ".parameters");
      }
      RtpCodecCapability codec = matched.deepCopy();
      if (mediaCodec.preferredPayloadType != null) {
        codec.preferredPayloadType = mediaCodec.preferredPayloadType;
      } else if (codec.preferredPayloadType == null) {
        codec.preferredPayloadType = nextPayloadType(free);
      }
      if (!used.add(codec.preferredPayloadType)) {
        throw new IllegalArgumentException(path + ".preferredPayloadType "
            + codec.preferredPayloadType + " is duplicated");
      }
      Map<String, Object> merged = new LinkedHashMap<>(codec.parameters);
      merged.putAll(mediaCodec.parameters);
      codec.parameters = merged;
      codecs.add(codec);

      if (codec.kind == MediaKind.VIDEO) {
        RtpCodecCapability rtx = new RtpCodecCapability();
        rtx.kind = MediaKind.VIDEO;
        rtx.mimeType = "video/rtx";
        rtx.preferredPayloadType = nextPayloadType(free);
        used.add(rtx.preferredPayloadType);
        rtx.clockRate = codec.clockRate;
        rtx.parameters = new LinkedHashMap<>();
        rtx.parameters.put("apt", codec.preferredPayloadType);
        rtx.rtcpFeedback = new ArrayList<>();
        codecs.add(rtx);
      }
    }
    return new RtpCapabilities(codecs, supported.headerExtensions);
  }

  private static void checkH264Parameters(Map<String, Object> parameters, String path) {
    Object pli = parameters.get("profile-level-id");
    if (pli != null && (!(pli instanceof String) || H264ProfileLevelId.parse((String) pli) == null)) {
      throw new IllegalArgumentException(
          path + ".profile-level-id " + pli + " is not a valid H264 profile-level-id");
    }
    Object pm = parameters.get("packetization-mode");
    if (pm != null) {
      int mode = Codecs.intParam(parameters, "packetization-mode", -1);
      if (mode != 0 && mode != 1) {
        throw new IllegalArgumentException(path + ".packetization-mode must be 0 or 1 (got " + pm + ")");
      }
    }
  }

  private static int nextPayloadType(Deque<Integer> free) {
    Integer pt = free.poll();
    if (pt == null) {
      throw new UnsupportedException("cannot allocate more dynamic codec payload types");
    }
    return pt;
  }

  private static int[] dynamicPayloadTypes() {
    int[] pts = new int[32];
    int n = 0;
    for (int pt = 100; pt <= 127; pt++) {
      pts[n++] = pt;
    }
    for (int pt = 96; pt <= 99; pt++) {
      pts[n++] = pt;
    }
    return pts;
  }

  // ------------------------------------------------------------------ validation

  /**
   * Validates capabilities (a router's or a device's) and fills mediasoup's defaults in place:
   * codec kind from mimeType, audio channels 1, video channels removed, parameters {},
   * rtcpFeedback [] with parameter "", preferredEncrypt false, direction "sendrecv".
   */
  public static void validateRtpCapabilities(RtpCapabilities caps) {
    Validation.capabilities(caps, "rtpCapabilities");
  }

  /**
   * Validates RTP parameters and fills defaults in place (as for capabilities, plus encrypt false,
   * dtx false, encodings [], rtcp.reducedSize true). Beyond mediasoup's type checks it enforces
   * the rules its worker rejects later: non-empty codecs, unique payload types, RTX with an apt
   * naming a media codec, unique header extension ids, unique SSRCs and RIDs.
   */
  public static void validateRtpParameters(RtpParameters params) {
    Validation.parameters(params, "rtpParameters");
  }

  // ------------------------------------------------------------------ producer

  /** {@link #getProducerRtpParametersMapping(RtpParameters, RtpCapabilities, RandomGenerator)}. */
  public static RtpMapping getProducerRtpParametersMapping(
      RtpParameters params, RtpCapabilities routerCaps) {
    return getProducerRtpParametersMapping(params, routerCaps, ThreadLocalRandom.current());
  }

  /**
   * Maps a (validated) producer's payload types to the router's and gives each encoding a mapped
   * SSRC (consecutive from a random base). Each media codec must strictly match a router codec;
   * for H264 the producer's profile-level-id is rewritten in place to the negotiated one, as in
   * mediasoup. A producer needs at least one encoding, each named by ssrc or rid.
   *
   * @throws UnsupportedException {@code unsupported codec [mimeType:video/H265, payloadType:96]}
   */
  public static RtpMapping getProducerRtpParametersMapping(
      RtpParameters params, RtpCapabilities routerCaps, RandomGenerator random) {
    if (params.encodings == null || params.encodings.isEmpty()) {
      throw new IllegalArgumentException("rtpParameters.encodings must not be empty");
    }
    for (int i = 0; i < params.encodings.size(); i++) {
      RtpEncodingParameters encoding = params.encodings.get(i);
      if (encoding.ssrc == null && encoding.rid == null) {
        throw new IllegalArgumentException(
            "rtpParameters.encodings[" + i + "] needs an ssrc or a rid");
      }
    }
    Map<RtpCodecParameters, RtpCodecCapability> toCap = new LinkedHashMap<>();
    for (RtpCodecParameters codec : params.codecs) {
      if (Codecs.isRtx(codec.mimeType)) {
        continue;
      }
      RtpCodecCapability matched = null;
      for (RtpCodecCapability cap : routerCaps.codecs) {
        if (Codecs.match(codec, cap, true, true)) {
          matched = cap;
          break;
        }
      }
      if (matched == null) {
        throw new UnsupportedException("unsupported codec [mimeType:" + codec.mimeType
            + ", payloadType:" + codec.payloadType + "]");
      }
      toCap.put(codec, matched);
    }
    for (RtpCodecParameters codec : params.codecs) {
      if (!Codecs.isRtx(codec.mimeType)) {
        continue;
      }
      int apt = Codecs.intParam(codec.parameters, "apt", -1);
      RtpCodecParameters media = mediaCodecFor(params.codecs, apt);
      if (media == null) {
        throw new IllegalArgumentException(
            "missing media codec for RTX payloadType " + codec.payloadType + " (apt " + apt + ")");
      }
      RtpCodecCapability capMedia = toCap.get(media);
      RtpCodecCapability capRtx = rtxFor(routerCaps, capMedia.preferredPayloadType);
      if (capRtx == null) {
        throw new UnsupportedException(
            "no RTX codec for capability codec payloadType " + capMedia.preferredPayloadType);
      }
      toCap.put(codec, capRtx);
    }

    RtpMapping mapping = new RtpMapping();
    for (Map.Entry<RtpCodecParameters, RtpCodecCapability> e : toCap.entrySet()) {
      mapping.codecs.add(
          new RtpMapping.CodecMapping(e.getKey().payloadType, e.getValue().preferredPayloadType));
    }
    long mappedSsrc = randomSsrc(random);
    for (RtpEncodingParameters encoding : params.encodings) {
      RtpMapping.EncodingMapping m = new RtpMapping.EncodingMapping();
      m.ssrc = encoding.ssrc;
      m.rid = encoding.rid;
      m.scalabilityMode = encoding.scalabilityMode;
      m.mappedSsrc = mappedSsrc++;
      mapping.encodings.add(m);
    }
    return mapping;
  }

  private static RtpCodecCapability rtxFor(RtpCapabilities caps, Integer mediaPayloadType) {
    for (RtpCodecCapability c : caps.codecs) {
      if (Codecs.isRtx(c.mimeType)
          && mediaPayloadType != null
          && Codecs.intParam(c.parameters, "apt", -1) == mediaPayloadType) {
        return c;
      }
    }
    return null;
  }

  /**
   * What every consumer of this producer starts from: the router's codecs (with the producer's
   * codec parameters) each followed by the router's RTX, the router's header extensions for
   * {@code kind} that may be sent to consumers (sendrecv/sendonly), the producer's encodings with
   * mapped SSRCs (rid, rtx and codecPayloadType removed), and {@code rtcp {cname, reducedSize
   * true, mux true}}.
   */
  public static RtpParameters getConsumableRtpParameters(
      MediaKind kind, RtpParameters params, RtpCapabilities routerCaps, RtpMapping mapping) {
    RtpParameters consumable = new RtpParameters();
    consumable.codecs = new ArrayList<>();
    consumable.headerExtensions = new ArrayList<>();
    consumable.encodings = new ArrayList<>();
    for (RtpCodecParameters codec : params.codecs) {
      if (Codecs.isRtx(codec.mimeType)) {
        continue;
      }
      Integer mappedPt = null;
      for (RtpMapping.CodecMapping m : mapping.codecs) {
        if (codec.payloadType.equals(m.payloadType)) {
          mappedPt = m.mappedPayloadType;
          break;
        }
      }
      RtpCodecCapability cap = null;
      for (RtpCodecCapability c : routerCaps.codecs) {
        if (mappedPt != null && mappedPt.equals(c.preferredPayloadType)) {
          cap = c;
          break;
        }
      }
      if (cap == null) {
        throw new IllegalArgumentException("rtpMapping has no router codec for payloadType "
            + codec.payloadType + " (" + codec.mimeType + ")");
      }
      RtpCodecParameters media = new RtpCodecParameters();
      media.mimeType = cap.mimeType;
      media.payloadType = cap.preferredPayloadType;
      media.clockRate = cap.clockRate;
      media.channels = cap.channels;
      media.parameters = Copies.parameters(codec.parameters); // keep the producer's fmtp
      media.rtcpFeedback = Copies.feedback(cap.rtcpFeedback);
      consumable.codecs.add(media);

      RtpCodecCapability capRtx = rtxFor(routerCaps, media.payloadType);
      if (capRtx != null) {
        RtpCodecParameters rtx = new RtpCodecParameters();
        rtx.mimeType = capRtx.mimeType;
        rtx.payloadType = capRtx.preferredPayloadType;
        rtx.clockRate = capRtx.clockRate;
        rtx.parameters = Copies.parameters(capRtx.parameters);
        rtx.rtcpFeedback = Copies.feedback(capRtx.rtcpFeedback);
        consumable.codecs.add(rtx);
      }
    }
    for (RtpHeaderExtension ext : routerCaps.headerExtensions) {
      if (ext.kind != kind
          || !(RtpHeaderExtension.SENDRECV.equals(ext.direction)
              || RtpHeaderExtension.SENDONLY.equals(ext.direction))) {
        continue;
      }
      RtpHeaderExtensionParameters p = new RtpHeaderExtensionParameters(ext.uri, ext.preferredId);
      p.encrypt = ext.preferredEncrypt != null && ext.preferredEncrypt;
      consumable.headerExtensions.add(p);
    }
    if (mapping.encodings.size() != params.encodings.size()) {
      throw new IllegalArgumentException("rtpMapping has " + mapping.encodings.size()
          + " encodings but rtpParameters has " + params.encodings.size());
    }
    for (int i = 0; i < params.encodings.size(); i++) {
      RtpEncodingParameters encoding = params.encodings.get(i).deepCopy();
      encoding.rid = null;
      encoding.rtx = null;
      encoding.codecPayloadType = null;
      encoding.ssrc = mapping.encodings.get(i).mappedSsrc;
      consumable.encodings.add(encoding);
    }
    consumable.rtcp =
        new RtcpParameters(params.rtcp == null ? null : params.rtcp.cname, true, true);
    return consumable;
  }

  // ------------------------------------------------------------------ consumer

  /**
   * Whether a device with {@code remoteCaps} can receive a producer: at least one of its
   * consumable media codecs strictly matches a remote codec. Validates (and normalises)
   * {@code remoteCaps}, so malformed capabilities throw rather than answer false.
   */
  public static boolean canConsume(RtpParameters consumableParams, RtpCapabilities remoteCaps) {
    validateRtpCapabilities(remoteCaps);
    for (RtpCodecParameters codec : consumableParams.codecs) {
      if (Codecs.isRtx(codec.mimeType)) {
        continue;
      }
      for (RtpCodecCapability cap : remoteCaps.codecs) {
        if (Codecs.match(cap, codec, true)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@link #getConsumerRtpParameters(RtpParameters, RtpCapabilities, boolean, boolean, RandomGenerator)}. */
  public static RtpParameters getConsumerRtpParameters(
      RtpParameters consumableParams, RtpCapabilities remoteCaps, boolean pipe, boolean enableRtx) {
    return getConsumerRtpParameters(
        consumableParams, remoteCaps, pipe, enableRtx, ThreadLocalRandom.current());
  }

  /**
   * A consumer's parameters: consumable codecs the remote can receive (remote rtcpFeedback; RTX
   * only when enabled and its media codec survives), header extensions the remote knows with the
   * same id, and RTCP feedback reduced to one congestion controller (transport-cc if its extension
   * survives, else goog-remb with abs-send-time, else neither). Not pipe: one encoding with a
   * fresh SSRC, RTX SSRC = SSRC + 1 when RTX survives, the max of the producer's maxBitrates,
   * and scalabilityMode {@code L<encodings>T<temporal layers>} for simulcast (what mediasoup
   * sends, e.g. L3T3 for three L1T3 rids); a CNAME is generated when the producer had none.
   * Pipe: every encoding kept with fresh consecutive SSRCs.
   *
   * @throws UnsupportedException {@code no compatible media codecs}
   */
  public static RtpParameters getConsumerRtpParameters(RtpParameters consumableParams,
      RtpCapabilities remoteCaps, boolean pipe, boolean enableRtx, RandomGenerator random) {
    validateRtpCapabilities(remoteCaps);
    RtpParameters consumer = new RtpParameters();
    consumer.codecs = new ArrayList<>();
    consumer.encodings = new ArrayList<>();
    consumer.rtcp = consumableParams.rtcp == null
        ? new RtcpParameters(null, true, true) : consumableParams.rtcp.deepCopy();

    for (RtpCodecParameters consumable : consumableParams.codecs) {
      if (!enableRtx && Codecs.isRtx(consumable.mimeType)) {
        continue;
      }
      RtpCodecCapability matched = null;
      for (RtpCodecCapability cap : remoteCaps.codecs) {
        if (Codecs.match(cap, consumable, true)) {
          matched = cap;
          break;
        }
      }
      if (matched == null) {
        continue;
      }
      RtpCodecParameters codec = consumable.deepCopy();
      codec.rtcpFeedback = new ArrayList<>();
      for (RtcpFeedback fb : matched.rtcpFeedback) {
        // Without RTX a generic NACK would ask for retransmissions we won't send.
        if (enableRtx || !"nack".equals(fb.type) || !fb.parameter.isEmpty()) {
          codec.rtcpFeedback.add(fb.deepCopy());
        }
      }
      consumer.codecs.add(codec);
    }
    boolean rtxSupported = false;
    for (int i = consumer.codecs.size() - 1; i >= 0; i--) {
      RtpCodecParameters codec = consumer.codecs.get(i);
      if (!Codecs.isRtx(codec.mimeType)) {
        continue;
      }
      int apt = Codecs.intParam(codec.parameters, "apt", -1);
      if (mediaCodecFor(consumer.codecs, apt) != null) {
        rtxSupported = true;
      } else {
        consumer.codecs.remove(i);
      }
    }
    if (consumer.codecs.isEmpty() || Codecs.isRtx(consumer.codecs.get(0).mimeType)) {
      throw new UnsupportedException("no compatible media codecs");
    }

    consumer.headerExtensions = new ArrayList<>();
    for (RtpHeaderExtensionParameters ext : consumableParams.headerExtensions) {
      for (RtpHeaderExtension cap : remoteCaps.headerExtensions) {
        if (cap.preferredId.equals(ext.id) && cap.uri.equals(ext.uri)) {
          consumer.headerExtensions.add(ext.deepCopy());
          break;
        }
      }
    }
    reduceCongestionFeedback(consumer);

    if (!pipe) {
      RtpEncodingParameters encoding = new RtpEncodingParameters();
      encoding.ssrc = randomSsrc(random);
      if (rtxSupported) {
        encoding.rtx = new RtpEncodingParameters.Rtx(encoding.ssrc + 1);
      }
      String scalabilityMode = null;
      long maxBitrate = 0;
      for (RtpEncodingParameters e : consumableParams.encodings) {
        if (scalabilityMode == null && e.scalabilityMode != null && !e.scalabilityMode.isEmpty()) {
          scalabilityMode = e.scalabilityMode;
        }
        if (e.maxBitrate != null && e.maxBitrate > maxBitrate) {
          maxBitrate = e.maxBitrate;
        }
      }
      if (consumableParams.encodings.size() > 1) {
        int temporalLayers = ScalabilityMode.parse(scalabilityMode).temporalLayers();
        scalabilityMode = "L" + consumableParams.encodings.size() + "T" + temporalLayers;
      }
      encoding.scalabilityMode = scalabilityMode;
      if (maxBitrate > 0) {
        encoding.maxBitrate = maxBitrate;
      }
      consumer.encodings.add(encoding);
      if (consumer.rtcp.cname == null || consumer.rtcp.cname.isEmpty()) {
        consumer.rtcp.cname = randomCname(random);
      }
    } else {
      addRenumberedEncodings(consumer, consumableParams, rtxSupported, random);
    }
    return consumer;
  }

  /**
   * Every pipe consumer ({@link #getPipeConsumerRtpParameters} and the {@code pipe} branch of
   * {@link #getConsumerRtpParameters}): a copy of every consumable encoding with consecutive SSRCs from one random base (and RTX SSRCs from a second base when
   * {@code withRtx}, else no RTX).
   */
  private static void addRenumberedEncodings(RtpParameters consumer,
      RtpParameters consumableParams, boolean withRtx, RandomGenerator random) {
    long baseSsrc = randomSsrc(random);
    long baseRtxSsrc = randomSsrc(random);
    for (int i = 0; i < consumableParams.encodings.size(); i++) {
      RtpEncodingParameters encoding = consumableParams.encodings.get(i).deepCopy();
      encoding.ssrc = baseSsrc + i;
      encoding.rtx = withRtx ? new RtpEncodingParameters.Rtx(baseRtxSsrc + i) : null;
      consumer.encodings.add(encoding);
    }
  }

  private static void reduceCongestionFeedback(RtpParameters consumer) {
    boolean twcc = false;
    boolean absSendTime = false;
    for (RtpHeaderExtensionParameters ext : consumer.headerExtensions) {
      twcc |= SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01.equals(ext.uri);
      absSendTime |= SupportedRtpCapabilities.URI_ABS_SEND_TIME.equals(ext.uri);
    }
    for (RtpCodecParameters codec : consumer.codecs) {
      final boolean keepTwcc = twcc;
      final boolean keepRemb = !twcc && absSendTime;
      codec.rtcpFeedback.removeIf(fb -> ("transport-cc".equals(fb.type) && !keepTwcc)
          || ("goog-remb".equals(fb.type) && !keepRemb));
    }
  }

  /** {@link #getPipeConsumerRtpParameters(RtpParameters, boolean, RandomGenerator)}. */
  public static RtpParameters getPipeConsumerRtpParameters(
      RtpParameters consumableParams, boolean enableRtx) {
    return getPipeConsumerRtpParameters(consumableParams, enableRtx, ThreadLocalRandom.current());
  }

  /**
   * Parameters for a consumer on a pipe transport (router to router): all consumable codecs (RTX
   * only when enabled), RTCP feedback reduced to PLI, FIR (and NACK with RTX), header extensions
   * minus the per-transport ones (mid, abs-send-time, transport-cc), and every encoding with fresh
   * consecutive SSRCs (and RTX SSRCs when enabled).
   */
  public static RtpParameters getPipeConsumerRtpParameters(
      RtpParameters consumableParams, boolean enableRtx, RandomGenerator random) {
    RtpParameters consumer = new RtpParameters();
    consumer.codecs = new ArrayList<>();
    consumer.headerExtensions = new ArrayList<>();
    consumer.encodings = new ArrayList<>();
    consumer.rtcp = consumableParams.rtcp == null
        ? new RtcpParameters(null, true, true) : consumableParams.rtcp.deepCopy();
    for (RtpCodecParameters consumable : consumableParams.codecs) {
      if (!enableRtx && Codecs.isRtx(consumable.mimeType)) {
        continue;
      }
      RtpCodecParameters codec = consumable.deepCopy();
      codec.rtcpFeedback.removeIf(fb -> !(("nack".equals(fb.type) && "pli".equals(fb.parameter))
          || ("ccm".equals(fb.type) && "fir".equals(fb.parameter))
          || (enableRtx && "nack".equals(fb.type) && fb.parameter.isEmpty())));
      consumer.codecs.add(codec);
    }
    for (RtpHeaderExtensionParameters ext : consumableParams.headerExtensions) {
      if (!SupportedRtpCapabilities.URI_MID.equals(ext.uri)
          && !SupportedRtpCapabilities.URI_ABS_SEND_TIME.equals(ext.uri)
          && !SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01.equals(ext.uri)) {
        consumer.headerExtensions.add(ext.deepCopy());
      }
    }
    addRenumberedEncodings(consumer, consumableParams, enableRtx, random);
    return consumer;
  }

  /** The first non-RTX codec in {@code codecs} with payload type {@code apt}, else null. */
  private static RtpCodecParameters mediaCodecFor(List<RtpCodecParameters> codecs, int apt) {
    for (RtpCodecParameters c : codecs) {
      if (c.payloadType == apt && !Codecs.isRtx(c.mimeType)) {
        return c;
      }
    }
    return null;
  }

  private static long randomSsrc(RandomGenerator random) {
    return random.nextInt(MIN_RANDOM_SSRC, MAX_RANDOM_SSRC + 1);
  }

  private static String randomCname(RandomGenerator random) {
    char[] c = new char[16];
    for (int i = 0; i < c.length; i++) {
      c[i] = CNAME_ALPHABET[random.nextInt(CNAME_ALPHABET.length)];
    }
    return new String(c);
  }
}
