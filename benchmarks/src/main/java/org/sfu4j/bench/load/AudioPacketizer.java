package org.sfu4j.bench.load;

/**
 * Opus-like audio: one packet every 20 ms (48 kHz clock, timestamp step 960), fixed payload size,
 * no marker, ending in the {@link Probe} trailer. Allocates nothing per packet. One thread.
 */
public final class AudioPacketizer {
  public static final long INTERVAL_NANOS = 20_000_000L;

  private final int streamId;
  private final long ssrc;
  private final int payloadBytes;
  private int rtpSequence;
  private long rtpTimestamp;
  private long probeSequence = -1;

  public AudioPacketizer(TrafficModel model, int publisherIndex, long ssrc) {
    this.streamId = Probe.streamId(publisherIndex, Probe.KIND_AUDIO);
    this.ssrc = ssrc;
    this.payloadBytes = model.audioPayloadBytes();
    this.rtpSequence = (int) (ssrc * 31) & 0xFFFF;
    this.rtpTimestamp = (ssrc * 7919) & 0xFFFFFFFFL;
  }

  /** Writes the next packet into {@code dst} from 0; returns its length. */
  public int writePacket(byte[] dst, long sendNanos) {
    int len = VideoPacketizer.RTP_HEADER + payloadBytes;
    dst[0] = (byte) 0x80;
    dst[1] = (byte) TrafficModel.OPUS_PAYLOAD_TYPE;
    dst[2] = (byte) (rtpSequence >>> 8);
    dst[3] = (byte) rtpSequence;
    Probe.putInt(dst, 4, (int) rtpTimestamp);
    Probe.putInt(dst, 8, (int) ssrc);
    dst[12] = (byte) 0x78; // a TOC byte: SILK/CELT hybrid config, mono, one frame
    rtpSequence = (rtpSequence + 1) & 0xFFFF;
    rtpTimestamp = (rtpTimestamp + 960) & 0xFFFFFFFFL;
    probeSequence++;
    Probe.write(dst, len, streamId, probeSequence, sendNanos);
    return len;
  }

  public long lastSequence() {
    return probeSequence;
  }

  public long ssrc() {
    return ssrc;
  }
}
