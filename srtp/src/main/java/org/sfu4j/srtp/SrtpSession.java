package org.sfu4j.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;
import java.security.GeneralSecurityException;
import org.jitsi.srtp.BaseSrtpCryptoContext;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * SRTP/SRTCP protect and unprotect, in place, for one DTLS-SRTP association (both directions).
 *
 * <p>Wraps jitsi-srtp: one crypto context per SSRC and direction, created on the first packet of
 * that SSRC (ROC starts at 0, RFC 3711 §3.3.1; jitsi tracks the rollover across sequence wraps and
 * keeps a 64-packet replay window). A context for an unknown inbound SSRC is only kept once a packet
 * authenticated with it, so forged packets with random SSRCs cannot grow the maps.
 *
 * <p>Threading: not thread-safe. One owner thread (the transport's event loop) calls every method.
 *
 * <p>Buffers: every method works on a <b>heap</b> {@link ByteBuf} ({@code hasArray()}) and only during
 * the call: it never retains or releases the buffer. Direct buffers are rejected with
 * {@link SrtpResult#INVALID} — copy into a heap buffer first (the one copy the packet path makes
 * anyway). On any result other than {@link SrtpResult#OK} the buffer content is unspecified and
 * the packet must be dropped; its reader/writer indexes are left unchanged.
 */
public final class SrtpSession {
  private static final int RTP_HEADER_LENGTH = 12;
  private static final int RTCP_HEADER_LENGTH = 8;

  private final SrtpProfile profile;
  private final SrtpContextFactory sendFactory;
  private final SrtpContextFactory recvFactory;
  private final IntObjectHashMap<BaseSrtpCryptoContext> sendRtp = new IntObjectHashMap<>();
  private final IntObjectHashMap<BaseSrtpCryptoContext> recvRtp = new IntObjectHashMap<>();
  private final IntObjectHashMap<BaseSrtpCryptoContext> sendRtcp = new IntObjectHashMap<>();
  private final IntObjectHashMap<BaseSrtpCryptoContext> recvRtcp = new IntObjectHashMap<>();
  private final HeapPacketBuffer view = new HeapPacketBuffer();
  private final Counters counters = new Counters();
  private boolean closed;

  private SrtpSession(SrtpProfile profile, SrtpKeys keys) {
    this.profile = profile;
    this.sendFactory = new SrtpContextFactory(true, keys.localKey(), keys.localSalt(),
        JitsiSrtpSupport.rtpPolicy(profile), JitsiSrtpSupport.rtcpPolicy(profile),
        JitsiSrtpSupport.logger());
    this.recvFactory = new SrtpContextFactory(false, keys.remoteKey(), keys.remoteSalt(),
        JitsiSrtpSupport.rtpPolicy(profile), JitsiSrtpSupport.rtcpPolicy(profile),
        JitsiSrtpSupport.logger());
  }

  /**
   * A session that protects with the local side's keys and unprotects with the remote side's,
   * chosen by {@link SrtpKeys#localIsClient()}.
   */
  public static SrtpSession create(SrtpProfile profile, SrtpKeys keys) {
    return new SrtpSession(profile, keys);
  }

  public SrtpProfile profile() {
    return profile;
  }

  /** Drop counters; read on the owner thread. */
  public Counters counters() {
    return counters;
  }

  /**
   * Encrypts and authenticates the RTP packet in {@code buf}'s readable bytes and appends the tag,
   * advancing writerIndex. Needs {@link SrtpProfile#maxOverhead()} writable bytes (without
   * reallocation) behind the packet. Does not retain or release {@code buf}.
   */
  public SrtpResult protectRtp(ByteBuf buf) {
    SrtpResult check = checkRtp(buf, 0);
    if (check != SrtpResult.OK) {
      return countProtect(check);
    }
    if (buf.capacity() - buf.writerIndex() < profile.srtpTagLength()) {
      return countProtect(SrtpResult.NO_ROOM);
    }
    return transform(buf, Op.PROTECT_RTP, sendRtp, sendFactory);
  }

  /**
   * Verifies and decrypts the SRTP packet in {@code buf}'s readable bytes, reducing writerIndex by
   * the tag length. Does not retain or release {@code buf}.
   */
  public SrtpResult unprotectRtp(ByteBuf buf) {
    SrtpResult check = checkRtp(buf, profile.srtpTagLength());
    if (check != SrtpResult.OK) {
      return countUnprotect(check);
    }
    return transform(buf, Op.UNPROTECT_RTP, recvRtp, recvFactory);
  }

  /**
   * Encrypts and authenticates the (compound) RTCP packet in {@code buf}'s readable bytes and
   * appends E flag + SRTCP index + tag, advancing writerIndex. Needs
   * {@link SrtpProfile#maxOverhead()} writable bytes. Does not retain or release {@code buf}.
   */
  public SrtpResult protectRtcp(ByteBuf buf) {
    SrtpResult check = checkRtcp(buf, 0);
    if (check != SrtpResult.OK) {
      return countProtect(check);
    }
    if (buf.capacity() - buf.writerIndex()
        < profile.srtcpTagLength() + SrtpProfile.SRTCP_INDEX_LENGTH) {
      return countProtect(SrtpResult.NO_ROOM);
    }
    return transform(buf, Op.PROTECT_RTCP, sendRtcp, sendFactory);
  }

  /**
   * Verifies and decrypts the SRTCP packet in {@code buf}'s readable bytes, removing index and tag
   * (writerIndex reduced). Does not retain or release {@code buf}.
   */
  public SrtpResult unprotectRtcp(ByteBuf buf) {
    SrtpResult check =
        checkRtcp(buf, profile.srtcpTagLength() + SrtpProfile.SRTCP_INDEX_LENGTH);
    if (check != SrtpResult.OK) {
      return countUnprotect(check);
    }
    return transform(buf, Op.UNPROTECT_RTCP, recvRtcp, recvFactory);
  }

  /**
   * The body the four public methods share once their header checks passed: find or derive the
   * SSRC's context, run jitsi's transform over the heap view, take the new length. A send context is
   * kept as soon as it is derived; a receive context only once a packet authenticated with it (so
   * forged SSRCs cannot grow the maps). Does not retain or release {@code buf}.
   */
  private SrtpResult transform(ByteBuf buf, Op op,
      IntObjectHashMap<BaseSrtpCryptoContext> contexts, SrtpContextFactory factory) {
    int ssrc = readInt(buf, op.ssrcOffset);
    try {
      BaseSrtpCryptoContext ctx = contexts.get(ssrc);
      boolean fresh = ctx == null;
      if (fresh) {
        ctx = op.derive(factory, ssrc);
        if (op.protect) {
          contexts.put(ssrc, ctx);
        }
      }
      view.wrap(buf);
      SrtpErrorStatus status = op.run(ctx, view);
      if (status != SrtpErrorStatus.OK) {
        return count(op, map(status));
      }
      if (fresh && !op.protect) {
        contexts.put(ssrc, ctx);
      }
      buf.writerIndex(buf.readerIndex() + view.getLength());
      return SrtpResult.OK;
    } catch (GeneralSecurityException | RuntimeException e) {
      return count(op, SrtpResult.CRYPTO_ERROR);
    } finally {
      view.clear();
    }
  }

  /** Forgets every context and the master keys' derived state. Later calls return CLOSED. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sendRtp.clear();
    recvRtp.clear();
    sendRtcp.clear();
    recvRtcp.clear();
    sendFactory.close();
    recvFactory.close();
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Header checks read the backing array directly: one {@code array()}/{@code arrayOffset()} call
   * instead of a bounds- and refCnt-checked ByteBuf accessor per field (the caller owns a live
   * buffer; indexes come from the buffer itself, so they are in range).
   */
  private SrtpResult checkRtp(ByteBuf buf, int tagLength) {
    if (closed) {
      return SrtpResult.CLOSED;
    }
    if (!buf.hasArray()) {
      return SrtpResult.INVALID;
    }
    int len = buf.readableBytes();
    if (len < RTP_HEADER_LENGTH + tagLength) {
      return SrtpResult.TOO_SHORT;
    }
    byte[] a = buf.array();
    int start = buf.arrayOffset() + buf.readerIndex();
    int b0 = a[start] & 0xff;
    if ((b0 >>> 6) != 2) {
      return SrtpResult.INVALID;
    }
    int header = RTP_HEADER_LENGTH + 4 * (b0 & 0x0f);
    if ((b0 & 0x10) != 0) {
      if (len < header + 4 + tagLength) {
        return SrtpResult.TOO_SHORT;
      }
      int extWords = ((a[start + header + 2] & 0xff) << 8) | (a[start + header + 3] & 0xff);
      header += 4 + 4 * extWords;
    }
    if (len < header + tagLength) {
      return SrtpResult.TOO_SHORT;
    }
    return SrtpResult.OK;
  }

  private SrtpResult checkRtcp(ByteBuf buf, int trailerLength) {
    if (closed) {
      return SrtpResult.CLOSED;
    }
    if (!buf.hasArray()) {
      return SrtpResult.INVALID;
    }
    if (buf.readableBytes() < RTCP_HEADER_LENGTH + trailerLength) {
      return SrtpResult.TOO_SHORT;
    }
    if (((buf.array()[buf.arrayOffset() + buf.readerIndex()] & 0xff) >>> 6) != 2) {
      return SrtpResult.INVALID;
    }
    return SrtpResult.OK;
  }

  /** Big-endian int at {@code index} relative to the readerIndex, read from the backing array. */
  private static int readInt(ByteBuf buf, int index) {
    byte[] a = buf.array();
    int i = buf.arrayOffset() + buf.readerIndex() + index;
    return (a[i] << 24) | ((a[i + 1] & 0xff) << 16) | ((a[i + 2] & 0xff) << 8) | (a[i + 3] & 0xff);
  }

  private static SrtpResult map(SrtpErrorStatus status) {
    switch (status) {
      case OK:
        return SrtpResult.OK;
      case AUTH_FAIL:
        return SrtpResult.AUTH_FAILED;
      case REPLAY_FAIL:
      case REPLAY_OLD:
        return SrtpResult.REPLAY;
      case INVALID_PACKET:
        return SrtpResult.TOO_SHORT;
      default:
        return SrtpResult.CRYPTO_ERROR;
    }
  }

  private SrtpResult count(Op op, SrtpResult r) {
    return op.protect ? countProtect(r) : countUnprotect(r);
  }

  private SrtpResult countProtect(SrtpResult r) {
    counters.protectFailures++;
    return r;
  }

  private SrtpResult countUnprotect(SrtpResult r) {
    switch (r) {
      case AUTH_FAILED:
        counters.authFailed++;
        break;
      case REPLAY:
        counters.replayed++;
        break;
      case TOO_SHORT:
        counters.tooShort++;
        break;
      default:
        counters.invalid++;
        break;
    }
    return r;
  }

  /**
   * What differs between the four transforms: direction, RTP or RTCP (where the SSRC sits, which
   * context a factory derives) and which jitsi call runs. Constant-specific bodies rather than
   * lambdas: the packet path allocates and captures nothing.
   */
  private enum Op {
    PROTECT_RTP(true, false) {
      @Override
      SrtpErrorStatus run(BaseSrtpCryptoContext ctx, ByteArrayBuffer pkt)
          throws GeneralSecurityException {
        return ((SrtpCryptoContext) ctx).transformPacket(pkt);
      }
    },
    UNPROTECT_RTP(false, false) {
      @Override
      SrtpErrorStatus run(BaseSrtpCryptoContext ctx, ByteArrayBuffer pkt)
          throws GeneralSecurityException {
        return ((SrtpCryptoContext) ctx).reverseTransformPacket(pkt, false);
      }
    },
    PROTECT_RTCP(true, true) {
      @Override
      SrtpErrorStatus run(BaseSrtpCryptoContext ctx, ByteArrayBuffer pkt)
          throws GeneralSecurityException {
        return ((SrtcpCryptoContext) ctx).transformPacket(pkt);
      }
    },
    UNPROTECT_RTCP(false, true) {
      @Override
      SrtpErrorStatus run(BaseSrtpCryptoContext ctx, ByteArrayBuffer pkt)
          throws GeneralSecurityException {
        return ((SrtcpCryptoContext) ctx).reverseTransformPacket(pkt);
      }
    };

    final boolean protect;
    final boolean rtcp;
    /** Sender SSRC: after the 8-byte RTP fixed fields, after the 4-byte RTCP header. */
    final int ssrcOffset;

    Op(boolean protect, boolean rtcp) {
      this.protect = protect;
      this.rtcp = rtcp;
      this.ssrcOffset = rtcp ? 4 : 8;
    }

    /** A fresh context for {@code ssrc} (SRTP contexts start at ROC 0, RFC 3711 §3.3.1). */
    BaseSrtpCryptoContext derive(SrtpContextFactory factory, int ssrc)
        throws GeneralSecurityException {
      return rtcp ? factory.deriveControlContext(ssrc) : factory.deriveContext(ssrc, 0);
    }

    abstract SrtpErrorStatus run(BaseSrtpCryptoContext ctx, ByteArrayBuffer pkt)
        throws GeneralSecurityException;
  }

  /** Drop counters of one session (plain fields: single owner thread). */
  public static final class Counters {
    long authFailed;
    long replayed;
    long tooShort;
    long invalid;
    long protectFailures;

    public long authFailed() {
      return authFailed;
    }

    public long replayed() {
      return replayed;
    }

    public long tooShort() {
      return tooShort;
    }

    /** Bad version, direct buffer, closed session or crypto error on unprotect. */
    public long invalid() {
      return invalid;
    }

    public long protectFailures() {
      return protectFailures;
    }
  }
}
