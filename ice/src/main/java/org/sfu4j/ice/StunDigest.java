package org.sfu4j.ice;

import io.netty.buffer.ByteBuf;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA1 and CRC-32 over {@link ByteBuf} regions without per-call allocation.
 *
 * <p>One instance per owner (message view, writer, agent); not thread-safe. The HMAC key is
 * re-initialised only when it changes (compared by content), so an agent verifying and signing with
 * its own password never re-keys. Direct buffers are fed through a small scratch array: STUN
 * messages are a few hundred bytes, and {@code Mac.update(ByteBuffer)} on a direct buffer would
 * allocate a temporary array per call in some providers.
 */
final class StunDigest {

  static final int HMAC_SHA1_LENGTH = 20;
  private static final byte[] NO_KEY = new byte[0];

  private final Mac mac;
  private final CRC32 crc = new CRC32();
  private final byte[] scratch = new byte[256];
  final byte[] hmacOut = new byte[HMAC_SHA1_LENGTH];
  private byte[] key = NO_KEY;

  StunDigest() {
    try {
      mac = Mac.getInstance("HmacSHA1");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required by every Java SE runtime", e);
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
    try {
      mac.init(new SecretKeySpec(newKey, "HmacSHA1"));
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("unusable HMAC-SHA1 key", e);
    }
    key = newKey.clone();
  }

  boolean hasKey() {
    return key.length != 0;
  }

  void hmacUpdate(byte[] src, int off, int len) {
    mac.update(src, off, len);
  }

  /** Feeds {@code len} bytes at absolute {@code index}; does not touch reader/writer indexes. */
  void hmacUpdate(ByteBuf buf, int index, int len) {
    if (buf.hasArray()) {
      mac.update(buf.array(), buf.arrayOffset() + index, len);
      return;
    }
    while (len > 0) {
      int n = Math.min(len, scratch.length);
      buf.getBytes(index, scratch, 0, n);
      mac.update(scratch, 0, n);
      index += n;
      len -= n;
    }
  }

  /** Completes the HMAC into {@link #hmacOut} and resets it for the next message. */
  byte[] hmacFinish() {
    try {
      mac.doFinal(hmacOut, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
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
