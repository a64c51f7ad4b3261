package org.sfu4j.signaling;

/** What a token lets a peer do; without a configured secret every peer is {@link #ADMIN}. */
public enum Role {
  PUBLISHER,
  SUBSCRIBER,
  ADMIN;

  public boolean mayProduce() {
    return this != SUBSCRIBER;
  }

  public boolean mayConsume() {
    return this != PUBLISHER;
  }

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Role parse(String s) {
    if (s == null) {
      return null;
    }
    switch (s) {
      case "publisher":
        return PUBLISHER;
      case "subscriber":
        return SUBSCRIBER;
      case "admin":
        return ADMIN;
      default:
        return null;
    }
  }
}
