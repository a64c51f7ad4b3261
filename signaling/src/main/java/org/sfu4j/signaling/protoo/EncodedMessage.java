package org.sfu4j.signaling.protoo;

import java.nio.charset.StandardCharsets;

/**
 * One protoo message serialised once, for sending the same notification to many peers: a join in
 * a room of N peers tells N - 1 of them {@code newPeer}, so a 200-peer join storm would otherwise
 * serialise and UTF-8 encode the same JSON ~20,000 times. Immutable; {@link #utf8()} is shared
 * by every send and must not be modified.
 */
public final class EncodedMessage {
  private final String json;
  private final byte[] utf8;

  private EncodedMessage(String json) {
    this.json = json;
    this.utf8 = json.getBytes(StandardCharsets.UTF_8);
  }

  /** Wraps already serialised protoo JSON. */
  public static EncodedMessage of(String json) {
    return new EncodedMessage(json);
  }

  /** The JSON text. */
  public String json() {
    return json;
  }

  /** The JSON as UTF-8 bytes, shared by every send: read only. */
  public byte[] utf8() {
    return utf8;
  }

  @Override
  public String toString() {
    return json;
  }
}
