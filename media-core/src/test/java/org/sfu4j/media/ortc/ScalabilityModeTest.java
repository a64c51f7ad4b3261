package org.sfu4j.media.ortc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalabilityModeTest {
  @Test
  void parsesWebrtcSvcModes() {
    assertEquals(new ScalabilityMode(1, 3, false), ScalabilityMode.parse("L1T3"));
    assertEquals(new ScalabilityMode(3, 3, true), ScalabilityMode.parse("L3T3_KEY"));
    assertEquals(new ScalabilityMode(3, 2, false), ScalabilityMode.parse("S3T2"));
    assertEquals(new ScalabilityMode(2, 3, false), ScalabilityMode.parse("L2T3h"));
    assertEquals(new ScalabilityMode(12, 99, false), ScalabilityMode.parse("L12T99"));
  }

  @Test
  void anythingElseIsOneLayer() {
    ScalabilityMode one = new ScalabilityMode(1, 1, false);
    for (String s : new String[] {null, "", "L0T1", "L1T0", "X1T1", "L1", "l1t3", "L123T1"}) {
      assertEquals(one, ScalabilityMode.parse(s), String.valueOf(s));
    }
    Random random = new Random(8852);
    for (int i = 0; i < 100_000; i++) {
      char[] c = new char[random.nextInt(10)];
      for (int j = 0; j < c.length; j++) {
        c[j] = "LST0123456789_KEYx".charAt(random.nextInt(18));
      }
      ScalabilityMode m = ScalabilityMode.parse(new String(c));
      assertEquals(true, m.spatialLayers() >= 1 && m.temporalLayers() >= 1);
    }
  }
}
