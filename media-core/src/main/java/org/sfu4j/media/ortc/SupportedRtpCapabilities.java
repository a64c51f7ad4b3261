package org.sfu4j.media.ortc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything sfu4j can route: the codecs a router's {@code mediaCodecs} may pick from and the
 * header extensions every router offers, with mediasoup v3's preferred ids and directions so a
 * mediasoup-client app sees identical capabilities.
 */
public final class SupportedRtpCapabilities {
  public static final String URI_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
  public static final String URI_RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
  public static final String URI_REPAIRED_RID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
  public static final String URI_ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  public static final String URI_TRANSPORT_WIDE_CC_01 =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
  public static final String URI_SSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
  public static final String URI_VIDEO_ORIENTATION = "urn:3gpp:video-orientation";
  public static final String URI_TOFFSET = "urn:ietf:params:rtp-hdrext:toffset";
  public static final String URI_PLAYOUT_DELAY =
      "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";
  public static final String URI_ABS_CAPTURE_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time";

  private static final RtpCapabilities CAPABILITIES = build();

  private SupportedRtpCapabilities() {}

  /** A fresh deep copy; callers may modify it. */
  public static RtpCapabilities get() {
    return CAPABILITIES.deepCopy();
  }

  private static RtpCapabilities build() {
    List<RtpCodecCapability> codecs = new ArrayList<>();
    codecs.add(codec(MediaKind.AUDIO, "audio/opus", null, 48000, 2, Map.of(),
        feedback("nack", "", "transport-cc", "")));
    // G.711 keeps its static payload types: they never collide with the dynamic range.
    codecs.add(codec(MediaKind.AUDIO, "audio/PCMU", 0, 8000, 1, Map.of(),
        feedback("transport-cc", "")));
    codecs.add(codec(MediaKind.AUDIO, "audio/PCMA", 8, 8000, 1, Map.of(),
        feedback("transport-cc", "")));
    codecs.add(codec(MediaKind.VIDEO, "video/VP8", null, 90000, null, Map.of(), videoFeedback()));
    codecs.add(codec(MediaKind.VIDEO, "video/VP9", null, 90000, null, Map.of(), videoFeedback()));
    // profile-level-id and packetization-mode come from the router's mediaCodecs entry; they are
    // matched strictly against producers and consumers (see H264ProfileLevelId).
    codecs.add(codec(MediaKind.VIDEO, "video/H264", null, 90000, null,
        Map.of("level-asymmetry-allowed", 1), videoFeedback()));
    codecs.add(codec(MediaKind.VIDEO, "video/AV1", null, 90000, null, Map.of(), videoFeedback()));

    List<RtpHeaderExtension> exts = new ArrayList<>();
    exts.add(ext(MediaKind.AUDIO, URI_MID, 1, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.VIDEO, URI_MID, 1, RtpHeaderExtension.SENDRECV));
    // RID / repaired RID name simulcast streams of producers; consumers get a single SSRC.
    exts.add(ext(MediaKind.VIDEO, URI_RID, 2, RtpHeaderExtension.RECVONLY));
    exts.add(ext(MediaKind.VIDEO, URI_REPAIRED_RID, 3, RtpHeaderExtension.RECVONLY));
    exts.add(ext(MediaKind.AUDIO, URI_ABS_SEND_TIME, 4, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.VIDEO, URI_ABS_SEND_TIME, 4, RtpHeaderExtension.SENDRECV));
    // Audio consumers are not paced by transport-cc in mediasoup; it is only received for audio.
    exts.add(ext(MediaKind.AUDIO, URI_TRANSPORT_WIDE_CC_01, 5, RtpHeaderExtension.RECVONLY));
    exts.add(ext(MediaKind.VIDEO, URI_TRANSPORT_WIDE_CC_01, 5, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.AUDIO, URI_SSRC_AUDIO_LEVEL, 10, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.VIDEO, URI_VIDEO_ORIENTATION, 11, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.VIDEO, URI_TOFFSET, 12, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.AUDIO, URI_ABS_CAPTURE_TIME, 13, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.VIDEO, URI_ABS_CAPTURE_TIME, 13, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.AUDIO, URI_PLAYOUT_DELAY, 14, RtpHeaderExtension.SENDRECV));
    exts.add(ext(MediaKind.VIDEO, URI_PLAYOUT_DELAY, 14, RtpHeaderExtension.SENDRECV));
    return new RtpCapabilities(codecs, exts);
  }

  private static RtpCodecCapability codec(MediaKind kind, String mimeType, Integer pt,
      int clockRate, Integer channels, Map<String, Object> parameters, List<RtcpFeedback> fb) {
    RtpCodecCapability c = new RtpCodecCapability();
    c.kind = kind;
    c.mimeType = mimeType;
    c.preferredPayloadType = pt;
    c.clockRate = clockRate;
    c.channels = channels;
    c.parameters = new LinkedHashMap<>(parameters);
    c.rtcpFeedback = fb;
    return c;
  }

  private static List<RtcpFeedback> videoFeedback() {
    return feedback("nack", "", "nack", "pli", "ccm", "fir", "goog-remb", "", "transport-cc", "");
  }

  private static List<RtcpFeedback> feedback(String... typeParameterPairs) {
    List<RtcpFeedback> list = new ArrayList<>();
    for (int i = 0; i < typeParameterPairs.length; i += 2) {
      list.add(new RtcpFeedback(typeParameterPairs[i], typeParameterPairs[i + 1]));
    }
    return list;
  }

  private static RtpHeaderExtension ext(MediaKind kind, String uri, int id, String direction) {
    return new RtpHeaderExtension(kind, uri, id, false, direction);
  }
}
