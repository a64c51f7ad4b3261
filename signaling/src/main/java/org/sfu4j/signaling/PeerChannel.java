package org.sfu4j.signaling;

import org.sfu4j.signaling.protoo.EncodedMessage;

/**
 * The socket under a peer, as signaling sees it: send a text frame, close with a WebSocket status.
 * The Netty glue implements it; unit tests implement it with a queue.
 */
public interface PeerChannel {

  /** Sends one JSON text frame; may be called from any thread; silently dropped once closed. */
  void send(String json);

  /**
   * Sends one message serialised once for many peers (a room-wide notification). The same
   * instance goes to every recipient, so implementations only read it. The default sends its text.
   */
  default void send(EncodedMessage message) {
    send(message.json());
  }

  /** Closes the socket with a WebSocket close status; idempotent. */
  void close(int statusCode, String reason);
}
