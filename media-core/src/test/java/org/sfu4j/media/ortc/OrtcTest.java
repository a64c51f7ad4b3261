package org.sfu4j.media.ortc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.ortc.JsonAssert.assertJsonEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.UnsupportedException;

/** The ORTC pipeline against real Chrome + mediasoup-client 3.18.7 payloads. */
class OrtcTest {
  private static final long SEED = 20240521L;

  private static final String VIDEO_FB =
      "[{\"type\":\"nack\",\"parameter\":\"\"},{\"type\":\"nack\",\"parameter\":\"pli\"},"
          + "{\"type\":\"ccm\",\"parameter\":\"fir\"},{\"type\":\"goog-remb\",\"parameter\":\"\"},"
          + "{\"type\":\"transport-cc\",\"parameter\":\"\"}]";

  private static RtpCapabilities demoRouter() {
    return Ortc.generateRouterRtpCapabilities(MediasoupClientFixtures.demoMediaCodecs());
  }

  private static RtpCapabilities fixtureRouter() {
    return Ortc.generateRouterRtpCapabilities(MediasoupClientFixtures.fixtureMediaCodecs());
  }

  private static JsonNode tree(Object pojo) {
    return Ortc.JSON.valueToTree(pojo);
  }

  private static JsonNode json(String text) throws Exception {
    return Ortc.JSON.readTree(text.replace('\'', '"'));
  }

  private static long firstSsrc(long seed) {
    return new Random(seed).nextInt(100_000_000, 1_000_000_000);
  }

  // ------------------------------------------------------------------ router capabilities

  @Test
  void demoRouterCapabilitiesHaveMediasoupPayloadTypesAndRtx() throws Exception {
    RtpCapabilities caps = demoRouter();
    String expected = "["
        + "{'kind':'audio','mimeType':'audio/opus','preferredPayloadType':100,'clockRate':48000,"
        + "'channels':2,'parameters':{},'rtcpFeedback':[{'type':'nack','parameter':''},"
        + "{'type':'transport-cc','parameter':''}]},"
        + "{'kind':'video','mimeType':'video/VP8','preferredPayloadType':101,'clockRate':90000,"
        + "'parameters':{'x-google-start-bitrate':1000},'rtcpFeedback':" + VIDEO_FB + "},"
        + rtx(102, 101) + ","
        + "{'kind':'video','mimeType':'video/VP9','preferredPayloadType':103,'clockRate':90000,"
        + "'parameters':{'profile-id':2,'x-google-start-bitrate':1000},'rtcpFeedback':" + VIDEO_FB
        + "},"
        + rtx(104, 103) + ","
        + "{'kind':'video','mimeType':'video/H264','preferredPayloadType':105,'clockRate':90000,"
        + "'parameters':{'level-asymmetry-allowed':1,'packetization-mode':1,"
        + "'profile-level-id':'4d0032','x-google-start-bitrate':1000},'rtcpFeedback':" + VIDEO_FB
        + "},"
        + rtx(106, 105) + ","
        + "{'kind':'video','mimeType':'video/H264','preferredPayloadType':107,'clockRate':90000,"
        + "'parameters':{'level-asymmetry-allowed':1,'packetization-mode':1,"
        + "'profile-level-id':'42e01f','x-google-start-bitrate':1000},'rtcpFeedback':" + VIDEO_FB
        + "},"
        + rtx(108, 107) + "]";
    assertJsonEquals(json(expected), tree(caps.codecs));
    // Key order is part of "the mediasoup shape" too.
    assertEquals("{\"level-asymmetry-allowed\":1,\"packetization-mode\":1,"
        + "\"profile-level-id\":\"4d0032\",\"x-google-start-bitrate\":1000}",
        Ortc.JSON.writeValueAsString(caps.codecs.get(5).parameters));
  }

  private static String rtx(int pt, int apt) {
    return "{'kind':'video','mimeType':'video/rtx','preferredPayloadType':" + pt
        + ",'clockRate':90000,'parameters':{'apt':" + apt + "},'rtcpFeedback':[]}";
  }

