package org.sfu4j.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Our allocation-free HMAC-SHA1 and CRC-32 equal the JDK's, for heap and direct buffers. */
class StunDigestTest {

  @Test
  void hmacAndCrcMatchJdk() throws Exception {
    Random random = new Random(7);
    StunDigest digest = new StunDigest();
    Mac mac = Mac.getInstance("HmacSHA1");
    for (int i = 0; i < 500; i++) {
      byte[] key = new byte[1 + random.nextInt(100)]; // includes keys longer than a block
      byte[] data = new byte[random.nextInt(700)];
      random.nextBytes(key);
      random.nextBytes(data);
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] expected = mac.doFinal(data);
      CRC32 crc = new CRC32();
      crc.update(data);
      digest.key(key);
      ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(data.length + 1);
      try {
        direct.writeByte(0).writeBytes(data);
        int split = data.length == 0 ? 0 : random.nextInt(data.length);
        digest.hmacUpdate(data, 0, split);
        digest.hmacUpdate(direct, 1 + split, data.length - split);
        assertArrayEquals(expected, digest.hmacFinish().clone());
        digest.hmacUpdate(Unpooled.wrappedBuffer(data), 0, data.length);
        assertArrayEquals(expected, digest.hmacFinish().clone());
        assertEquals((int) crc.getValue(), digest.crc32(direct, 1, data.length));
      } finally {
        direct.release();
      }
    }
  }
}
