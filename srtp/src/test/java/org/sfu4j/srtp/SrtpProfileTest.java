package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SrtpProfileTest {
  @Test
  void valuesMatchRfc5764AndRfc7714() {
    assertEquals(0x0001, SrtpProfile.AES_CM_128_HMAC_SHA1_80.protectionProfileId());
    assertEquals(0x0002, SrtpProfile.AES_CM_128_HMAC_SHA1_32.protectionProfileId());
    assertEquals(0x0007, SrtpProfile.AEAD_AES_128_GCM.protectionProfileId());
    assertEquals(0x0008, SrtpProfile.AEAD_AES_256_GCM.protectionProfileId());
    assertEquals(32, SrtpProfile.AEAD_AES_256_GCM.keyLength());
    assertEquals(12, SrtpProfile.AEAD_AES_128_GCM.saltLength());
    assertEquals(14, SrtpProfile.AES_CM_128_HMAC_SHA1_32.saltLength());
    assertEquals(4, SrtpProfile.AES_CM_128_HMAC_SHA1_32.srtpTagLength());
    assertEquals(10, SrtpProfile.AES_CM_128_HMAC_SHA1_32.srtcpTagLength());
    assertEquals(14, SrtpProfile.AES_CM_128_HMAC_SHA1_80.maxOverhead());
    assertEquals(14, SrtpProfile.AES_CM_128_HMAC_SHA1_32.maxOverhead());
    assertEquals(20, SrtpProfile.AEAD_AES_128_GCM.maxOverhead());
    assertEquals(88, SrtpProfile.AEAD_AES_256_GCM.keyingMaterialLength());
    assertEquals(60, SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyingMaterialLength());
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.fromProtectionProfileId(7));
    assertNull(SrtpProfile.fromProtectionProfileId(5));
  }

  @Test
  void keysSplitAsRfc5764Section4_2() {
    byte[] m = new byte[60];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) i;
    }
    SrtpKeys k = SrtpKeys.fromKeyingMaterial(SrtpProfile.AES_CM_128_HMAC_SHA1_80, m, true);
    assertEquals(0, k.clientKey()[0]);
    assertEquals(16, k.serverKey()[0]);
    assertEquals(32, k.clientSalt()[0]);
    assertEquals(46, k.serverSalt()[0]);
    assertEquals(59, k.serverSalt()[13]);
    assertEquals(0, k.localKey()[0]);
    assertEquals(16, k.remoteKey()[0]);
  }
}