  @Test
  void routerHeaderExtensionsUseMediasoupIdsAndDirections() throws Exception {
    String expected = "["
        + ext("audio", SupportedRtpCapabilities.URI_MID, 1, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_MID, 1, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_RID, 2, "recvonly") + ","
        + ext("video", SupportedRtpCapabilities.URI_REPAIRED_RID, 3, "recvonly") + ","
        + ext("audio", SupportedRtpCapabilities.URI_ABS_SEND_TIME, 4, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_ABS_SEND_TIME, 4, "sendrecv") + ","
        + ext("audio", SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01, 5, "recvonly") + ","
        + ext("video", SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01, 5, "sendrecv") + ","
        + ext("audio", SupportedRtpCapabilities.URI_SSRC_AUDIO_LEVEL, 10, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_VIDEO_ORIENTATION, 11, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_TOFFSET, 12, "sendrecv") + ","
        + ext("audio", SupportedRtpCapabilities.URI_ABS_CAPTURE_TIME, 13, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_ABS_CAPTURE_TIME, 13, "sendrecv") + ","
        + ext("audio", SupportedRtpCapabilities.URI_PLAYOUT_DELAY, 14, "sendrecv") + ","
        + ext("video", SupportedRtpCapabilities.URI_PLAYOUT_DELAY, 14, "sendrecv") + "]";
    assertJsonEquals(json(expected), tree(demoRouter().headerExtensions));
  }

  private static String ext(String kind, String uri, int id, String direction) {
    return "{'kind':'" + kind + "','uri':'" + uri + "','preferredId':" + id
        + ",'preferredEncrypt':false,'direction':'" + direction + "'}";
  }

  @Test
  void fixtureRouterReproducesThePayloadTypesTheDeviceSaw() {
    RtpCapabilities router = fixtureRouter();
    RtpCapabilities device = MediasoupClientFixtures.device();
    assertEquals(device.codecs.size(), router.codecs.size());
    for (int i = 0; i < router.codecs.size(); i++) {
      RtpCodecCapability r = router.codecs.get(i);
      RtpCodecCapability d = device.codecs.get(i);
      assertEquals(d.mimeType, r.mimeType, "codec " + i);
      assertEquals(d.preferredPayloadType, r.preferredPayloadType, "codec " + i);
      assertEquals(d.clockRate, r.clockRate, "codec " + i);
      assertEquals(d.channels, r.channels, "codec " + i);
      if (!r.mimeType.equals("audio/opus")) {
        assertJsonEquals(tree(d.parameters), tree(r.parameters), "codec " + i);
      }
    }
  }

  @Test
  void explicitPreferredPayloadTypesAreReservedBeforeDynamicAllocation() {
    RtpCodecCapability vp8 = MediasoupClientFixtures.codec("video/VP8", 90000, null, Map.of());
    RtpCodecCapability opus = MediasoupClientFixtures.codec("audio/opus", 48000, 2, Map.of());
    opus.preferredPayloadType = 101;
    RtpCodecCapability pcmu = MediasoupClientFixtures.codec("audio/PCMU", 8000, null, Map.of());
    RtpCodecCapability av1 = MediasoupClientFixtures.codec("video/AV1", 90000, null, Map.of());
    RtpCapabilities caps = Ortc.generateRouterRtpCapabilities(List.of(vp8, opus, pcmu, av1));
    assertEquals(List.of("video/VP8:100", "video/rtx:102", "audio/opus:101", "audio/PCMU:0",
            "video/AV1:103", "video/rtx:104"),
        caps.codecs.stream().map(c -> c.mimeType + ":" + c.preferredPayloadType).toList());
    assertEquals(100, caps.codecs.get(1).parameters.get("apt"));
    // The caller's list is not modified by validation.
    assertNull(vp8.kind);
  }

