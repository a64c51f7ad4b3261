package org.sfu4j.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.media.rtcp.GenericNack;
import org.sfu4j.media.rtcp.RtcpCompoundCursor;
import org.sfu4j.media.rtcp.RtcpDropReason;
import org.sfu4j.media.rtcp.RtcpPacketType;
import org.sfu4j.media.testpeer.WebRtcTestPeer;

/**
 * The publishing side of the real-UDP quality tests, on one thread (the peer allows one sender):
 * VP8-like frames at 30 fps per layer at a given bitrate (first packet of a key frame recognisable
 * by the SFU's VP8 detector), a transport-wide-cc extension on every packet, key frames on PLI/FIR
 * per layer, and RTX answers to the SFU's NACKs from a history of sent packets.
 */
final class MediaSender extends PeerLoop {
  static final int PT = 96;
  static final int RTX_PT = 97;
  static final int TWCC_ID = 4;
  static final int MAX_PAYLOAD = 1000;
  static final int HISTORY = 2048;

  private final long[] ssrcs;
  private final long[] rtxSsrcs;
  private final long[] bitrates;
  private final int[] seq;
  private final int[] rtxSeq;
  private final long[] ts;
  private final boolean[] keyFrameWanted;
  private final byte[][][] history; // [layer][seq & mask] plaintext packet
  private int twSeq;
  /** When false, NACKs are ignored (repair upstream becomes impossible). */
  volatile boolean answerNacks = true;
  final AtomicLong plisReceived = new AtomicLong();
  final AtomicLong nackedSeqs = new AtomicLong();
  final AtomicLong rtxSent = new AtomicLong();
  final AtomicLong packetsSent = new AtomicLong();
  final AtomicLong keyFramesSent = new AtomicLong();

  MediaSender(WebRtcTestPeer peer, long[] ssrcs, long[] rtxSsrcs, long[] bitrates) {
    super(peer, "media-sender");
    this.ssrcs = ssrcs;
    this.rtxSsrcs = rtxSsrcs;
    this.bitrates = bitrates;
    int n = ssrcs.length;
    seq = new int[n];
    rtxSeq = new int[n];
    ts = new long[n];
    keyFrameWanted = new boolean[n];
    history = new byte[n][HISTORY][];
    for (int i = 0; i < n; i++) {
      seq[i] = 1000 * (i + 1);
      ts[i] = 100_000L * (i + 1);
      keyFrameWanted[i] = true;
    }
  }

  MediaSender start() {
    startThread();
    return this;
  }

  @Override
  void loop() throws Exception {
    long frameNanos = 1_000_000_000L / 30;
    long next = System.nanoTime();
    while (running()) {
      for (int l = 0; l < ssrcs.length; l++) {
        sendFrame(l);
      }
      next += frameNanos;
      while (running()) {
        handleRtcp();
        long left = next - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Thread.sleep(Math.min(2, Math.max(1, left / 1_000_000)));
      }
      refreshConsent(System.nanoTime()); // ICE consent freshness
    }
  }

  private void sendFrame(int l) throws Exception {
    int frameBytes = (int) (bitrates[l] / 8 / 30);
    boolean key = keyFrameWanted[l];
    keyFrameWanted[l] = false;
    if (key) {
      keyFramesSent.incrementAndGet();
    }
    int packets = Math.max(1, (frameBytes + MAX_PAYLOAD - 1) / MAX_PAYLOAD);
    int per = Math.max(8, frameBytes / packets);
    for (int k = 0; k < packets; k++) {
      byte[] payload = new byte[per];
      if (k == 0) {
        payload[0] = 0x10; // VP8 descriptor: S=1, PID 0
        payload[1] = (byte) (key ? 0x10 : 0x11); // frame tag: P=0 is a key frame
      } else {
        payload[0] = 0x00;
      }
      byte[] p = rtp(k == packets - 1, PT, seq[l], ts[l], ssrcs[l], payload);
      history[l][seq[l] & (HISTORY - 1)] = p;
      seq[l] = (seq[l] + 1) & 0xFFFF;
      peer.sendRtp(p);
      packetsSent.incrementAndGet();
    }
    ts[l] += 3000;
  }

  private byte[] rtp(boolean marker, int pt, int sequence, long timestamp, long ssrc, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + payload.length);
    b.put((byte) 0x90).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) sequence)
        .putInt((int) timestamp).putInt((int) ssrc);
    b.putShort((short) 0xBEDE).putShort((short) 1).put((byte) ((TWCC_ID << 4) | 1))
        .putShort((short) twSeq).put((byte) 0);
    twSeq = (twSeq + 1) & 0xFFFF;
    b.put(payload);
    return b.array();
  }

  private final GenericNack nack = new GenericNack();
  private final int[] lost = new int[17 * 256];
  private final RtcpCompoundCursor cursor = new RtcpCompoundCursor();

  private void handleRtcp() throws Exception {
    byte[] c;
    while ((c = peer.receivedRtcp().poll()) != null) {
      ByteBuf buf = Unpooled.wrappedBuffer(c);
      try {
        cursor.reset(buf, 0, c.length);
        while (cursor.next()) {
          int off = cursor.offset();
          int len = cursor.length();
          if (cursor.packetType() == RtcpPacketType.PSFB && cursor.count() == 1 && len >= 12) {
            plisReceived.incrementAndGet();
            wantKeyFrame(buf.getUnsignedInt(off + 8));
          } else if (cursor.packetType() == RtcpPacketType.PSFB && cursor.count() == 4 && len >= 20) {
            plisReceived.incrementAndGet();
            wantKeyFrame(buf.getUnsignedInt(off + 12));
          } else if (cursor.packetType() == RtcpPacketType.RTPFB && cursor.count() == 1
              && nack.wrap(buf, off, len) == RtcpDropReason.OK) {
            int n = nack.lostSequenceNumbers(lost);
            nackedSeqs.addAndGet(n);
            for (int l = 0; l < ssrcs.length; l++) {
              if (answerNacks && ssrcs[l] == nack.mediaSsrc()) {
                for (int i = 0; i < n; i++) {
                  resend(l, lost[i]);
                }
              }
            }
          }
        }
      } finally {
        buf.release();
      }
    }
  }

  private void wantKeyFrame(long ssrc) {
    for (int l = 0; l < ssrcs.length; l++) {
      if (ssrcs[l] == ssrc) {
        keyFrameWanted[l] = true;
      }
    }
  }

  private void resend(int l, int s) throws Exception {
    byte[] orig = history[l][s & (HISTORY - 1)];
    if (orig == null || (((orig[2] & 0xFF) << 8) | (orig[3] & 0xFF)) != s) {
      return;
    }
    int header = 12 + 8;
    byte[] payload = new byte[2 + orig.length - header];
    payload[0] = (byte) (s >> 8);
    payload[1] = (byte) s;
    System.arraycopy(orig, header, payload, 2, orig.length - header);
    long timestamp = ByteBuffer.wrap(orig).getInt(4) & 0xFFFFFFFFL;
    byte[] rtx = rtp((orig[1] & 0x80) != 0, RTX_PT, rtxSeq[l], timestamp, rtxSsrcs[l], payload);
    rtxSeq[l] = (rtxSeq[l] + 1) & 0xFFFF;
    peer.sendRtp(rtx);
    rtxSent.incrementAndGet();
  }
}
