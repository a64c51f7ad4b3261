package org.sfu4j.media.ortc;

import java.util.Map;

/**
 * The H264 {@code profile-level-id} fmtp parameter (RFC 6184 §8.1): three hex bytes profile_idc,
 * profile_iop (constraint flags) and level_idc. Two H264 codecs are the same only when their
 * profiles are equal; levels are negotiated (RFC 6184 §8.2.2, level-asymmetry-allowed).
 *
 * @param profile the profile, derived from profile_idc and the constraint flags
 * @param level level_idc (10 = 1.0 ... 52 = 5.2, 62 = 6.2), or {@link #LEVEL_1B} for level 1b
 */
public record H264ProfileLevelId(Profile profile, int level) {
  /** H264 profiles that WebRTC endpoints announce. */
  public enum Profile {
    CONSTRAINED_BASELINE("42e0"),
    BASELINE("4200"),
    MAIN("4d00"),
    CONSTRAINED_HIGH("640c"),
    HIGH("6400"),
    PREDICTIVE_HIGH_444("f400");

    private final String idcIop;

    Profile(String idcIop) {
      this.idcIop = idcIop;
    }
  }

  /** Level 1b: level_idc 11 with constraint_set3 set (baseline/main), ordered between 1 and 1.1. */
  public static final int LEVEL_1B = 0;

  /** What RFC 6184 implies when profile-level-id is absent: constrained baseline level 3.1. */
  public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31);

  private static final int CONSTRAINT_SET3 = 0x10;

  /** (profile_idc, mask over profile_iop, required bits under the mask, profile), first match wins. */
  private static final Object[][] PATTERNS = {
    {0x42, 0b0100_1111, 0b0100_0000, Profile.CONSTRAINED_BASELINE}, // x1xx0000
    {0x4D, 0b1000_1111, 0b1000_0000, Profile.CONSTRAINED_BASELINE}, // 1xxx0000
    {0x58, 0b1100_1111, 0b1100_0000, Profile.CONSTRAINED_BASELINE}, // 11xx0000
    {0x42, 0b0100_1111, 0b0000_0000, Profile.BASELINE}, // x0xx0000
    {0x58, 0b1100_1111, 0b1000_0000, Profile.BASELINE}, // 10xx0000
    {0x4D, 0b1010_1111, 0b0000_0000, Profile.MAIN}, // 0x0x0000
    {0x64, 0b1111_1111, 0b0000_0000, Profile.HIGH}, // 00000000
    {0x64, 0b1111_1111, 0b0000_1100, Profile.CONSTRAINED_HIGH}, // 00001100
    {0xF4, 0b1111_1111, 0b0000_0000, Profile.PREDICTIVE_HIGH_444}, // 00000000
  };

  /**
   * Parses six hex digits; null when the string, the level or the profile is not recognised. Never
   * throws.
   */
  public static H264ProfileLevelId parse(String profileLevelId) {
    if (profileLevelId == null || profileLevelId.length() != 6) {
      return null;
    }
    int value = 0;
    for (int i = 0; i < 6; i++) {
      int digit = Character.digit(profileLevelId.charAt(i), 16);
      if (digit < 0) {
        return null;
      }
      value = (value << 4) | digit;
    }
    int profileIdc = value >>> 16;
    int profileIop = (value >>> 8) & 0xFF;
    int levelIdc = value & 0xFF;
    int level;
    if (levelIdc == 11) {
      level = (profileIop & CONSTRAINT_SET3) != 0 ? LEVEL_1B : 11;
    } else if (isKnownLevel(levelIdc)) {
      level = levelIdc;
    } else {
      return null;
    }
    for (Object[] p : PATTERNS) {
      if ((int) p[0] == profileIdc && (profileIop & (int) p[1]) == (int) p[2]) {
        return new H264ProfileLevelId((Profile) p[3], level);
      }
    }
    return null;
  }

  /**
   * The profile-level-id of fmtp parameters: the default (42e01f) when absent, null when present
   * but invalid or not a string.
   */
  public static H264ProfileLevelId fromParameters(Map<String, Object> parameters) {
    Object value = parameters == null ? null : parameters.get("profile-level-id");
    if (value == null) {
      return DEFAULT;
    }
    return value instanceof String ? parse((String) value) : null;
  }

  /** True when both parameter sets carry valid profile-level-ids of the same profile. */
  public static boolean isSameProfile(Map<String, Object> a, Map<String, Object> b) {
    H264ProfileLevelId pa = fromParameters(a);
    H264ProfileLevelId pb = fromParameters(b);
    return pa != null && pb != null && pa.profile == pb.profile;
  }

  /**
   * The profile-level-id to answer with when {@code local} parameters meet {@code remote} offered
   * ones (RFC 6184 §8.2.2): the common profile, and the local level when both allow level
   * asymmetry, else the lower of the two levels. Returns null when neither side names a
   * profile-level-id (both use the default).
   *
   * @throws IllegalArgumentException when either is invalid or the profiles differ
   */
  public static String answerFor(Map<String, Object> local, Map<String, Object> remote) {
    boolean localHas = local != null && local.get("profile-level-id") != null;
    boolean remoteHas = remote != null && remote.get("profile-level-id") != null;
    if (!localHas && !remoteHas) {
      return null;
    }
    H264ProfileLevelId l = fromParameters(local);
    H264ProfileLevelId r = fromParameters(remote);
    if (l == null) {
      throw new IllegalArgumentException("invalid local H264 profile-level-id");
    }
    if (r == null) {
      throw new IllegalArgumentException("invalid remote H264 profile-level-id");
    }
    if (l.profile != r.profile) {
      throw new IllegalArgumentException("H264 profile mismatch: " + l.profile + " vs " + r.profile);
    }
    boolean asymmetry = levelAsymmetryAllowed(local) && levelAsymmetryAllowed(remote);
    int level = asymmetry ? l.level : minLevel(l.level, r.level);
    String answer = new H264ProfileLevelId(l.profile, level).toSdpString();
    if (answer == null) {
      throw new IllegalArgumentException("H264 level 1b not allowed for profile " + l.profile);
    }
    return answer;
  }

  /** Six lowercase hex digits, or null for level 1b with a profile that cannot express it. */
  public String toSdpString() {
    if (level == LEVEL_1B) {
      switch (profile) {
        case CONSTRAINED_BASELINE:
          return "42f00b";
        case BASELINE:
          return "42100b";
        case MAIN:
          return "4d100b";
        default:
          return null;
      }
    }
    return profile.idcIop + String.format("%02x", level);
  }

  /** Level order where 1b sits between 1 and 1.1. */
  static boolean isLessLevel(int a, int b) {
    if (a == LEVEL_1B) {
      return b != 10 && b != LEVEL_1B;
    }
    if (b == LEVEL_1B) {
      return a == 10;
    }
    return a < b;
  }

  static int minLevel(int a, int b) {
    return isLessLevel(a, b) ? a : b;
  }

  static boolean levelAsymmetryAllowed(Map<String, Object> parameters) {
    Object v = parameters == null ? null : parameters.get("level-asymmetry-allowed");
    return (v instanceof Number && ((Number) v).intValue() == 1 && !(v instanceof Double))
        || "1".equals(v);
  }

  private static boolean isKnownLevel(int levelIdc) {
    switch (levelIdc) {
      case 10: case 12: case 13:
      case 20: case 21: case 22:
      case 30: case 31: case 32:
      case 40: case 41: case 42:
      case 50: case 51: case 52:
      case 60: case 61: case 62:
        return true;
      default:
        return false;
    }
  }
}