  @Test
  void unsupportedAndMalformedMediaCodecsAreRejectedPrecisely() {
    UnsupportedException h265 = assertThrows(UnsupportedException.class,
        () -> Ortc.generateRouterRtpCapabilities(
            List.of(MediasoupClientFixtures.codec("video/H265", 90000, null, Map.of()))));
    assertEquals("media codec not supported [mimeType:video/H265]", h265.getMessage());
    UnsupportedException mono = assertThrows(UnsupportedException.class,
        () -> Ortc.generateRouterRtpCapabilities(
            List.of(MediasoupClientFixtures.codec("audio/opus", 48000, 1, Map.of()))));
    assertEquals("media codec not supported [mimeType:audio/opus]", mono.getMessage());
    assertThrows(UnsupportedException.class, () -> Ortc.generateRouterRtpCapabilities(
        List.of(MediasoupClientFixtures.codec("video/rtx", 90000, null, Map.of("apt", 96)))));

    RtpCodecCapability a = MediasoupClientFixtures.codec("video/VP8", 90000, null, Map.of());
    RtpCodecCapability b = MediasoupClientFixtures.codec("video/VP9", 90000, null, Map.of());
    a.preferredPayloadType = 96;
    b.preferredPayloadType = 96;
    assertEquals("mediaCodecs[1].preferredPayloadType 96 is duplicated",
        assertThrows(IllegalArgumentException.class,
            () -> Ortc.generateRouterRtpCapabilities(List.of(a, b))).getMessage());

    RtpCodecCapability badH264 = MediasoupClientFixtures.codec(
        "video/H264", 90000, null, Map.of("profile-level-id", "zz001f"));
    assertEquals("mediaCodecs[0].parameters.profile-level-id zz001f is not a valid H264 "
            + "profile-level-id",
        assertThrows(IllegalArgumentException.class,
            () -> Ortc.generateRouterRtpCapabilities(List.of(badH264))).getMessage());
    RtpCodecCapability pm2 = MediasoupClientFixtures.codec(
        "video/H264", 90000, null, Map.of("packetization-mode", 2));
    assertEquals("mediaCodecs[0].parameters.packetization-mode must be 0 or 1 (got 2)",
        assertThrows(IllegalArgumentException.class,
            () -> Ortc.generateRouterRtpCapabilities(List.of(pm2))).getMessage());
    RtpCodecCapability noClock = MediasoupClientFixtures.codec("video/VP8", 0, null, Map.of());
    noClock.clockRate = null;
    assertEquals("mediaCodecs[0].clockRate is required",
        assertThrows(IllegalArgumentException.class,
            () -> Ortc.generateRouterRtpCapabilities(List.of(noClock))).getMessage());
    RtpCodecCapability badMime = MediasoupClientFixtures.codec("VP8", 90000, null, Map.of());
    assertEquals("mediaCodecs[0].mimeType \"VP8\" is not of the form audio/* or video/*",
        assertThrows(IllegalArgumentException.class,
            () -> Ortc.generateRouterRtpCapabilities(List.of(badMime))).getMessage());
  }

  @Test
  void runningOutOfDynamicPayloadTypesIsUnsupported() {
    List<RtpCodecCapability> many = new ArrayList<>();
    for (int i = 0; i < 17; i++) { // 17 video codecs + 17 RTX > 32 dynamic payload types
      many.add(MediasoupClientFixtures.codec("video/VP8", 90000, null, Map.of("x", i)));
    }
    assertEquals("cannot allocate more dynamic codec payload types",
        assertThrows(UnsupportedException.class,
            () -> Ortc.generateRouterRtpCapabilities(many)).getMessage());
  }

  // ------------------------------------------------------------------ producer mapping

