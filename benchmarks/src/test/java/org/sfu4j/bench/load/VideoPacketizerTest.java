package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.codec.Vp8PayloadDescriptor;
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;

class VideoPacketizerTest {

  @Test
  void defaultModelIsAboutOneMegabitInPacketsOfAtMost1100Bytes() {
    TrafficModel m = TrafficModel.defaults();
    VideoPacketizer v = new VideoPacketizer(m, 3, 0x1234, 1);
    byte[] buf = new byte[1500];
    long bytes = 0;
    int packets = 0;
    int keyFrames = 0;
    int frames = m.fps() * 10;
    for (int f = 0; f < frames; f++) {
      int n = v.startFrame();
      keyFrames += v.keyFrame() ? 1 : 0;
      for (int i = 0; i < n; i++) {
        int len = v.writePacket(i, buf, 0);
        assertTrue(len <= 1100, "len " + len);
        bytes += len;
        packets++;
      }
    }
    assertEquals(5, keyFrames); // one per 2 s
    double mbps = bytes * 8 / 10.0 / 1e6;
    assertTrue(mbps > 0.95 && mbps < 1.1, "Mbit/s " + mbps);
    double pps = packets / 10.0;
    assertTrue(Math.abs(pps - m.videoPacketsPerSecond()) < 10, pps + " vs "
        + m.videoPacketsPerSecond());
    assertEquals(packets - 1, v.lastSequence());
  }

  @Test
  void packetsAreValidRtpWithVp8DescriptorMarkerAndProbe() {
    TrafficModel m = TrafficModel.defaults();
    VideoPacketizer v = new VideoPacketizer(m, 2, 0xCAFEBABEL, 9);
    byte[] buf = new byte[1500];
    RtpPacket rtp = new RtpPacket();
    Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
    int lastSeq = -1;
    long lastTs = -1;
    int lastPicture = -1;
    long probeSeq = 0;
    for (int f = 0; f < 3; f++) {
      int n = v.startFrame();
      assertTrue(n > 1);
      for (int i = 0; i < n; i++) {
        long sent = 1_000_000L * f + i;
        int len = v.writePacket(i, buf, sent);
        ByteBuf b = Unpooled.wrappedBuffer(buf, 0, len);
        assertEquals(RtpDropReason.OK, rtp.wrap(b));
        assertEquals(96, rtp.payloadType());
        assertEquals(0xCAFEBABEL, rtp.ssrc());
        assertEquals(i == n - 1, rtp.marker());
        if (lastSeq >= 0) {
          assertEquals((lastSeq + 1) & 0xFFFF, rtp.sequenceNumber());
        }
        lastSeq = rtp.sequenceNumber();
        assertTrue(vp8.parse(b, rtp.payloadOffset(), rtp.payloadLength()));
        assertEquals(6, vp8.descriptorLength());
        assertTrue(vp8.hasLongPictureId());
        assertEquals(0, vp8.temporalLayerId());
        assertEquals(i == 0 && f == 0, vp8.isKeyFrame(), "frame " + f + " packet " + i);
        assertEquals(f == 0 && i == 0, Vp8PayloadDescriptor.detectKeyFrame(b,
            rtp.payloadOffset(), rtp.payloadLength()));
        if (i == 0) {
          if (lastPicture >= 0) {
            assertEquals((lastPicture + 1) & 0x7FFF, vp8.pictureId());
            assertEquals((lastTs + 3000) & 0xFFFFFFFFL, rtp.timestamp());
          }
          lastPicture = vp8.pictureId();
          lastTs = rtp.timestamp();
        } else {
          assertEquals(lastPicture, vp8.pictureId());
          assertEquals(lastTs, rtp.timestamp());
        }
        assertTrue(Probe.present(b, 0, len));
        assertEquals(Probe.streamId(2, Probe.KIND_VIDEO), Probe.streamId(b, len));
        assertEquals(probeSeq++, Probe.sequence(b, len));
        assertEquals(sent, Probe.sendNanos(b, len));
      }
    }
  }

  @Test
  void audioIsFiftyPacketsOfFixedSize() {
    AudioPacketizer a = new AudioPacketizer(TrafficModel.defaults().withAudio(true), 1, 77);
    byte[] buf = new byte[1500];
    int len = a.writePacket(buf, 123);
    assertEquals(12 + 160, len);
    assertEquals(TrafficModel.OPUS_PAYLOAD_TYPE, buf[1] & 0x7F);
    assertFalse((buf[1] & 0x80) != 0);
    assertTrue(Probe.present(buf, len));
    assertEquals(Probe.streamId(1, Probe.KIND_AUDIO), Probe.streamId(buf, len));
    assertEquals(0, Probe.sequence(buf, len));
    assertEquals(123, Probe.sendNanos(buf, len));
    assertEquals(1, Probe.sequence(buf, a.writePacket(buf, 0)));
  }

  @Test
  void probeRejectsTruncationsAndForeignBytes() {
    byte[] buf = new byte[100];
    Probe.write(buf, 100, 5, 6, 7);
    ByteBuf b = Unpooled.wrappedBuffer(buf);
    assertTrue(Probe.present(b, 0, 100));
    for (int len = 0; len < 100; len++) {
      assertFalse(Probe.present(b, 0, len), "len " + len);
    }
    assertFalse(Probe.present(b, 10, 100));
    assertFalse(Probe.present(new byte[10], 10));
  }
}
