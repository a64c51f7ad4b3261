package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.lang.management.ManagementFactory;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jitsi.srtp.crypto.Aes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InPlaceSunJceCipherFactoryTest {
  @Test
  void jitsiUsesThePinnedSunJceCiphers() {
    JitsiSrtpSupport.init();
    Cipher ctr = Aes.createCipher("AES/CTR/NoPadding");
    Cipher gcm = Aes.createCipher("AES/GCM/NoPadding");
    assertEquals("SunJCE", ctr.getProvider().getName());
    assertTrue(ctr.getClass().getName().startsWith(InPlaceSunJceCipherFactory.class.getName()));
    assertEquals("SunJCE", gcm.getProvider().getName());
  }

  @Test
  void inPlaceResultsEqualPlainSunJce() throws Exception {
    InPlaceSunJceCipherFactory f = new InPlaceSunJceCipherFactory();
    Random r = new Random(3);
    byte[] key = new byte[16];
    byte[] iv = new byte[16];
    byte[] data = new byte[1200];
    r.nextBytes(key);
    r.nextBytes(iv);
    r.nextBytes(data);
    SecretKeySpec k = new SecretKeySpec(key, "AES");

    Cipher ref = Cipher.getInstance("AES/CTR/NoPadding", "SunJCE");
    ref.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(iv));
    byte[] expected = ref.doFinal(data, 12, 1188);
    Cipher ours = f.createCipher("AES/CTR/NoPadding");
    ours.init(Cipher.ENCRYPT_MODE, k, new IvParameterSpec(iv));
    byte[] buf = data.clone();
    assertEquals(1188, ours.doFinal(buf, 12, 1188, buf, 12));
    assertArrayEquals(expected, java.util.Arrays.copyOfRange(buf, 12, 1200));

    // Decrypt in place too (same keystream), and the generic update path.
    ours.init(Cipher.DECRYPT_MODE, k, new IvParameterSpec(iv));
    assertEquals(600, ours.update(buf, 12, 600, buf, 12));
    assertEquals(588, ours.doFinal(buf, 612, 588, buf, 612));
    assertArrayEquals(data, buf);
  }

  /** The per-packet garbage SunJCE's CTR makes in place (~1.2 KB) is gone. */
  @ParameterizedTest
  @EnumSource(value = SrtpProfile.class, names = {"AES_CM_128_HMAC_SHA1_80",
      "AES_CM_128_HMAC_SHA1_32"})
  void protectAllocatesFarLessThanAPacket(SrtpProfile p) {
    byte[] material = new byte[p.keyingMaterialLength()];
    new Random(9).nextBytes(material);
    SrtpSession s = SrtpSession.create(p, SrtpKeys.fromKeyingMaterial(p, material, true));
    byte[] plain = Packets.rtp(77, 0, 1188, 1);
    ByteBuf b = Packets.heap(plain, p.maxOverhead());
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try {
      int seq = 0;
      for (int i = 0; i < 20_000; i++) { // warm up (JIT, escape analysis)
        b.clear().writeBytes(plain).setShort(2, seq++);
        s.protectRtp(b);
      }
      long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
      int n = 10_000;
      for (int i = 0; i < n; i++) {
        b.clear().writeBytes(plain).setShort(2, seq++);
        s.protectRtp(b);
      }
      long perOp = (mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / n;
      assertTrue(perOp < 400, p + " allocates " + perOp + " B/op");
    } finally {
      b.release();
    }
  }
}
