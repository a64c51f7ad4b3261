package org.sfu4j.ice;

import io.netty.buffer.ByteBuf;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * HMAC-SHA1 and CRC-32 over {@link ByteBuf} regions without per-call allocation.
 *
 * <p>One instance per owner (message view, writer, agent); not thread-safe. The HMAC key is
 * re-initialised only when it changes (compared by content), so an agent verifying and signing with
 * its own password never re-keys. Direct buffers are fed through a small scratch array: STUN
 * messages are a few hundred bytes, and {@code update(ByteBuffer)} on a direct buffer allocates a
 * temporary array per call in some providers.
 *
 * <p>HMAC (RFC 2104) is composed here over a SHA-1 {@link MessageDigest} rather than taken from
 * {@code javax.crypto.Mac}: {@code Mac.doFinal(byte[], int)} allocates a fresh result array on
 * every call, {@code MessageDigest.digest(byte[], int, int)} does not — this makes a STUN check
 * allocation-free.
 */
final class StunDigest {

  static final int HMAC_SHA1_LENGTH = 20;
  private static final byte[] NO_KEY = new byte[0];

  private static final int SHA1_BLOCK = 64;

  private final MessageDigest sha1;
  private final CRC32 crc = new CRC32();
  private final byte[] scratch = new byte[256];
  private final byte[] innerPad = new byte[SHA1_BLOCK];
  private final byte[] outerPad = new byte[SHA1_BLOCK];
  private final byte[] innerHash = new byte[HMAC_SHA1_LENGTH];
  final byte[] hmacOut = new byte[HMAC_SHA1_LENGTH];
  private byte[] key = NO_KEY;
  private boolean started;

  StunDigest() {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java SE runtime", e);
    }
  }

  /** Keys the HMAC; a no-op when {@code newKey} has the same content as the current key. */
  void key(byte[] newKey) {
    if (newKey.length == 0) {
      throw new IllegalArgumentException("empty STUN integrity key");
    }
    if (Arrays.equals(newKey, key)) {
      return;
    }
    // RFC 2104: keys longer than the block are hashed first, shorter ones zero-padded.
    byte[] k = newKey.length > SHA1_BLOCK ? sha1.digest(newKey) : newKey;
    Arrays.fill(innerPad, (byte) 0x36);
    Arrays.fill(outerPad, (byte) 0x5c);
    for (int i = 0; i < k.length; i++) {
      innerPad[i] ^= k[i];
      outerPad[i] ^= k[i];
    }
    sha1.reset();
    started = false;
    key = newKey.clone();
  }

  boolean hasKey() {
    return key.length != 0;
  }

  private void startIfNeeded() {
    if (!started) {
      if (key.length == 0) {
        throw new IllegalStateException("no HMAC key");
      }
      sha1.update(innerPad, 0, SHA1_BLOCK);
      started = true;
    }
  }

  void hmacUpdate(byte[] src, int off, int len) {
    startIfNeeded();
    sha1.update(src, off, len);
  }

  /** Feeds {@code len} bytes at absolute {@code index}; does not touch reader/writer indexes. */
  void hmacUpdate(ByteBuf buf, int index, int len) {
    startIfNeeded();
    if (buf.hasArray()) {
      sha1.update(buf.array(), buf.arrayOffset() + index, len);
      return;
    }
    while (len > 0) {
      int n = Math.min(len, scratch.length);
      buf.getBytes(index, scratch, 0, n);
      sha1.update(scratch, 0, n);
      index += n;
      len -= n;
    }
  }

  /** Completes the HMAC into {@link #hmacOut} and resets it for the next message. */
  byte[] hmacFinish() {
    startIfNeeded();
    started = false;
    try {
      sha1.digest(innerHash, 0, HMAC_SHA1_LENGTH);
      sha1.update(outerPad, 0, SHA1_BLOCK);
      sha1.update(innerHash, 0, HMAC_SHA1_LENGTH);
      sha1.digest(hmacOut, 0, HMAC_SHA1_LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException(e); // unreachable: the arrays are 20 bytes
    }
    return hmacOut;
  }

  /** CRC-32 (ISO-HDLC, as java.util.zip) of {@code len} bytes at absolute {@code index}. */
  int crc32(ByteBuf buf, int index, int len) {
    crc.reset();
    if (buf.hasArray()) {
      crc.update(buf.array(), buf.arrayOffset() + index, len);
    } else {
      while (len > 0) {
        int n = Math.min(len, scratch.length);
        buf.getBytes(index, scratch, 0, n);
        crc.update(scratch, 0, n);
        index += n;
        len -= n;
      }
    }
    return (int) crc.getValue();
  }
}