  @Test
  void vp8SimulcastMapsChromePayloadTypesAndRids() throws Exception {
    RtpCapabilities router = demoRouter();
    RtpParameters params = MediasoupClientFixtures.produce("chrome-produce-vp8-simulcast.json");
    Ortc.validateRtpParameters(params);
    RtpMapping mapping = Ortc.getProducerRtpParametersMapping(params, router, new Random(SEED));
    long base = firstSsrc(SEED);
    assertJsonEquals(json("{'codecs':[{'payloadType':96,'mappedPayloadType':101},"
            + "{'payloadType':97,'mappedPayloadType':102}],'encodings':["
            + "{'rid':'r0','scalabilityMode':'L1T3','mappedSsrc':" + base + "},"
            + "{'rid':'r1','scalabilityMode':'L1T3','mappedSsrc':" + (base + 1) + "},"
            + "{'rid':'r2','scalabilityMode':'L1T3','mappedSsrc':" + (base + 2) + "}]}"),
        tree(mapping));

    RtpParameters consumable =
        Ortc.getConsumableRtpParameters(MediaKind.VIDEO, params, router, mapping);
    String videoExts = "[" + hx(SupportedRtpCapabilities.URI_MID, 1) + ","
        + hx(SupportedRtpCapabilities.URI_ABS_SEND_TIME, 4) + ","
        + hx(SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01, 5) + ","
        + hx(SupportedRtpCapabilities.URI_VIDEO_ORIENTATION, 11) + ","
        + hx(SupportedRtpCapabilities.URI_TOFFSET, 12) + ","
        + hx(SupportedRtpCapabilities.URI_ABS_CAPTURE_TIME, 13) + ","
        + hx(SupportedRtpCapabilities.URI_PLAYOUT_DELAY, 14) + "]";
    assertJsonEquals(json("{'codecs':["
            + "{'mimeType':'video/VP8','payloadType':101,'clockRate':90000,'parameters':{},"
            + "'rtcpFeedback':" + VIDEO_FB + "},"
            + "{'mimeType':'video/rtx','payloadType':102,'clockRate':90000,"
            + "'parameters':{'apt':101},'rtcpFeedback':[]}],"
            + "'headerExtensions':" + videoExts + ",'encodings':["
            + enc(base, 4, 150000) + "," + enc(base + 1, 2, 500000) + ","
            + enc(base + 2, 1, 1500000) + "],"
            + "'rtcp':{'cname':'','reducedSize':true,'mux':true}}"),
        tree(consumable));

    RtpCapabilities device = MediasoupClientFixtures.device();
    assertTrue(Ortc.canConsume(consumable, device));
    Random rng = new Random(SEED + 1);
    RtpParameters consumer = Ortc.getConsumerRtpParameters(consumable, device, false, true, rng);
    long ssrc = firstSsrc(SEED + 1);
    String cname = consumer.rtcp.cname;
    assertTrue(cname.matches("[A-Za-z0-9]{16}"), cname);
    assertJsonEquals(json("{'codecs':["
            + "{'mimeType':'video/VP8','payloadType':101,'clockRate':90000,'parameters':{},"
            + "'rtcpFeedback':[{'type':'transport-cc','parameter':''},"
            + "{'type':'ccm','parameter':'fir'},{'type':'nack','parameter':''},"
            + "{'type':'nack','parameter':'pli'}]},"
            + "{'mimeType':'video/rtx','payloadType':102,'clockRate':90000,"
            + "'parameters':{'apt':101},'rtcpFeedback':[]}],"
            + "'headerExtensions':[" + hx(SupportedRtpCapabilities.URI_MID, 1) + ","
            + hx(SupportedRtpCapabilities.URI_ABS_SEND_TIME, 4) + ","
            + hx(SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01, 5) + ","
            + hx(SupportedRtpCapabilities.URI_VIDEO_ORIENTATION, 11) + ","
            + hx(SupportedRtpCapabilities.URI_TOFFSET, 12) + ","
            + hx(SupportedRtpCapabilities.URI_PLAYOUT_DELAY, 14) + "],"
            + "'encodings':[{'ssrc':" + ssrc + ",'rtx':{'ssrc':" + (ssrc + 1) + "},"
            + "'scalabilityMode':'L3T3','maxBitrate':1500000}],"
            + "'rtcp':{'cname':'" + cname + "','reducedSize':true,'mux':true}}"),
        tree(consumer));
    assertEquals(3, ScalabilityMode.parse(consumer.encodings.get(0).scalabilityMode).spatialLayers());
    // The consumer's parameters are themselves valid RTP parameters.
    Ortc.validateRtpParameters(consumer.deepCopy());
  }

