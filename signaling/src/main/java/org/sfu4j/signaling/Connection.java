package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.NotFoundException;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.signaling.protoo.ProtooCodec;
import org.sfu4j.signaling.protoo.ProtooMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket's view of signaling: decodes frames, enforces the per-socket rules (rate limit,
 * close after 3 non-JSON frames) on the socket's thread, and posts valid messages to the room.
 * The socket glue calls {@link #onText} for each text frame and {@link #onClosed} once.
 */
public final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  /** Frames that are not JSON at all, tolerated before the socket is closed. */
  static final int MAX_NON_JSON = 3;

  /** WebSocket close status for repeated garbage (1007: inconsistent data). */
  public static final int CLOSE_INVALID_DATA = 1007;

  private final SignalingService service;
  private final String roomId;
  private final String peerId;
  private final Role role;
  private final PeerChannel channel;
  private final TokenBucket bucket;
  private int nonJsonFrames;
  private volatile boolean closed;
  // set and read on the signaling executor only
  private Room room;
  private Peer peer;

  Connection(SignalingService service, String roomId, String peerId, Role role, PeerChannel channel) {
    this.service = service;
    this.roomId = roomId;
    this.peerId = peerId;
    this.role = role;
    this.channel = channel;
    SignalingConfig c = service.config();
    this.bucket = new TokenBucket(c.requestsPerSecond(), c.requestBurst(), System.nanoTime());
  }

  String roomId() {
    return roomId;
  }

  String peerId() {
    return peerId;
  }

  Role role() {
    return role;
  }

  PeerChannel channel() {
    return channel;
  }

  boolean closedBeforeRegistration() {
    return closed;
  }

  void attach(Room room, Peer peer) {
    this.room = room;
    this.peer = peer;
  }

  /** One text frame from the socket (any thread, frames in order). */
  public void onText(String text) {
    ProtooCodec.Decoded d = ProtooCodec.decode(text);
    switch (d.status()) {
      case NOT_JSON:
        if (++nonJsonFrames >= MAX_NON_JSON) {
          channel.close(CLOSE_INVALID_DATA, "too many invalid frames");
        }
        return;
      case NOT_PROTOO:
        if (d.requestId() >= 0) {
          channel.send(ProtooCodec.errorResponse(d.requestId(), 400, d.reason()));
        }
        return;
      default:
        break;
    }
    ProtooMessage m = d.message();
    if (m.isRequest() && !bucket.tryTake(System.nanoTime())) {
      channel.send(ProtooCodec.errorResponse(m.id(), 429, "rate limited"));
      return;
    }
    service.executor().execute(() -> dispatch(m));
  }

  /** A non-text (binary) frame: treated as not JSON. */
  public void onBinary() {
    onText("\u0000");
  }

  /** The socket is gone (any thread); the peer leaves unless a newer socket replaced it. */
  public void onClosed() {
    closed = true;
    service.executor().execute(
        () -> {
          if (room != null && peer != null && !peer.closed) {
            room.removePeer(peer, false);
          }
        });
  }

  private void dispatch(ProtooMessage m) {
    if (peer == null || peer.closed || room == null) {
      if (m.isRequest()) {
        channel.send(ProtooCodec.errorResponse(m.id(), 409, "peer is closed"));
      }
      return;
    }
    room.whenReady(() -> dispatchReady(m));
  }

  private void dispatchReady(ProtooMessage m) {
    if (peer.closed || room.router == null) {
      if (m.isRequest()) {
        channel.send(ProtooCodec.errorResponse(m.id(), 409, "peer is closed"));
      }
      return;
    }
    if (m.isResponse()) {
      room.clientResponse(peer, m.id(), m.ok(), m.data(), m.errorCode(), m.errorReason());
      return;
    }
    if (m.isNotification()) {
      return; // no client → server notifications are defined; ignore
    }
    CompletableFuture<JsonNode> result;
    try {
      result = PeerRequests.handle(room, peer, m.method(), m.data());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    long id = m.id();
    String method = m.method();
    result.whenComplete(
        (data, error) -> {
          if (error == null) {
            channel.send(ProtooCodec.okResponse(id, data));
          } else {
            Throwable cause = unwrap(error);
            int code = errorCode(cause);
            String reason = cause.getMessage() == null ? "error" : cause.getMessage();
            if (code == 500) {
              LOG.warn("request {} failed", method, cause);
              reason = "internal error";
            }
            channel.send(ProtooCodec.errorResponse(id, code, reason));
          }
        });
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static int errorCode(Throwable t) {
    if (t instanceof SignalingException se) {
      return se.code();
    }
    if (t instanceof IllegalArgumentException || t instanceof UnsupportedException) {
      return 400;
    }
    if (t instanceof NotFoundException) {
      return 404;
    }
    if (t instanceof InvalidStateException) {
      return 409;
    }
    return 500;
  }
}
