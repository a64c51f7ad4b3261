package org.sfu4j.media.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpCodecCapability;

/**
 * Inputs every engine-level test starts from (the in-process {@link EngineHarness} and the
 * real-UDP {@code WebRtcFixture} alike): the router's default codecs and the recorded
 * mediasoup-client fixtures under {@code /engine/}.
 */
public final class EngineFixtures {
  private EngineFixtures() {}

  /** opus/48000/2 and VP8, in a fresh mutable list (callers append codecs). */
  public static List<RtpCodecCapability> defaultCodecs() {
    RtpCodecCapability opus = new RtpCodecCapability();
    opus.kind = MediaKind.AUDIO;
    opus.mimeType = "audio/opus";
    opus.clockRate = 48000;
    opus.channels = 2;
    RtpCodecCapability vp8 = new RtpCodecCapability();
    vp8.kind = MediaKind.VIDEO;
    vp8.mimeType = "video/VP8";
    vp8.clockRate = 90000;
    List<RtpCodecCapability> l = new ArrayList<>();
    l.add(opus);
    l.add(vp8);
    return l;
  }

  /** A recorded fixture, e.g. {@code chrome-produce-opus.json}. */
  public static JsonNode fixture(String name) {
    try (InputStream in = EngineFixtures.class.getResourceAsStream("/engine/" + name)) {
      return Ortc.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chrome's device RTP capabilities as mediasoup-client reports them. */
  public static RtpCapabilities deviceCaps() {
    return Ortc.JSON.convertValue(fixture("chrome-device-rtpCapabilities.json"),
        RtpCapabilities.class);
  }
}