  private static String hx(String uri, int id) {
    return "{'uri':'" + uri + "','id':" + id + ",'encrypt':false,'parameters':{}}";
  }

  private static String enc(long ssrc, int scaleDown, long maxBitrate) {
    return "{'ssrc':" + ssrc + ",'dtx':false,'scalabilityMode':'L1T3','scaleResolutionDownBy':"
        + scaleDown + ".0,'maxBitrate':" + maxBitrate + "}";
  }

  @Test
  void opusKeepsProducerFmtpAndUsesRembStyleFeedbackWithoutAudioTransportCc() throws Exception {
    RtpCapabilities router = demoRouter();
    RtpParameters params = MediasoupClientFixtures.produce("chrome-produce-opus.json");
    Ortc.validateRtpParameters(params);
    RtpMapping mapping = Ortc.getProducerRtpParametersMapping(params, router, new Random(SEED));
    long base = firstSsrc(SEED);
    assertJsonEquals(json("{'codecs':[{'payloadType':111,'mappedPayloadType':100}],"
        + "'encodings':[{'ssrc':3615492042,'mappedSsrc':" + base + "}]}"), tree(mapping));
    RtpParameters consumable =
        Ortc.getConsumableRtpParameters(MediaKind.AUDIO, params, router, mapping);
    assertJsonEquals(json("{'minptime':10,'useinbandfec':1}"), tree(consumable.codecs.get(0).parameters));
    assertEquals("ClsaxsIw2FI21mbO", consumable.rtcp.cname);
    assertEquals(List.of(SupportedRtpCapabilities.URI_MID, SupportedRtpCapabilities.URI_ABS_SEND_TIME,
            SupportedRtpCapabilities.URI_SSRC_AUDIO_LEVEL,
            SupportedRtpCapabilities.URI_ABS_CAPTURE_TIME, SupportedRtpCapabilities.URI_PLAYOUT_DELAY),
        consumable.headerExtensions.stream().map(e -> e.uri).toList());

    RtpParameters consumer = Ortc.getConsumerRtpParameters(
        consumable, MediasoupClientFixtures.device(), false, true, new Random(SEED + 2));
    long ssrc = firstSsrc(SEED + 2);
    assertJsonEquals(json("{'codecs':[{'mimeType':'audio/opus','payloadType':100,'clockRate':48000,"
            + "'channels':2,'parameters':{'minptime':10,'useinbandfec':1},"
            + "'rtcpFeedback':[{'type':'nack','parameter':''}]}],"
            + "'headerExtensions':[" + hx(SupportedRtpCapabilities.URI_MID, 1) + ","
            + hx(SupportedRtpCapabilities.URI_ABS_SEND_TIME, 4) + ","
            + hx(SupportedRtpCapabilities.URI_SSRC_AUDIO_LEVEL, 10) + ","
            + hx(SupportedRtpCapabilities.URI_PLAYOUT_DELAY, 14) + "],"
            + "'encodings':[{'ssrc':" + ssrc + "}],"
            + "'rtcp':{'cname':'ClsaxsIw2FI21mbO','reducedSize':true,'mux':true}}"),
        tree(consumer));
  }

