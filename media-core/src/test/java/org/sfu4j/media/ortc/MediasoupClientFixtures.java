package org.sfu4j.media.ortc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the real Chrome + mediasoup-client payloads from {@code shared/fixtures/mediasoup-client},
 * found by walking up from the working directory (the shared folder sits beside the clone).
 */
final class MediasoupClientFixtures {
  private static final String RELATIVE = "shared/fixtures/mediasoup-client";

  private MediasoupClientFixtures() {}

  static Path dir() {
    String override = System.getProperty("sfu4j.fixtures");
    if (override != null) {
      return Path.of(override);
    }
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("no " + RELATIVE + " above " + System.getProperty("user.dir"));
  }

  static JsonNode read(String file) {
    try {
      return Ortc.JSON.readTree(dir().resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code rtpParameters} object of a chrome-produce-*.json file (a fresh mutable tree). */
  static ObjectNode produceTree(String file) {
    return (ObjectNode) read(file).get("rtpParameters").deepCopy();
  }

  static RtpParameters produce(String file) {
    return Ortc.fromJson(produceTree(file), RtpParameters.class, "rtpParameters");
  }

  static RtpCapabilities device() {
    return Ortc.fromJson(
        read("chrome-device-rtpCapabilities.json"), RtpCapabilities.class, "rtpCapabilities");
  }

  /** mediasoup-demo's router mediaCodecs (config.js). */
  static List<RtpCodecCapability> demoMediaCodecs() {
    List<RtpCodecCapability> codecs = new ArrayList<>();
    codecs.add(codec("audio/opus", 48000, 2, Map.of()));
    codecs.add(codec("video/VP8", 90000, null, Map.of("x-google-start-bitrate", 1000)));
    codecs.add(codec("video/VP9", 90000, null,
        ordered("profile-id", 2, "x-google-start-bitrate", 1000)));
    codecs.add(codec("video/h264", 90000, null, ordered("packetization-mode", 1,
        "profile-level-id", "4d0032", "level-asymmetry-allowed", 1,
        "x-google-start-bitrate", 1000)));
    codecs.add(codec("video/h264", 90000, null, ordered("packetization-mode", 1,
        "profile-level-id", "42e01f", "level-asymmetry-allowed", 1,
        "x-google-start-bitrate", 1000)));
    return codecs;
  }

  /**
   * The router codecs the device fixture was captured against (its PTs 100..110): opus, VP8, VP9
   * profiles 0 and 2, H264 main 4d001f and constrained baseline 42e01f.
   */
  static List<RtpCodecCapability> fixtureMediaCodecs() {
    List<RtpCodecCapability> codecs = new ArrayList<>();
    codecs.add(codec("audio/opus", 48000, 2, Map.of()));
    codecs.add(codec("video/VP8", 90000, null, Map.of()));
    codecs.add(codec("video/VP9", 90000, null, Map.of("profile-id", 0)));
    codecs.add(codec("video/VP9", 90000, null, Map.of("profile-id", 2)));
    codecs.add(codec("video/H264", 90000, null, ordered("level-asymmetry-allowed", 1,
        "packetization-mode", 1, "profile-level-id", "4d001f")));
    codecs.add(codec("video/H264", 90000, null, ordered("level-asymmetry-allowed", 1,
        "packetization-mode", 1, "profile-level-id", "42e01f")));
    return codecs;
  }

  static RtpCodecCapability codec(
      String mimeType, int clockRate, Integer channels, Map<String, Object> parameters) {
    RtpCodecCapability c = new RtpCodecCapability();
    c.mimeType = mimeType;
    c.clockRate = clockRate;
    c.channels = channels;
    c.parameters = new LinkedHashMap<>(parameters);
    return c;
  }

  static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
