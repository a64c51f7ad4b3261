package org.sfu4j.signaling;

/**
 * The socket under a peer, as signaling sees it: send a text frame, close with a WebSocket status.
 * The Netty glue implements it; unit tests implement it with a queue.
 */
public interface PeerChannel {

  /** Sends one JSON text frame; may be called from any thread; silently dropped once closed. */
  void send(String json);

  /** Closes the socket with a WebSocket close status; idempotent. */
  void close(int statusCode, String reason);
}