  @Test
  void h264MatchesProfileAndPacketizationModeAndKeepsTheProducerLevel() throws Exception {
    // Demo router offers H264 main 5.0 (4d0032): Chrome's main 3.1 maps to it, level kept.
    RtpCapabilities router = demoRouter();
    RtpParameters params = MediasoupClientFixtures.produce("chrome-produce-h264.json");
    Ortc.validateRtpParameters(params);
    RtpMapping mapping = Ortc.getProducerRtpParametersMapping(params, router, new Random(SEED));
    assertJsonEquals(json("[{'payloadType':116,'mappedPayloadType':105},"
        + "{'payloadType':117,'mappedPayloadType':106}]"), tree(mapping.codecs));
    assertEquals("4d001f", params.codecs.get(0).parameters.get("profile-level-id"));
    assertEquals(1536858441L, mapping.encodings.get(0).ssrc);

    RtpParameters consumable =
        Ortc.getConsumableRtpParameters(MediaKind.VIDEO, params, router, mapping);
    assertJsonEquals(json("{'level-asymmetry-allowed':1,'packetization-mode':1,"
        + "'profile-level-id':'4d001f'}"), tree(consumable.codecs.get(0).parameters));
    // mediasoup removes the producer's rtx SSRC from consumable encodings.
    assertJsonEquals(json("[{'ssrc':" + firstSsrc(SEED) + ",'dtx':false}]"),
        tree(consumable.encodings));

    // The device fixture has H264 4d001f at 107 and 42e01f at 109, but the demo router's main
    // profile codec is at 105: the consumer keeps the router's PT (the device must accept it).
    RtpParameters fixtureConsumable = consumableOf("chrome-produce-h264.json", fixtureRouter());
    assertEquals(107, fixtureConsumable.codecs.get(0).payloadType);
    RtpParameters consumer = Ortc.getConsumerRtpParameters(
        fixtureConsumable, MediasoupClientFixtures.device(), false, true, new Random(SEED));
    assertEquals(List.of("video/H264:107", "video/rtx:108"),
        consumer.codecs.stream().map(c -> c.mimeType + ":" + c.payloadType).toList());
    assertEquals(1, consumer.encodings.size());
    assertEquals(consumer.encodings.get(0).ssrc + 1, consumer.encodings.get(0).rtx.ssrc);
    assertNull(consumer.encodings.get(0).scalabilityMode);

    // A device with only constrained baseline cannot receive main profile.
    RtpCapabilities baselineOnly = MediasoupClientFixtures.device();
    baselineOnly.codecs.removeIf(c -> "4d001f".equals(c.parameters.get("profile-level-id")));
    assertFalse(Ortc.canConsume(fixtureConsumable, baselineOnly));
    // Nor one with packetization-mode 0.
    RtpCapabilities pm0 = MediasoupClientFixtures.device();
    pm0.codecs.forEach(c -> c.parameters.replace("packetization-mode", 0));
    assertFalse(Ortc.canConsume(fixtureConsumable, pm0));
  }

  @Test
  void vp9ProfileIdMustMatch() throws Exception {
    // Demo router only has VP9 profile 2; Chrome produced profile 0.
    RtpParameters params = MediasoupClientFixtures.produce("chrome-produce-vp9.json");
    Ortc.validateRtpParameters(params);
    UnsupportedException e = assertThrows(UnsupportedException.class,
        () -> Ortc.getProducerRtpParametersMapping(params, demoRouter()));
    assertEquals("unsupported codec [mimeType:video/VP9, payloadType:98]", e.getMessage());

    RtpParameters consumable = consumableOf("chrome-produce-vp9.json", fixtureRouter());
    assertJsonEquals(json("[{'mimeType':'video/VP9','payloadType':103,'clockRate':90000,"
            + "'parameters':{'profile-id':0},'rtcpFeedback':" + VIDEO_FB + "},"
            + "{'mimeType':'video/rtx','payloadType':104,'clockRate':90000,"
            + "'parameters':{'apt':103},'rtcpFeedback':[]}]"),
        tree(consumable.codecs));
    assertTrue(Ortc.canConsume(consumable, MediasoupClientFixtures.device()));
    RtpCapabilities profile2Only = MediasoupClientFixtures.device();
    profile2Only.codecs.removeIf(c -> Integer.valueOf(0).equals(c.parameters.get("profile-id")));
    assertFalse(Ortc.canConsume(consumable, profile2Only));
  }

  private static RtpParameters consumableOf(String fixture, RtpCapabilities router) {
    RtpParameters params = MediasoupClientFixtures.produce(fixture);
    Ortc.validateRtpParameters(params);
    RtpMapping mapping = Ortc.getProducerRtpParametersMapping(params, router, new Random(SEED));
    MediaKind kind = MediaKind.ofMimeType(params.codecs.get(0).mimeType);
    return Ortc.getConsumableRtpParameters(kind, params, router, mapping);
  }

