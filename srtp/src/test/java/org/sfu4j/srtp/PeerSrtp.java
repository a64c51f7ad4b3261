package org.sfu4j.srtp;

import java.util.Arrays;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * The remote peer's SRTP, set up independently of {@link SrtpSession}: its own key split of the
 * raw exported keying material (RFC 5764 §4.2), its own jitsi policies and a plain byte[] buffer.
 */
final class PeerSrtp {
  private final SrtpContextFactory send;
  private final SrtpContextFactory recv;
  private final java.util.Map<Integer, SrtpCryptoContext> sendRtp = new java.util.HashMap<>();
  private final java.util.Map<Integer, SrtpCryptoContext> recvRtp = new java.util.HashMap<>();
  private final java.util.Map<Integer, SrtcpCryptoContext> sendRtcp = new java.util.HashMap<>();
  private final java.util.Map<Integer, SrtcpCryptoContext> recvRtcp = new java.util.HashMap<>();

  /**
   * @param material exported "EXTRACTOR-dtls_srtp" bytes
   * @param peerIsClient whether this peer was the DTLS client
   */
  PeerSrtp(int profileId, byte[] material, boolean peerIsClient) {
    JitsiSrtpSupport.init(); // process-wide provider pinning only; nothing else is shared
    int keyLen = profileId == 0x0008 ? 32 : 16;
    int saltLen = (profileId == 0x0007 || profileId == 0x0008) ? 12 : 14;
    byte[] ck = Arrays.copyOfRange(material, 0, keyLen);
    byte[] sk = Arrays.copyOfRange(material, keyLen, 2 * keyLen);
    byte[] cs = Arrays.copyOfRange(material, 2 * keyLen, 2 * keyLen + saltLen);
    byte[] ss = Arrays.copyOfRange(material, 2 * keyLen + saltLen, 2 * keyLen + 2 * saltLen);
    SrtpPolicy rtp;
    SrtpPolicy rtcp;
    if (profileId == 0x0007 || profileId == 0x0008) {
      rtp = new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLen, SrtpPolicy.NULL_AUTHENTICATION,
          0, 16, saltLen);
      rtcp = rtp;
    } else {
      rtp = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION,
          20, profileId == 0x0002 ? 4 : 10, 14);
      rtcp = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION,
          20, 10, 14);
    }
    LoggerImpl logger = new LoggerImpl("peer");
    logger.setLevelOff();
    send = new SrtpContextFactory(true, peerIsClient ? ck : sk, peerIsClient ? cs : ss, rtp,
        rtcp, logger);
    recv = new SrtpContextFactory(false, peerIsClient ? sk : ck, peerIsClient ? ss : cs, rtp,
        rtcp, logger);
  }

  byte[] protectRtp(byte[] rtp) throws Exception {
    int ssrc = readInt(rtp, 8);
    SrtpCryptoContext c = sendRtp.get(ssrc);
    if (c == null) {
      c = send.deriveContext(ssrc, 0);
      sendRtp.put(ssrc, c);
    }
    Buf b = new Buf(rtp);
    if (c.transformPacket(b) != SrtpErrorStatus.OK) {
      throw new IllegalStateException("peer protect failed");
    }
    return b.bytes();
  }

  /** Plaintext, or null when rejected. */
  byte[] unprotectRtp(byte[] srtp) throws Exception {
    int ssrc = readInt(srtp, 8);
    SrtpCryptoContext c = recvRtp.get(ssrc);
    if (c == null) {
      c = recv.deriveContext(ssrc, 0);
      recvRtp.put(ssrc, c);
    }
    Buf b = new Buf(srtp);
    return c.reverseTransformPacket(b, false) == SrtpErrorStatus.OK ? b.bytes() : null;
  }

  byte[] protectRtcp(byte[] rtcp) throws Exception {
    int ssrc = readInt(rtcp, 4);
    SrtcpCryptoContext c = sendRtcp.get(ssrc);
    if (c == null) {
      c = send.deriveControlContext(ssrc);
      sendRtcp.put(ssrc, c);
    }
    Buf b = new Buf(rtcp);
    if (c.transformPacket(b) != SrtpErrorStatus.OK) {
      throw new IllegalStateException("peer protect failed");
    }
    return b.bytes();
  }

  byte[] unprotectRtcp(byte[] srtcp) throws Exception {
    int ssrc = readInt(srtcp, 4);
    SrtcpCryptoContext c = recvRtcp.get(ssrc);
    if (c == null) {
      c = recv.deriveControlContext(ssrc);
      recvRtcp.put(ssrc, c);
    }
    Buf b = new Buf(srtcp);
    return c.reverseTransformPacket(b) == SrtpErrorStatus.OK ? b.bytes() : null;
  }

  /** A receiving context with a chosen initial ROC, for ROC tests. */
  SrtpCryptoContext receiverWithRoc(int ssrc, int roc) throws Exception {
    return recv.deriveContext(ssrc, roc);
  }

  static byte[] unprotectWith(SrtpCryptoContext c, byte[] srtp) throws Exception {
    Buf b = new Buf(srtp);
    return c.reverseTransformPacket(b, false) == SrtpErrorStatus.OK ? b.bytes() : null;
  }

  private static int readInt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  /** Growable byte[] packet, written for the test peer. */
  static final class Buf implements ByteArrayBuffer {
    private byte[] data;
    private int len;

    Buf(byte[] packet) {
      data = Arrays.copyOf(packet, packet.length + 64);
      len = packet.length;
    }

    byte[] bytes() {
      return Arrays.copyOf(data, len);
    }

    @Override
    public byte[] getBuffer() {
      return data;
    }

    @Override
    public int getOffset() {
      return 0;
    }

    @Override
    public int getLength() {
      return len;
    }

    @Override
    public void setLength(int l) {
      len = l;
    }

    @Override
    public void setOffset(int o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isInvalid() {
      return false;
    }

    @Override
    public void readRegionToBuff(int off, int l, byte[] out) {
      System.arraycopy(data, off, out, 0, l);
    }

    @Override
    public void grow(int n) {
      if (len + n > data.length) {
        data = Arrays.copyOf(data, len + n);
      }
    }

    @Override
    public void append(byte[] d, int l) {
      grow(l);
      System.arraycopy(d, 0, data, len, l);
      len += l;
    }

    @Override
    public void shrink(int n) {
      len -= n;
    }
  }
}
