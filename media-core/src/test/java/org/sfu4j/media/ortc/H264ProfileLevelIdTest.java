package org.sfu4j.media.ortc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.H264ProfileLevelId.Profile;

class H264ProfileLevelIdTest {
  @Test
  void parsesTheProfilesBrowsersAnnounce() {
    assertEquals(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31), H264ProfileLevelId.parse("42e01f"));
    assertEquals(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31), H264ProfileLevelId.parse("42E01F"));
    assertEquals(new H264ProfileLevelId(Profile.BASELINE, 31), H264ProfileLevelId.parse("42001f"));
    assertEquals(new H264ProfileLevelId(Profile.MAIN, 31), H264ProfileLevelId.parse("4d001f"));
    assertEquals(new H264ProfileLevelId(Profile.MAIN, 50), H264ProfileLevelId.parse("4d0032"));
    // constraint_set1 on main = constrained baseline compatible
    assertEquals(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31), H264ProfileLevelId.parse("4d801f"));
    assertEquals(new H264ProfileLevelId(Profile.HIGH, 52), H264ProfileLevelId.parse("640034"));
    assertEquals(new H264ProfileLevelId(Profile.CONSTRAINED_HIGH, 31), H264ProfileLevelId.parse("640c1f"));
    assertEquals(new H264ProfileLevelId(Profile.PREDICTIVE_HIGH_444, 31), H264ProfileLevelId.parse("f4001f"));
    assertEquals(new H264ProfileLevelId(Profile.BASELINE, 31), H264ProfileLevelId.parse("58801f"));
    assertEquals(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31), H264ProfileLevelId.parse("58c01f"));
  }

  @Test
  void level1bNeedsConstraintSet3OnLevel11() {
    assertEquals(H264ProfileLevelId.LEVEL_1B, H264ProfileLevelId.parse("42f00b").level());
    assertEquals(11, H264ProfileLevelId.parse("42e00b").level());
    assertEquals("42f00b", H264ProfileLevelId.parse("42f00b").toSdpString());
    assertEquals("4d100b", new H264ProfileLevelId(Profile.MAIN, H264ProfileLevelId.LEVEL_1B).toSdpString());
    assertNull(new H264ProfileLevelId(Profile.HIGH, H264ProfileLevelId.LEVEL_1B).toSdpString());
    assertTrue(H264ProfileLevelId.isLessLevel(10, H264ProfileLevelId.LEVEL_1B));
    assertTrue(H264ProfileLevelId.isLessLevel(H264ProfileLevelId.LEVEL_1B, 11));
    assertFalse(H264ProfileLevelId.isLessLevel(H264ProfileLevelId.LEVEL_1B, 10));
    assertEquals(10, H264ProfileLevelId.minLevel(H264ProfileLevelId.LEVEL_1B, 10));
  }

  @Test
  void rejectsGarbage() {
    for (String bad : new String[] {null, "", "42e01", "42e01f0", "zze01f", "42e0ff", "43e01f",
        "640d1f", "4d201f", "42e0-f"}) {
      assertNull(H264ProfileLevelId.parse(bad), String.valueOf(bad));
    }
    Random random = new Random(6184);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(8);
      for (int j = 0; j < n; j++) {
        sb.append((char) random.nextInt(128));
      }
      H264ProfileLevelId.parse(sb.toString()); // never throws
    }
  }

  @Test
  void toSdpStringRoundTrips() {
    for (String s : new String[] {"42e01f", "42001f", "4d0032", "640034", "640c1f", "f4001f", "42e00a"}) {
      assertEquals(s, H264ProfileLevelId.parse(s).toSdpString());
    }
  }

  @Test
  void answerKeepsLocalLevelOnlyWithLevelAsymmetry() {
    Map<String, Object> local = Map.of("profile-level-id", "4d001f", "level-asymmetry-allowed", 1);
    Map<String, Object> remote = Map.of("profile-level-id", "4d0032", "level-asymmetry-allowed", 1);
    assertEquals("4d001f", H264ProfileLevelId.answerFor(local, remote));
    Map<String, Object> highLocal = Map.of("profile-level-id", "4d0034");
    assertEquals("4d0032", H264ProfileLevelId.answerFor(highLocal, remote));
    assertNull(H264ProfileLevelId.answerFor(Map.of(), Map.of()));
    assertEquals("42e01f", H264ProfileLevelId.answerFor(Map.of(), Map.of("profile-level-id", "42e01f")));
    assertThrows(IllegalArgumentException.class,
        () -> H264ProfileLevelId.answerFor(Map.of("profile-level-id", "42e01f"), remote));
    assertThrows(IllegalArgumentException.class,
        () -> H264ProfileLevelId.answerFor(Map.of("profile-level-id", "xx"), remote));
  }

  @Test
  void sameProfileUsesTheDefaultWhenAbsent() {
    assertTrue(H264ProfileLevelId.isSameProfile(Map.of(), Map.of("profile-level-id", "42e034")));
    assertFalse(H264ProfileLevelId.isSameProfile(Map.of(), Map.of("profile-level-id", "4d001f")));
    assertFalse(H264ProfileLevelId.isSameProfile(Map.of("profile-level-id", 42), Map.of()));
  }
}
