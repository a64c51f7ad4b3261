package org.sfu4j.media.ortc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.UnsupportedException;

/** Malformed produce/capability payloads fail with typed errors naming the field. */
class ValidationTest {
  private static final String VP8 = "chrome-produce-vp8-simulcast.json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static RtpCapabilities router() {
    return Ortc.generateRouterRtpCapabilities(MediasoupClientFixtures.demoMediaCodecs());
  }

  /** Parse, validate and map an edited VP8 fixture; returns the error. */
  private static RuntimeException produceError(Consumer<ObjectNode> edit) {
    ObjectNode tree = MediasoupClientFixtures.produceTree(VP8);
    edit.accept(tree);
    try {
      RtpParameters params = Ortc.fromJson(tree, RtpParameters.class, "rtpParameters");
      Ortc.validateRtpParameters(params);
      Ortc.getProducerRtpParametersMapping(params, router());
    } catch (IllegalArgumentException | UnsupportedException e) {
      return e;
    }
    return fail("accepted " + tree);
  }

  private static void assertInvalid(String message, Consumer<ObjectNode> edit) {
    RuntimeException e = produceError(edit);
    assertEquals(IllegalArgumentException.class, e.getClass(), e.toString());
    assertEquals(message, e.getMessage());
  }

  private static ObjectNode codec(ObjectNode params, int i) {
    return (ObjectNode) params.get("codecs").get(i);
  }

  private static ObjectNode encoding(ObjectNode params, int i) {
    return (ObjectNode) params.get("encodings").get(i);
  }

  @Test
  void missingOrEmptyCodecs() {
    assertInvalid("rtpParameters.codecs is required", p -> p.remove("codecs"));
    assertInvalid("rtpParameters.codecs is required", p -> p.putNull("codecs"));
    assertInvalid("rtpParameters.codecs must not be empty", p -> p.putArray("codecs"));
  }

  @Test
  void wrongJsonTypesNameTheField() {
    assertInvalid("rtpParameters.codecs[0].clockRate has a wrong type or value",
        p -> codec(p, 0).put("clockRate", "90000"));
    assertInvalid("rtpParameters.codecs[1].payloadType has a wrong type or value",
        p -> codec(p, 1).put("payloadType", 97.5));
    assertInvalid("rtpParameters.codecs has a wrong type or value", p -> p.putObject("codecs"));
    assertInvalid("rtpParameters.encodings[2].rid has a wrong type or value",
        p -> encoding(p, 2).putObject("rid"));
    assertInvalid("rtpParameters.headerExtensions[0].encrypt has a wrong type or value",
        p -> ((ObjectNode) p.get("headerExtensions").get(0)).put("encrypt", "no"));
    assertInvalid("rtpParameters.codecs[0].parameters.foo must be a string or a number (got true)",
        p -> ((ObjectNode) codec(p, 0).get("parameters")).put("foo", true));
    assertEquals("rtpParameters must be an object", assertThrows(IllegalArgumentException.class,
        () -> Ortc.fromJson(F.arrayNode(), RtpParameters.class, "rtpParameters")).getMessage());
    assertEquals("rtpParameters is not valid JSON", assertThrows(IllegalArgumentException.class,
        () -> Ortc.fromJson("{\"codecs\":", RtpParameters.class, "rtpParameters")).getMessage());
  }

  @Test
  void codecRules() {
    assertInvalid("rtpParameters.codecs[1].payloadType 96 is duplicated",
        p -> codec(p, 1).put("payloadType", 96));
    assertInvalid("rtpParameters.codecs[1].parameters.apt is required for video/rtx",
        p -> ((ObjectNode) codec(p, 1).get("parameters")).remove("apt"));
    assertInvalid("rtpParameters.codecs[1].parameters.apt 50 does not name a media codec payload type",
        p -> ((ObjectNode) codec(p, 1).get("parameters")).put("apt", 50));
    assertInvalid("rtpParameters.codecs[1].parameters.apt must be an integer payload type (got x)",
        p -> ((ObjectNode) codec(p, 1).get("parameters")).put("apt", "x"));
    assertInvalid("rtpParameters.codecs[0].payloadType must be in 0..127 (got 300)",
        p -> codec(p, 0).put("payloadType", 300));
    assertInvalid("rtpParameters.codecs[0].payloadType is required",
        p -> codec(p, 0).remove("payloadType"));
    assertInvalid("rtpParameters.codecs[0].mimeType is required", p -> codec(p, 0).remove("mimeType"));
    assertInvalid("rtpParameters.codecs[0].mimeType \"VP8\" is not of the form audio/* or video/*",
        p -> codec(p, 0).put("mimeType", "VP8"));
    assertInvalid("rtpParameters.codecs[0].clockRate must be positive (got 0)",
        p -> codec(p, 0).put("clockRate", 0));
    assertInvalid("rtpParameters.codecs[0].rtcpFeedback[2].type is required",
        p -> ((ObjectNode) codec(p, 0).get("rtcpFeedback").get(2)).remove("type"));
    assertInvalid("rtpParameters.codecs[0] must be an object",
        p -> ((ArrayNode) p.get("codecs")).set(0, F.nullNode()));
  }

  @Test
  void unknownCodecIsUnsupported() {
    RuntimeException e = produceError(p -> codec(p, 0).put("mimeType", "video/H265"));
    assertEquals(UnsupportedException.class, e.getClass());
    assertEquals("unsupported codec [mimeType:video/H265, payloadType:96]", e.getMessage());
    RuntimeException clock = produceError(p -> codec(p, 0).put("clockRate", 48000));
    assertEquals("unsupported codec [mimeType:video/VP8, payloadType:96]", clock.getMessage());
  }

  @Test
  void headerExtensionAndEncodingRules() {
    assertInvalid("rtpParameters.headerExtensions[1].id 9 is duplicated",
        p -> ((ObjectNode) p.get("headerExtensions").get(1)).put("id", 9));
    assertInvalid("rtpParameters.headerExtensions[1].id must be in 1..255 (got 0)",
        p -> ((ObjectNode) p.get("headerExtensions").get(1)).put("id", 0));
    assertInvalid("rtpParameters.headerExtensions[0].uri is required",
        p -> ((ObjectNode) p.get("headerExtensions").get(0)).put("uri", ""));
    assertInvalid("rtpParameters.encodings[1].rid \"r0\" is duplicated",
        p -> encoding(p, 1).put("rid", "r0"));
    assertInvalid("rtpParameters.encodings[0].ssrc must be in 0..4294967295 (got 4294967296)",
        p -> encoding(p, 0).put("ssrc", 4294967296L));
    assertInvalid("rtpParameters.encodings[0].rtx.ssrc is required",
        p -> encoding(p, 0).putObject("rtx"));
    assertInvalid("rtpParameters.encodings[0].codecPayloadType 97 does not name a media codec "
        + "payload type", p -> encoding(p, 0).put("codecPayloadType", 97));
    assertInvalid("rtpParameters.encodings[1] needs an ssrc or a rid", p -> encoding(p, 1).remove("rid"));
    assertInvalid("rtpParameters.encodings must not be empty", p -> p.putArray("encodings"));
    assertInvalid("rtpParameters.encodings must not be empty", p -> p.remove("encodings"));
  }

  @Test
  void validationFillsMediasoupDefaults() {
    RtpParameters params = new RtpParameters();
    RtpCodecParameters codec = new RtpCodecParameters();
    codec.mimeType = "audio/opus";
    codec.payloadType = 111;
    codec.clockRate = 48000;
    params.codecs = new ArrayList<>(List.of(codec));
    RtpCodecParameters vp8 = new RtpCodecParameters();
    vp8.mimeType = "video/VP8";
    vp8.payloadType = 96;
    vp8.clockRate = 90000;
    vp8.channels = 2;
    params.codecs.add(vp8);
    Ortc.validateRtpParameters(params);
    assertEquals(1, codec.channels);
    assertNull(vp8.channels);
    assertTrue(codec.parameters.isEmpty());
    assertTrue(codec.rtcpFeedback.isEmpty());
    assertTrue(params.headerExtensions.isEmpty());
    assertTrue(params.encodings.isEmpty());
    assertEquals(true, params.rtcp.reducedSize);

    RtpCapabilities caps = new RtpCapabilities();
    RtpHeaderExtension ext = new RtpHeaderExtension();
    ext.kind = MediaKind.AUDIO;
    ext.uri = SupportedRtpCapabilities.URI_MID;
    ext.preferredId = 1;
    caps.headerExtensions = new ArrayList<>(List.of(ext));
    Ortc.validateRtpCapabilities(caps);
    assertEquals("sendrecv", ext.direction);
    assertEquals(false, ext.preferredEncrypt);
    assertTrue(caps.codecs.isEmpty());
    ext.direction = "both";
    assertEquals("rtpCapabilities.headerExtensions[0].direction \"both\" is not one of sendrecv, "
            + "sendonly, recvonly, inactive",
        assertThrows(IllegalArgumentException.class, () -> Ortc.validateRtpCapabilities(caps))
            .getMessage());
  }

  @Test
  void capabilityRules() {
    RtpCapabilities device = MediasoupClientFixtures.device();
    device.codecs.get(1).kind = MediaKind.AUDIO;
    assertEquals("rtpCapabilities.codecs[1].kind audio does not match mimeType video/VP8",
        assertThrows(IllegalArgumentException.class, () -> Ortc.validateRtpCapabilities(device))
            .getMessage());
    ObjectNode tree = (ObjectNode) MediasoupClientFixtures.read("chrome-device-rtpCapabilities.json");
    ((ObjectNode) tree.get("codecs").get(0)).put("kind", "data");
    assertEquals("rtpCapabilities.codecs[0].kind has a wrong type or value",
        assertThrows(IllegalArgumentException.class,
            () -> Ortc.fromJson(tree, RtpCapabilities.class, "rtpCapabilities")).getMessage());
    RtpCapabilities noId = MediasoupClientFixtures.device();
    noId.headerExtensions.get(3).preferredId = null;
    assertEquals("rtpCapabilities.headerExtensions[3].preferredId is required",
        assertThrows(IllegalArgumentException.class, () -> Ortc.canConsume(new RtpParameters(), noId))
            .getMessage());
  }

  // ------------------------------------------------------------------ seeded mutation

  private static final int MUTATION_ROUNDS = 20_000;

  @Test
  void randomMutationsOfFixturesOnlyEverFailWithTypedErrors() {
    Random random = new Random(0x50F4);
    RtpCapabilities router = router();
    List<JsonNode> produce = new ArrayList<>();
    for (String f : List.of(VP8, "chrome-produce-opus.json", "chrome-produce-h264.json",
        "chrome-produce-vp9.json")) {
      produce.add(MediasoupClientFixtures.produceTree(f));
    }
    JsonNode device = MediasoupClientFixtures.read("chrome-device-rtpCapabilities.json");
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < MUTATION_ROUNDS; round++) {
      JsonNode params = produce.get(random.nextInt(produce.size())).deepCopy();
      JsonNode caps = device.deepCopy();
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        mutate(random.nextBoolean() ? params : caps, random);
      }
      try {
        RtpParameters p = Ortc.fromJson(params, RtpParameters.class, "rtpParameters");
        Ortc.validateRtpParameters(p);
        RtpMapping mapping = Ortc.getProducerRtpParametersMapping(p, router, random);
        MediaKind kind = MediaKind.ofMimeType(p.codecs.get(0).mimeType);
        RtpParameters consumable = Ortc.getConsumableRtpParameters(kind, p, router, mapping);
        RtpCapabilities c = Ortc.fromJson(caps, RtpCapabilities.class, "rtpCapabilities");
        if (Ortc.canConsume(consumable, c)) {
          RtpParameters consumer = Ortc.getConsumerRtpParameters(consumable, c, false, true, random);
          Ortc.validateRtpParameters(consumer);
          Ortc.getPipeConsumerRtpParameters(consumable, random.nextBoolean(), random);
        }
        accepted++;
      } catch (IllegalArgumentException | UnsupportedException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        rejected++;
      } catch (RuntimeException e) {
        throw new AssertionError("round " + round + ": " + e + "\nparams " + params
            + "\ncaps " + caps, e);
      }
    }
    // Both outcomes must be well represented or the mutator is not exploring.
    assertTrue(accepted > MUTATION_ROUNDS / 10, "accepted " + accepted);
    assertTrue(rejected > MUTATION_ROUNDS / 10, "rejected " + rejected);
  }

  /** Replaces, removes or adds one random node somewhere in the tree. */
  private static void mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode) {
      ObjectNode obj = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      if (names.isEmpty() || random.nextInt(8) == 0) {
        String[] keys = {"apt", "ssrc", "rid", "rtx", "payloadType", "kind", "id", "foo"};
        obj.set(keys[random.nextInt(keys.length)], randomValue(random));
        return;
      }
      String name = names.get(random.nextInt(names.size()));
      if (random.nextInt(4) == 0) {
        obj.remove(name);
      } else {
        obj.set(name, randomValue(random));
      }
    } else {
      ArrayNode arr = (ArrayNode) target;
      if (arr.isEmpty() || random.nextInt(4) == 0) {
        arr.add(randomValue(random));
      } else {
        int i = random.nextInt(arr.size());
        if (random.nextBoolean()) {
          arr.remove(i);
        } else {
          arr.set(i, randomValue(random));
        }
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (JsonNode child : node) {
        collect(child, out);
      }
    }
  }

  private static JsonNode randomValue(Random random) {
    switch (random.nextInt(12)) {
      case 0: return F.nullNode();
      case 1: return F.booleanNode(random.nextBoolean());
      case 2: return F.numberNode(random.nextInt(300) - 20);
      case 3: return F.numberNode(random.nextLong());
      case 4: return F.numberNode(random.nextDouble() * 200);
      case 5: return F.textNode("");
      case 6: return F.textNode(new String[] {"video/VP8", "video/rtx", "audio/opus", "video/H264",
          "audio", "video", "r1", "42e01f", "sendrecv", "x/y"}[random.nextInt(10)]);
      case 7: return F.arrayNode();
      case 8: return F.objectNode();
      case 9: return F.numberNode(96 + random.nextInt(32));
      case 10: return F.numberNode(random.nextInt(16));
      default: return F.numberNode(4294967295L + random.nextInt(3) - 1);
    }
  }
}