  // ------------------------------------------------------------------ consumers

  @Test
  void deviceLackingTheCodecCannotConsume() {
    RtpParameters consumable = consumableOf("chrome-produce-vp8-simulcast.json", demoRouter());
    RtpCapabilities noVp8 = MediasoupClientFixtures.device();
    noVp8.codecs.removeIf(c -> c.mimeType.equals("video/VP8"));
    assertFalse(Ortc.canConsume(consumable, noVp8));
    assertEquals("no compatible media codecs", assertThrows(UnsupportedException.class,
        () -> Ortc.getConsumerRtpParameters(consumable, noVp8, false, true)).getMessage());
    assertFalse(Ortc.canConsume(consumable, new RtpCapabilities()));
  }

  @Test
  void withoutRtxTheConsumerDropsRtxAndGenericNack() {
    RtpParameters consumable = consumableOf("chrome-produce-vp8-simulcast.json", demoRouter());
    RtpParameters consumer = Ortc.getConsumerRtpParameters(
        consumable, MediasoupClientFixtures.device(), false, false, new Random(SEED));
    assertEquals(1, consumer.codecs.size());
    assertEquals(List.of("transport-cc", "ccm fir", "nack pli"),
        consumer.codecs.get(0).rtcpFeedback.stream().map(RtcpFeedback::toString).toList());
    assertNull(consumer.encodings.get(0).rtx);
  }

  @Test
  void withoutTransportCcExtensionTheConsumerFallsBackToRemb() {
    RtpParameters consumable = consumableOf("chrome-produce-vp8-simulcast.json", demoRouter());
    RtpCapabilities device = MediasoupClientFixtures.device();
    device.headerExtensions.removeIf(
        e -> e.uri.equals(SupportedRtpCapabilities.URI_TRANSPORT_WIDE_CC_01));
    RtpParameters remb = Ortc.getConsumerRtpParameters(consumable, device, false, true);
    assertEquals(List.of("goog-remb", "ccm fir", "nack", "nack pli"),
        remb.codecs.get(0).rtcpFeedback.stream().map(RtcpFeedback::toString).toList());
    device.headerExtensions.removeIf(e -> e.uri.equals(SupportedRtpCapabilities.URI_ABS_SEND_TIME));
    RtpParameters none = Ortc.getConsumerRtpParameters(consumable, device, false, true);
    assertEquals(List.of("ccm fir", "nack", "nack pli"),
        none.codecs.get(0).rtcpFeedback.stream().map(RtcpFeedback::toString).toList());
  }

  @Test
  void pipeConsumersKeepEveryEncodingWithFreshSsrcs() throws Exception {
    RtpParameters consumable = consumableOf("chrome-produce-vp8-simulcast.json", demoRouter());
    Random rng = new Random(SEED);
    RtpParameters pipe = Ortc.getPipeConsumerRtpParameters(consumable, true, rng);
    Random expected = new Random(SEED);
    long base = expected.nextInt(100_000_000, 1_000_000_000);
    long rtxBase = expected.nextInt(100_000_000, 1_000_000_000);
    assertEquals(3, pipe.encodings.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(base + i, pipe.encodings.get(i).ssrc);
      assertEquals(rtxBase + i, pipe.encodings.get(i).rtx.ssrc);
      assertEquals("L1T3", pipe.encodings.get(i).scalabilityMode);
    }
    assertEquals(List.of("nack", "nack pli", "ccm fir"),
        pipe.codecs.get(0).rtcpFeedback.stream().map(RtcpFeedback::toString).toList());
    assertEquals(List.of(SupportedRtpCapabilities.URI_VIDEO_ORIENTATION,
            SupportedRtpCapabilities.URI_TOFFSET, SupportedRtpCapabilities.URI_ABS_CAPTURE_TIME,
            SupportedRtpCapabilities.URI_PLAYOUT_DELAY),
        pipe.headerExtensions.stream().map(e -> e.uri).toList());

    RtpParameters noRtx = Ortc.getPipeConsumerRtpParameters(consumable, false);
    assertEquals(1, noRtx.codecs.size());
    assertNull(noRtx.encodings.get(0).rtx);
    assertEquals(List.of("nack pli", "ccm fir"),
        noRtx.codecs.get(0).rtcpFeedback.stream().map(RtcpFeedback::toString).toList());

    RtpParameters pipeMode = Ortc.getConsumerRtpParameters(
        consumable, MediasoupClientFixtures.device(), true, true);
    assertEquals(3, pipeMode.encodings.size());
    assertEquals("", pipeMode.rtcp.cname); // no CNAME invented for pipes
  }

