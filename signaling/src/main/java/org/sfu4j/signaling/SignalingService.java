package org.sfu4j.signaling;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sfu4j.signaling.media.MediaBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling server without sockets: rooms by id, peer connections, replacement on reconnect.
 *
 * <p>All room state lives on one executor thread (signaling is not the hot path; one thread keeps
 * the cross-peer rules free of locks and races). Socket threads only decode, rate-limit and post.
 */
public final class SignalingService {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingService.class);

  /** Close status sent to a socket that a newer socket of the same peer replaced. */
  public static final int CLOSE_REPLACED = 4000;

  static final int MAX_ROOM_ID = 128;

  private final SignalingConfig config;
  private final MediaBackend media;
  private final TokenAuthenticator auth;
  private final EventExecutor executor;
  private final SignalingCounters counters = new SignalingCounters();
  private final Map<String, Room> rooms = new HashMap<>();
  private volatile boolean shuttingDown;

  public SignalingService(SignalingConfig config, MediaBackend media, TokenAuthenticator auth) {
    this.config = config;
    this.media = media;
    this.auth = auth;
    this.executor = new DefaultEventExecutor(new DefaultThreadFactory("sfu4j-signaling", true));
  }

  SignalingConfig config() {
    return config;
  }

  EventExecutor executor() {
    return executor;
  }

  public SignalingCounters counters() {
    return counters;
  }

  public MediaBackend media() {
    return media;
  }

  /**
   * Validates the connection parameters and the token (400/401 as {@link SignalingException}, to
   * be answered before the WebSocket upgrade), then registers the peer asynchronously: an existing
   * peer with the same id is closed first and the others are told, then the new one is added.
   */
  public Connection connect(String roomId, String peerId, String token, PeerChannel channel) {
    if (roomId == null || roomId.isEmpty() || roomId.length() > MAX_ROOM_ID) {
      throw SignalingException.badRequest("roomId is required (1.." + MAX_ROOM_ID + " chars)");
    }
    if (peerId == null || peerId.isEmpty() || peerId.length() > Args.MAX_ID) {
      throw SignalingException.badRequest("peerId is required (1.." + Args.MAX_ID + " chars)");
    }
    if (shuttingDown) {
      throw new SignalingException(503, "shutting down");
    }
    Role role = auth.authenticate(roomId, peerId, token);
    Connection connection = new Connection(this, roomId, peerId, role, channel);
    executor.execute(() -> register(connection));
    return connection;
  }

  private void register(Connection connection) {
    if (connection.closedBeforeRegistration() || shuttingDown) {
      connection.channel().close(1001, "going away");
      return;
    }
    Room room = rooms.get(connection.roomId());
    if (room == null) {
      room = new Room(connection.roomId(), this);
      rooms.put(room.id, room);
      counters.rooms.incrementAndGet();
      Room created = room;
      media
          .createRouter()
          .whenCompleteAsync(
              (router, error) -> {
                if (error != null) {
                  created.routerFailed(error);
                } else {
                  created.routerReady(router);
                }
              },
              executor);
    }
    Peer old = room.peers.get(connection.peerId());
    if (old != null) {
      LOG.debug("room {}: peer {} reconnected, replacing old socket", room.id, old.id);
      old.channel.close(CLOSE_REPLACED, "replaced by a new connection");
      room.removePeer(old, false);
      if (room.closed) {
        // The old peer was the last one: the room closed with it; start a fresh one.
        register(connection);
        return;
      }
    }
    Peer peer = new Peer(connection.peerId(), connection.role(), connection.channel());
    room.addPeer(peer);
    connection.attach(room, peer);
  }

  void roomClosed(Room room) {
    if (rooms.get(room.id) == room) {
      rooms.remove(room.id);
      counters.rooms.decrementAndGet();
    }
  }

  /** Closes every peer (socket close 1001), every room and the media backend. */
  public CompletableFuture<Void> shutdown() {
    shuttingDown = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    executor.execute(
        () -> {
          for (Room room : new ArrayList<>(rooms.values())) {
            for (Peer p : new ArrayList<>(room.peers.values())) {
              p.channel.close(1001, "server shutting down");
            }
            room.close();
          }
          done.complete(null);
        });
    return done.orTimeout(3, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .thenCompose(v -> media.close().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null))
        .whenComplete((v, e) -> executor.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS));
  }

  /** Transports per state ("new", "connected", ...), read on the signaling thread. */
  public CompletableFuture<Map<String, Integer>> transportStates() {
    CompletableFuture<Map<String, Integer>> f = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            Map<String, Integer> states = new HashMap<>();
            for (Room room : rooms.values()) {
              for (Peer p : room.peers.values()) {
                for (Peer.TransportEntry te : p.transports.values()) {
                  states.merge(te.transport.state(), 1, Integer::sum);
                }
              }
            }
            f.complete(states);
          });
    } catch (RuntimeException rejected) {
      f.complete(Map.of());
    }
    return f;
  }

  /** Runs {@code task} on the signaling thread (tests use it to read state consistently). */
  public CompletableFuture<Void> onSignalingThread(Runnable task) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            task.run();
            f.complete(null);
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }
}
