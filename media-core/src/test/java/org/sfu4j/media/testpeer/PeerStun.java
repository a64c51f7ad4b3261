package org.sfu4j.media.testpeer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test peer's own minimal STUN encoder (RFC 8489 / 8445), written from the RFCs and
 * independent of the SFU's codec: a controlling binding request with USERNAME, PRIORITY,
 * ICE-CONTROLLING, optional USE-CANDIDATE, MESSAGE-INTEGRITY and FINGERPRINT.
 */
final class PeerStun {
  static final int MAGIC_COOKIE = 0x2112A442;

  private PeerStun() {}

  static byte[] bindingRequest(byte[] tid, String username, String password, long priority,
      long tieBreaker, boolean useCandidate) {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    int userPadded = (user.length + 3) & ~3;
    int attrs = 4 + userPadded + 8 + 12 + (useCandidate ? 4 : 0);
    int total = 20 + attrs + 24 + 8;
    ByteBuffer b = ByteBuffer.allocate(total);
    b.putShort((short) 0x0001).putShort((short) 0).putInt(MAGIC_COOKIE).put(tid);
    b.putShort((short) 0x0006).putShort((short) user.length).put(user);
    for (int i = user.length; i < userPadded; i++) {
      b.put((byte) 0);
    }
    b.putShort((short) 0x0024).putShort((short) 4).putInt((int) priority);
    b.putShort((short) 0x802A).putShort((short) 8).putLong(tieBreaker);
    if (useCandidate) {
      b.putShort((short) 0x0025).putShort((short) 0);
    }
    // MESSAGE-INTEGRITY: HMAC over everything before it, length field covering it.
    int miAt = b.position();
    b.putShort(2, (short) (miAt - 20 + 24));
    byte[] hmac = hmacSha1(password.getBytes(StandardCharsets.UTF_8), b.array(), miAt);
    b.putShort((short) 0x0008).putShort((short) 20).put(hmac);
    int fpAt = b.position();
    b.putShort(2, (short) (fpAt - 20 + 8));
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, fpAt);
    b.putShort((short) 0x8028).putShort((short) 4).putInt((int) crc.getValue() ^ 0x5354554E);
    return b.array();
  }

  /** Message type (class+method bits) of a datagram, or -1 when it is not STUN. */
  static int messageType(byte[] d, int len) {
    if (len < 20 || (d[0] & 0xC0) != 0 || ByteBuffer.wrap(d, 4, 4).getInt() != MAGIC_COOKIE) {
      return -1;
    }
    return ((d[0] & 0xff) << 8) | (d[1] & 0xff);
  }

  static boolean transactionIdEquals(byte[] d, byte[] tid) {
    for (int i = 0; i < 12; i++) {
      if (d[8 + i] != tid[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] hmacSha1(byte[] key, byte[] data, int len) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      mac.update(data, 0, len);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
