package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;

/** Table-driven switching rules, VP8 picture-id continuity, and PayloadLayers on random input. */
class TemporalLayerFilterTest {
  private static PayloadLayers layers(int tid, boolean frameStart, boolean upSwitch) {
    PayloadLayers l = new PayloadLayers(PayloadLayers.Codec.OTHER);
    l.tid = tid;
    l.frameStart = frameStart;
    l.upSwitch = upSwitch;
    return l;
  }

  @Test
  void switchesOnlyWhereTheDecoderCanFollow() {
    // {target, tid, frameStart, upSwitch, keyFrame, expected pass, expected current}
    int[][] table = {
        {2, 0, 1, 0, 1, 1, 2}, // key frame: straight to target
        {0, 2, 0, 0, 0, 1, 2}, // down requested mid-frame: frame continues
        {0, 2, 1, 0, 0, 0, 0}, // down at the next frame start
    };
    TemporalLayerFilter f = new TemporalLayerFilter(3, 2);
    for (int i = 0; i < table.length; i++) {
      int[] r = table[i];
      f.setTarget(r[0]);
      boolean pass = f.accept(layers(r[1], r[2] == 1, r[3] == 1), r[4] == 1);
      assertEquals(r[5] == 1, pass, "row " + i);
      assertEquals(r[6], f.current(), "row " + i);
    }
    f.setTarget(1);
    assertEquals(false, f.accept(layers(2, true, true), false), "sync frame above the target");
    assertEquals(0, f.current());
    assertEquals(false, f.accept(layers(1, true, false), false), "TL1 without Y: no switch");
    assertEquals(true, f.accept(layers(1, true, true), false), "TL1 with Y switches to 1");
    assertEquals(1, f.current());
    f.setTarget(2);
    assertEquals(false, f.accept(layers(2, true, false), false));
    assertEquals(true, f.accept(layers(0, true, false), false), "TL0 frame start: to the target");
    assertEquals(2, f.current());
    assertEquals(true, f.accept(layers(-1, true, false), false), "no temporal id: passes");
    assertEquals(true, new TemporalLayerFilter(1, 0).accept(layers(2, true, false), false),
        "one layer: no filtering");
  }

  private static ByteBuf vp8(int pic, boolean longId) {
    ByteBuf b = Unpooled.buffer(8);
    b.writeByte(0x90).writeByte(0x80);
    if (longId) {
      b.writeShort(0x8000 | pic);
    } else {
      b.writeByte(pic & 0x7F);
    }
    b.writeByte(0x11).writeByte(0);
    return b;
  }

  @Test
  void vp8PictureIdsStayContinuousAcrossDropsAndWrapInBothWidths() {
    for (boolean longId : new boolean[] {true, false}) {
      int mask = longId ? 0x7FFF : 0x7F;
      Vp8PictureContinuity c = new Vp8PictureContinuity();
      org.sfu4j.media.codec.Vp8PayloadDescriptor d = new org.sfu4j.media.codec.Vp8PayloadDescriptor();
      int start = mask - 2;
      int expected = start;
      for (int i = 0; i < 12; i++) {
        int pic = (start + i) & mask;
        ByteBuf b = vp8(pic, longId);
        d.parse(b, 0, b.readableBytes());
        if (i % 3 == 1) {
          c.dropFrame(d);
          c.dropFrame(d); // a second packet of the same dropped frame shifts nothing more
        } else {
          c.rewrite(d);
          assertEquals(expected & mask, d.pictureId(), "long=" + longId + " i=" + i);
          expected++;
        }
        b.release();
      }
    }
  }

  @Test
  void payloadLayersNeverThrowOnRandomPayloads() {
    Random random = new Random(7);
    RtpPacket packet = new RtpPacket();
    PayloadLayers[] all = {new PayloadLayers(PayloadLayers.Codec.VP8),
        new PayloadLayers(PayloadLayers.Codec.VP9), new PayloadLayers(PayloadLayers.Codec.AV1)};
    byte[] bytes = new byte[40];
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    for (int i = 0; i < 100_000; i++) {
      int len = 12 + random.nextInt(28);
      random.nextBytes(bytes);
      bytes[0] = (byte) 0x80; // valid RTP header without CSRC/extension/padding
      buf.setIndex(0, len);
      if (packet.wrap(buf) != RtpDropReason.OK) {
        continue;
      }
      for (PayloadLayers l : all) {
        l.parse(packet); // must not throw; ids within their field ranges
        if (l.tid > 7 || l.sid > 7) {
          throw new AssertionError("out of range " + l.tid + "/" + l.sid);
        }
      }
    }
    buf.release();
  }
}
