package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {
  private static final int SSRC = 0x11223344;

  private static byte[] material(SrtpProfile p, long seed) {
    byte[] m = new byte[p.keyingMaterialLength()];
    new Random(seed).nextBytes(m);
    return m;
  }

  private static SrtpSession ours(SrtpProfile p, byte[] material) {
    return SrtpSession.create(p, SrtpKeys.fromKeyingMaterial(p, material, false));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpRoundTripsWithIndependentPeer(SrtpProfile p) throws Exception {
    byte[] m = material(p, 1);
    SrtpSession session = ours(p, m);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    for (int seq = 1000; seq < 1010; seq++) {
      byte[] plain = Packets.rtp(SSRC, seq, 1188, seq);
      ByteBuf buf = Packets.heap(plain, p.maxOverhead());
      try {
        assertEquals(SrtpResult.OK, session.protectRtp(buf));
        assertEquals(plain.length + p.srtpTagLength(), buf.readableBytes());
        byte[] wire = Packets.bytes(buf);
        assertArrayEquals(Arrays.copyOf(plain, 12), Arrays.copyOf(wire, 12), "header in clear");
        assertFalse(Arrays.equals(plain, 12, plain.length, wire, 12, plain.length),
            "payload encrypted");
        assertArrayEquals(plain, peer.unprotectRtp(wire));
      } finally {
        buf.release();
      }
      byte[] fromPeer = peer.protectRtp(Packets.rtp(SSRC + 1, seq, 500, seq + 7));
      ByteBuf in = Packets.heap(fromPeer, 0);
      try {
        assertEquals(SrtpResult.OK, session.unprotectRtp(in));
        assertArrayEquals(Packets.rtp(SSRC + 1, seq, 500, seq + 7), Packets.bytes(in));
      } finally {
        in.release();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpRoundTripsWithIndependentPeer(SrtpProfile p) throws Exception {
    byte[] m = material(p, 2);
    SrtpSession session = ours(p, m);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    for (int i = 0; i < 5; i++) {
      byte[] plain = Packets.rtcpRr(SSRC, i);
      ByteBuf buf = Packets.heap(plain, p.maxOverhead());
      try {
        assertEquals(SrtpResult.OK, session.protectRtcp(buf));
        assertEquals(plain.length + 4 + p.srtcpTagLength(), buf.readableBytes());
        assertArrayEquals(plain, peer.unprotectRtcp(Packets.bytes(buf)));
      } finally {
        buf.release();
      }
      byte[] peerPlain = Packets.rtcpRr(SSRC + 2, 100 + i);
      ByteBuf in = Packets.heap(peer.protectRtcp(peerPlain), 0);
      try {
        assertEquals(SrtpResult.OK, session.unprotectRtcp(in));
        assertArrayEquals(peerPlain, Packets.bytes(in));
      } finally {
        in.release();
      }
    }
  }

  /**
   * A consumer without RTX answers a NACK by sending the same sequence number again, so protect
   * must not apply replay protection to what we send (only to what we receive).
   */
  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void sameSequenceNumberCanBeProtectedAgainForPlainRetransmission(SrtpProfile p) throws Exception {
    byte[] m = material(p, 5);
    SrtpSession session = ours(p, m);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    byte[] plain = Packets.rtp(SSRC, 4000, 1188, 77);
    for (int attempt = 0; attempt < 2; attempt++) {
      if (attempt == 1) {
        // newer packets went out in between, as they do before a NACK arrives
        for (int seq = 4001; seq < 4005; seq++) {
          ByteBuf later = Packets.heap(Packets.rtp(SSRC, seq, 100, seq), p.maxOverhead());
          try {
            assertEquals(SrtpResult.OK, session.protectRtp(later));
          } finally {
            later.release();
          }
        }
      }
      ByteBuf buf = Packets.heap(plain, p.maxOverhead());
      try {
        assertEquals(SrtpResult.OK, session.protectRtp(buf), "protect attempt " + attempt);
        if (attempt == 0) {
          assertArrayEquals(plain, peer.unprotectRtp(Packets.bytes(buf)));
        }
      } finally {
        buf.release();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void replayedPacketIsRejected(SrtpProfile p) throws Exception {
    byte[] m = material(p, 3);
    SrtpSession session = ours(p, m);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    byte[] wire = peer.protectRtp(Packets.rtp(SSRC, 7, 100, 7));
    ByteBuf first = Packets.heap(wire, 0);
    ByteBuf again = Packets.heap(wire, 0);
    byte[] rtcp = peer.protectRtcp(Packets.rtcpRr(SSRC, 1));
    ByteBuf rtcpFirst = Packets.heap(rtcp, 0);
    ByteBuf rtcpAgain = Packets.heap(rtcp, 0);
    try {
      assertEquals(SrtpResult.OK, session.unprotectRtp(first));
      assertEquals(SrtpResult.REPLAY, session.unprotectRtp(again));
      assertEquals(wire.length, again.readableBytes(), "indexes untouched on failure");
      assertEquals(SrtpResult.OK, session.unprotectRtcp(rtcpFirst));
      assertEquals(SrtpResult.REPLAY, session.unprotectRtcp(rtcpAgain));
      assertEquals(2, session.counters().replayed());
    } finally {
      first.release();
      again.release();
      rtcpFirst.release();
      rtcpAgain.release();
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void flippedTagByteFailsAuthentication(SrtpProfile p) throws Exception {
    byte[] m = material(p, 4);
    SrtpSession session = ours(p, m);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    byte[] wire = peer.protectRtp(Packets.rtp(SSRC, 9, 100, 9));
    wire[wire.length - 1] ^= 0x01;
    byte[] rtcp = peer.protectRtcp(Packets.rtcpRr(SSRC, 2));
    rtcp[rtcp.length - 1] ^= 0x40;
    ByteBuf a = Packets.heap(wire, 0);
    ByteBuf b = Packets.heap(rtcp, 0);
    try {
      assertEquals(SrtpResult.AUTH_FAILED, session.unprotectRtp(a));
      assertEquals(SrtpResult.AUTH_FAILED, session.unprotectRtcp(b));
      assertEquals(2, session.counters().authFailed());
    } finally {
      a.release();
      b.release();
    }
    // The forged packet did not create state: the genuine one still authenticates.
    wire[wire.length - 1] ^= 0x01;
    ByteBuf good = Packets.heap(wire, 0);
    try {
      assertEquals(SrtpResult.OK, session.unprotectRtp(good));
    } finally {
      good.release();
    }
  }

  /**
   * Sends across the 16-bit sequence wrap. The peer's receiver is fresh and started with ROC=1
   * for the post-wrap packet: it authenticates only if our sender used ROC=1 (RFC 3711 §3.3.1).
   */
  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rolloverCounterAdvancesAcrossSequenceWrap(SrtpProfile p) throws Exception {
    byte[] m = material(p, 5);
    SrtpSession session = ours(p, m);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    byte[] afterWrap = null;
    for (int i = 0; i < 8; i++) {
      int seq = (65532 + i) & 0xffff;
      byte[] plain = Packets.rtp(SSRC, seq, 200, i);
      ByteBuf buf = Packets.heap(plain, p.maxOverhead());
      try {
        assertEquals(SrtpResult.OK, session.protectRtp(buf));
        byte[] wire = Packets.bytes(buf);
        assertArrayEquals(plain, peer.unprotectRtp(wire), "seq " + seq);
        if (seq == 2) {
          afterWrap = wire;
        }
      } finally {
        buf.release();
      }
    }
    assertNotNull(PeerSrtp.unprotectWith(peer.receiverWithRoc(SSRC, 1), afterWrap));
    assertNull(PeerSrtp.unprotectWith(peer.receiverWithRoc(SSRC, 0), afterWrap));

    // And the other way: our receiver follows the peer's wrap.
    for (int i = 0; i < 8; i++) {
      int seq = (65532 + i) & 0xffff;
      byte[] plain = Packets.rtp(SSRC + 9, seq, 200, i);
      ByteBuf in = Packets.heap(peer.protectRtp(plain), 0);
      try {
        assertEquals(SrtpResult.OK, session.unprotectRtp(in), "seq " + seq);
        assertArrayEquals(plain, Packets.bytes(in));
      } finally {
        in.release();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rejectsDirectBuffersShortBuffersAndMissingRoom(SrtpProfile p) {
    SrtpSession session = ours(p, material(p, 6));
    byte[] plain = Packets.rtp(SSRC, 1, 100, 1);
    ByteBuf direct = Unpooled.directBuffer(200).writeBytes(plain);
    ByteBuf noRoom = Packets.heap(plain, p.srtpTagLength() - 1);
    ByteBuf rtcpNoRoom = Packets.heap(Packets.rtcpRr(SSRC, 1), p.srtcpTagLength() + 3);
    ByteBuf shortOne = Packets.heap(new byte[] {(byte) 0x80, 0, 0}, 40);
    try {
      assertEquals(SrtpResult.INVALID, session.protectRtp(direct));
      assertEquals(SrtpResult.INVALID, session.unprotectRtp(direct));
      assertEquals(SrtpResult.NO_ROOM, session.protectRtp(noRoom));
      assertEquals(SrtpResult.NO_ROOM, session.protectRtcp(rtcpNoRoom));
      assertEquals(SrtpResult.TOO_SHORT, session.protectRtp(shortOne));
      assertEquals(SrtpResult.TOO_SHORT, session.unprotectRtcp(shortOne));
      assertEquals(plain.length, noRoom.readableBytes());
      session.close();
      assertEquals(SrtpResult.CLOSED, session.unprotectRtp(noRoom));
    } finally {
      direct.release();
      noRoom.release();
      rtcpNoRoom.release();
      shortOne.release();
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void everyTruncationOfValidPacketsIsCleanlyRejected(SrtpProfile p) throws Exception {
    byte[] m = material(p, 7);
    PeerSrtp peer = new PeerSrtp(p.protectionProfileId(), m, true);
    byte[] rtp = Packets.rtp(SSRC, 5, 300, 5);
    rtp[0] |= 0x10; // with a one-word header extension
    byte[] withExt = new byte[rtp.length + 8];
    System.arraycopy(rtp, 0, withExt, 0, 12);
    withExt[12] = (byte) 0xbe;
    withExt[13] = (byte) 0xde;
    withExt[15] = 1;
    System.arraycopy(rtp, 12, withExt, 20, rtp.length - 12);
    byte[] srtp = peer.protectRtp(withExt);
    byte[] srtcp = peer.protectRtcp(Packets.rtcpRr(SSRC, 3));
    SrtpSession session = ours(p, m);
    for (int len = 0; len < srtp.length; len++) {
      ByteBuf b = Packets.heap(Arrays.copyOf(srtp, len), 0);
      try {
        assertNotEquals(SrtpResult.OK, session.unprotectRtp(b), "len " + len);
      } finally {
        b.release();
      }
    }
    for (int len = 0; len < srtcp.length; len++) {
      ByteBuf b = Packets.heap(Arrays.copyOf(srtcp, len), 0);
      try {
        assertNotEquals(SrtpResult.OK, session.unprotectRtcp(b), "len " + len);
      } finally {
        b.release();
      }
    }
    ByteBuf full = Packets.heap(srtp, 0);
    try {
      assertEquals(SrtpResult.OK, session.unprotectRtp(full), "intact packet after truncations");
      assertArrayEquals(withExt, Packets.bytes(full));
    } finally {
      full.release();
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void randomBuffersNeverThrowAndNeverAuthenticate(SrtpProfile p) {
    SrtpSession session = ours(p, material(p, 8));
    Random r = new Random(42 + p.ordinal());
    ByteBuf b = Unpooled.buffer(1600, 1600);
    try {
      for (int i = 0; i < 100_000; i++) {
        int len = r.nextInt(i % 10 == 0 ? 1500 : 64);
        b.clear();
        for (int j = 0; j < len; j++) {
          b.writeByte(r.nextInt());
        }
        if ((i & 1) == 0 && len > 0) {
          b.setByte(0, (b.getByte(0) & 0x3f) | 0x80); // mostly version 2, to reach the crypto
        }
        SrtpResult res = (i & 2) == 0 ? session.unprotectRtp(b) : session.unprotectRtcp(b);
        assertNotEquals(SrtpResult.OK, res);
      }
      SrtpSession.Counters c = session.counters();
      assertEquals(100_000, c.authFailed() + c.replayed() + c.tooShort() + c.invalid());
    } finally {
      b.release();
    }
  }
}
