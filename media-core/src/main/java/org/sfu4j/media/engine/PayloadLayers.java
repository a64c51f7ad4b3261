package org.sfu4j.media.engine;

import java.util.Locale;
import org.sfu4j.media.codec.Av1PayloadDescriptor;
import org.sfu4j.media.codec.Vp8PayloadDescriptor;
import org.sfu4j.media.codec.Vp9PayloadDescriptor;
import org.sfu4j.media.rtp.RtpPacket;

/**
 * The layer fields a forwarding decision needs from one RTP payload (temporal id, spatial id,
 * frame boundaries, switching points), read through the codec's reusable descriptor view.
 *
 * <p>One instance per consumer, loop-confined, reused for every packet: no allocation. A payload
 * without layer information (no T/L bits, H264, audio, unparseable) reports {@code tid = sid = -1}
 * and {@code frameStart = true}, which every filter treats as "layer 0, pass". AV1 packets that
 * continue an OBU carry no OBU header, so they inherit the ids of the previous packet with the
 * same RTP timestamp.
 */
final class PayloadLayers {
  /** Codecs whose payload carries layer ids. */
  enum Codec {
    VP8, VP9, AV1, OTHER;

    static Codec of(String mimeType) {
      switch (mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT)) {
        case "video/vp8":
          return VP8;
        case "video/vp9":
          return VP9;
        case "video/av1":
          return AV1;
        default:
          return OTHER;
      }
    }
  }

  final Codec codec;
  /** VP8 descriptor of the last parsed packet (valid when {@link #parsed} and codec is VP8). */
  final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
  private final Vp9PayloadDescriptor vp9 = new Vp9PayloadDescriptor();
  private final Av1PayloadDescriptor av1 = new Av1PayloadDescriptor();

  /** Whether the descriptor parsed. */
  boolean parsed;
  /** Temporal layer id, -1 unknown. */
  int tid;
  /** Spatial layer id, -1 unknown. */
  int sid;
  /** The packet begins a frame (VP8 S=1 and PID=0; VP9 B; AV1 a new frame/frame-header OBU). */
  boolean frameStart;
  /** The packet ends a (layer) frame: VP9 E; otherwise the RTP marker. */
  boolean frameEnd;
  /** A temporal switching-up point: VP8 Y, VP9 U. */
  boolean upSwitch;
  /** VP9: not inter-picture predicted (P=0). */
  boolean intraPicture;

  private long av1Timestamp = -1;
  private int av1Tid = -1;
  private int av1Sid = -1;

  PayloadLayers(Codec codec) {
    this.codec = codec;
  }

  /** Reads the layer fields of {@code packet}; never throws, never retains the buffer. */
  void parse(RtpPacket packet) {
    parsed = false;
    tid = -1;
    sid = -1;
    frameStart = true;
    frameEnd = packet.marker();
    upSwitch = false;
    intraPicture = false;
    int off = packet.payloadOffset();
    int len = packet.payloadLength();
    switch (codec) {
      case VP8:
        if (vp8.parse(packet.buffer(), off, len)) {
          parsed = true;
          tid = vp8.temporalLayerId();
          upSwitch = vp8.layerSync();
          int b0 = packet.buffer().getUnsignedByte(off);
          frameStart = (b0 & 0x10) != 0 && (b0 & 0x07) == 0;
        }
        break;
      case VP9:
        if (vp9.parse(packet.buffer(), off, len)) {
          parsed = true;
          tid = vp9.temporalLayerId();
          sid = vp9.spatialLayerId();
          upSwitch = vp9.switchingUpPoint();
          frameStart = vp9.beginningOfFrame();
          frameEnd = vp9.endOfFrame();
          intraPicture = !vp9.interPicturePredicted();
        }
        break;
      case AV1:
        if (av1.parse(packet.buffer(), off, len)) {
          parsed = true;
          int type = av1.obuType();
          if (type >= 0 && av1.temporalLayerId() >= 0) {
            tid = av1.temporalLayerId();
            sid = av1.spatialLayerId();
          } else if (av1Timestamp == packet.timestamp()) {
            tid = av1Tid;
            sid = av1Sid;
          }
          // OBU_SEQUENCE_HEADER 1, OBU_FRAME_HEADER 3, OBU_FRAME 6 start a frame.
          frameStart = type == 1 || type == 3 || type == 6;
          av1Timestamp = packet.timestamp();
          av1Tid = tid;
          av1Sid = sid;
        }
        break;
      default:
        break;
    }
  }
}
