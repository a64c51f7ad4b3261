package org.sfu4j.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.sfu4j.ice.StunMessageWriter;

/**
 * The attacker's datagrams for {@code --mode flood}, one kind per {@link Kind}: what an internet
 * host can throw at a worker port without knowing any secret. Each builder returns a fresh array
 * (the flood pre-builds a pool of them once, so building cost never limits the send rate).
 */
public final class FloodDatagrams {
  /** What one datagram pretends to be. */
  public enum Kind {
    /** Random bytes, 1..1,200 long (any first byte). */
    RANDOM,
    /** STUN binding request for a real ufrag of the daemon, MESSAGE-INTEGRITY under a wrong key. */
    STUN_BAD_INTEGRITY,
    /** Well-formed STUN binding request for a ufrag the daemon never issued. */
    STUN_UNKNOWN_UFRAG,
    /** A DTLS 1.2 ClientHello record (epoch 0), as a new handshake from an unknown tuple. */
    DTLS_CLIENT_HELLO,
    /** An RTP packet (V=2, PT 96, random SSRC) from a tuple that never passed ICE. */
    RTP,
    /** An RTCP sender report from a tuple that never passed ICE. */
    RTCP
  }

  public static final int MAX_RANDOM_LENGTH = 1200;

  private FloodDatagrams() {}

  /** One datagram of {@code kind}; {@code serverUfrag}: the daemon's ufrag (STUN_BAD_INTEGRITY). */
  public static byte[] build(Kind kind, Random random, String serverUfrag) {
    return switch (kind) {
      case RANDOM -> randomBytes(random);
      case STUN_BAD_INTEGRITY -> stunBinding(random, serverUfrag);
      case STUN_UNKNOWN_UFRAG -> stunBinding(random, "zz" + Long.toString(random.nextLong()
          & Long.MAX_VALUE, 36));
      case DTLS_CLIENT_HELLO -> dtlsClientHello(random);
      case RTP -> rtp(random);
      case RTCP -> rtcpSenderReport(random);
    };
  }

  static byte[] randomBytes(Random random) {
    byte[] b = new byte[1 + random.nextInt(MAX_RANDOM_LENGTH)];
    random.nextBytes(b);
    return b;
  }

  /**
   * An ICE connectivity check "serverUfrag:attacker" with PRIORITY, ICE-CONTROLLING, a
   * MESSAGE-INTEGRITY computed under a random 22-byte key (so it fails the real password's
   * check) and a correct FINGERPRINT (so it reaches the integrity check).
   */
  static byte[] stunBinding(Random random, String serverUfrag) {
    byte[] tid = new byte[12];
    random.nextBytes(tid);
    byte[] wrongKey = new byte[22];
    random.nextBytes(wrongKey);
    String username = serverUfrag + ":atk" + Integer.toHexString(random.nextInt(0x10000));
    ByteBuf dst = Unpooled.buffer(StunMessageWriter.bindingRequestSize(username, false));
    try {
      int n = new StunMessageWriter().writeBindingRequest(dst, tid, username,
          0x6E7F1EFFL, false, random.nextLong(), wrongKey);
      byte[] out = new byte[n];
      dst.getBytes(0, out);
      return out;
    } finally {
      dst.release();
    }
  }

  /** DTLS 1.2 record (type 22, epoch 0) holding one unfragmented ClientHello without cookie. */
  static byte[] dtlsClientHello(Random random) {
    int body = 2 + 32 + 1 + 1 + 2 + 4 + 1 + 1; // version, random, sid, cookie, 2 suites, compr.
    int handshake = 12 + body;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(13 + handshake);
    b.put((byte) 22).putShort((short) 0xFEFD).putShort((short) 0);
    b.putShort((short) 0).putInt(random.nextInt(1 << 20)); // 48-bit sequence number
    b.putShort((short) handshake);
    b.put((byte) 1); // client_hello
    putUint24(b, body);
    b.putShort((short) 0); // message_seq
    putUint24(b, 0); // fragment_offset
    putUint24(b, body); // fragment_length
    b.putShort((short) 0xFEFD);
    byte[] rnd = new byte[32];
    random.nextBytes(rnd);
    b.put(rnd);
    b.put((byte) 0); // session id
    b.put((byte) 0); // cookie
    b.putShort((short) 4).putShort((short) 0xC02B).putShort((short) 0xC02F);
    b.put((byte) 1).put((byte) 0); // null compression
    return b.array();
  }

  /** RTP, version 2, PT 96, random sequence/timestamp/SSRC, 100..1,100 payload bytes. */
  static byte[] rtp(Random random) {
    byte[] b = new byte[12 + 100 + random.nextInt(1001)];
    random.nextBytes(b);
    b[0] = (byte) 0x80;
    b[1] = (byte) 96;
    return b;
  }

  /** RTCP SR without report blocks (28 bytes, length field 6), random SSRC and times. */
  static byte[] rtcpSenderReport(Random random) {
    byte[] b = new byte[28];
    random.nextBytes(b);
    b[0] = (byte) 0x80;
    b[1] = (byte) 200;
    b[2] = 0;
    b[3] = 6;
    return b;
  }

  private static void putUint24(java.nio.ByteBuffer b, int v) {
    b.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
  }
}