  // ------------------------------------------------------------------ JSON shape

  @Test
  void jsonRoundTripKeepsTheMediasoupShape() throws Exception {
    for (String file : List.of("chrome-produce-vp8-simulcast.json", "chrome-produce-opus.json",
        "chrome-produce-h264.json", "chrome-produce-vp9.json")) {
      ObjectNode original = MediasoupClientFixtures.produceTree(file);
      RtpParameters params = Ortc.fromJson(original, RtpParameters.class, "rtpParameters");
      Ortc.validateRtpParameters(params);
      ObjectNode expected = original.deepCopy();
      for (JsonNode e : expected.get("encodings")) {
        ((ObjectNode) e).remove("active"); // not part of mediasoup's RtpEncodingParameters
      }
      assertJsonEquals(expected, tree(params), file);
    }
    JsonNode device = MediasoupClientFixtures.read("chrome-device-rtpCapabilities.json");
    RtpCapabilities caps = MediasoupClientFixtures.device();
    Ortc.validateRtpCapabilities(caps);
    assertJsonEquals(device, tree(caps));
  }

  @Test
  void serialisedConsumerParametersHaveNoNullsAndOnlyCamelCaseKeys() throws Exception {
    RtpParameters consumable = consumableOf("chrome-produce-vp8-simulcast.json", demoRouter());
    RtpParameters consumer =
        Ortc.getConsumerRtpParameters(consumable, MediasoupClientFixtures.device(), false, true);
    String text = Ortc.JSON.writeValueAsString(consumer);
    assertFalse(text.contains("null"), text);
    assertNoSnakeOrNull(Ortc.JSON.readTree(text), "");
    RtpParameters back = Ortc.fromJson(text, RtpParameters.class, "rtpParameters");
    assertJsonEquals(tree(consumer), tree(back));
    assertJsonEquals(tree(consumer), tree(consumer.deepCopy()));
  }

  private static void assertNoSnakeOrNull(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean fmtp = path.endsWith("parameters"); // fmtp keys are SDP names, not ours
        assertTrue(fmtp || e.getKey().matches("[a-z][A-Za-z]*"), path + "." + e.getKey());
        assertFalse(e.getValue().isNull(), path + "." + e.getKey());
        assertNoSnakeOrNull(e.getValue(), path + "." + e.getKey());
      }
    } else if (node.isArray()) {
      for (JsonNode child : (ArrayNode) node) {
        assertNoSnakeOrNull(child, path + "[]");
      }
    }
  }

  @Test
  void deepCopyIsIndependent() {
    RtpParameters params = MediasoupClientFixtures.produce("chrome-produce-vp8-simulcast.json");
    RtpParameters copy = params.deepCopy();
    copy.codecs.get(0).parameters.put("x", 1);
    copy.codecs.get(0).rtcpFeedback.get(0).type = "changed";
    copy.encodings.get(0).rid = "zz";
    copy.rtcp.cname = "changed";
    assertFalse(params.codecs.get(0).parameters.containsKey("x"));
    assertEquals("goog-remb", params.codecs.get(0).rtcpFeedback.get(0).type);
    assertEquals("r0", params.encodings.get(0).rid);
    assertEquals("", params.rtcp.cname);
  }
}
