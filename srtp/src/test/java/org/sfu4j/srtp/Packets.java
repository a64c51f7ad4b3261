package org.sfu4j.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;

/** Test packets: RTP/RTCP byte arrays and heap ByteBufs with tag room. */
final class Packets {
  private Packets() {}

  static byte[] rtp(int ssrc, int seq, int payloadLength, long seed) {
    byte[] p = new byte[12 + payloadLength];
    p[0] = (byte) 0x80;
    p[1] = 96;
    p[2] = (byte) (seq >> 8);
    p[3] = (byte) seq;
    int ts = seq * 3000;
    p[4] = (byte) (ts >> 24);
    p[5] = (byte) (ts >> 16);
    p[6] = (byte) (ts >> 8);
    p[7] = (byte) ts;
    p[8] = (byte) (ssrc >> 24);
    p[9] = (byte) (ssrc >> 16);
    p[10] = (byte) (ssrc >> 8);
    p[11] = (byte) ssrc;
    Random r = new Random(seed);
    for (int i = 12; i < p.length; i++) {
      p[i] = (byte) r.nextInt();
    }
    return p;
  }

  /** A receiver report with one report block (32 bytes). */
  static byte[] rtcpRr(int ssrc, long seed) {
    byte[] p = new byte[32];
    p[0] = (byte) 0x81;
    p[1] = (byte) 201;
    p[3] = 7;
    p[4] = (byte) (ssrc >> 24);
    p[5] = (byte) (ssrc >> 16);
    p[6] = (byte) (ssrc >> 8);
    p[7] = (byte) ssrc;
    Random r = new Random(seed);
    for (int i = 8; i < p.length; i++) {
      p[i] = (byte) r.nextInt();
    }
    return p;
  }

  /** Heap buffer holding {@code packet} with {@code room} writable bytes behind it. */
  static ByteBuf heap(byte[] packet, int room) {
    ByteBuf b = Unpooled.buffer(packet.length + room, packet.length + room);
    b.writeBytes(packet);
    return b;
  }

  static byte[] bytes(ByteBuf b) {
    byte[] out = new byte[b.readableBytes()];
    b.getBytes(b.readerIndex(), out);
    return out;
  }
}
