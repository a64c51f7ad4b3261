package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sfu4j.signaling.Peer.ConsumerEntry;
import org.sfu4j.signaling.Peer.PendingEntry;
import org.sfu4j.signaling.Peer.ProducerEntry;
import org.sfu4j.signaling.Peer.TransportEntry;
import org.sfu4j.signaling.media.MediaConsumer;
import org.sfu4j.signaling.media.MediaRouter;
import org.sfu4j.signaling.media.MediaTransport;
import org.sfu4j.signaling.protoo.ProtooCodec;

/**
 * Every client → server method of PROTOCOL.md: validates {@code data} strictly, checks role and
 * state, calls the engine seam and produces the response data. Runs on the signaling executor;
 * the returned future may complete on an engine thread (the caller hops back).
 */
final class PeerRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> KINDS = Set.of("audio", "video");
  private static final Set<String> SUBSCRIBE = Set.of("auto", "manual");
  private static final int MAX_SOURCE = 64;

  private PeerRequests() {}

  /** Dispatches one request; unknown methods fail with 404. */
  static CompletableFuture<JsonNode> handle(Room room, Peer peer, String method, JsonNode raw) {
    Args a = Args.of(raw);
    switch (method) {
      case "getRouterRtpCapabilities":
        return done(room.router.rtpCapabilities());
      case "join":
        return join(room, peer, a);
      case "createWebRtcTransport":
        return createTransport(room, peer, a);
      case "connectWebRtcTransport":
        return connectTransport(room, peer, a);
      case "restartIce":
        return room.transportOf(peer, a.id("transportId")).restartIce().thenApply(Function.identity());
      case "produce":
        return produce(room, peer, a);
      case "closeProducer":
        {
          ProducerEntry pe = producer(peer, a);
          room.removeProducer(peer, pe);
          pe.producer.close();
          return empty();
        }
      case "pauseProducer":
        return producer(peer, a).producer.pause().thenApply(v -> JSON.objectNode());
      case "resumeProducer":
        return producer(peer, a).producer.resume().thenApply(v -> JSON.objectNode());
      case "pauseConsumer":
        return consumer(peer, a).pause().thenApply(v -> JSON.objectNode());
      case "resumeConsumer":
        return consumer(peer, a).resume().thenApply(v -> JSON.objectNode());
      case "setConsumerPreferredLayers":
        {
          MediaConsumer c = consumer(peer, a);
          int spatial = a.integer("spatialLayer", 0, 15);
          Integer temporal = a.optInteger("temporalLayer", 0, 15);
          return c.setPreferredLayers(spatial, temporal).thenApply(v -> JSON.objectNode());
        }
      case "setConsumerPriority":
        {
          MediaConsumer c = consumer(peer, a);
          int priority = a.integer("priority", 1, 255);
          return c.setPriority(priority).thenApply(v -> JSON.objectNode());
        }
      case "requestConsumerKeyFrame":
        return consumer(peer, a).requestKeyFrame().thenApply(v -> JSON.objectNode());
      case "closeConsumer":
        {
          String consumerId = a.id("consumerId");
          ConsumerEntry ce = peer.consumers.get(consumerId);
          if (ce == null) {
            throw SignalingException.notFound("consumer " + consumerId + " not found");
          }
          room.removeConsumer(peer, ce, false);
          ce.consumer.close();
          return empty();
        }
      case "produceData":
        return produceData(room, peer, a);
      case "changeDisplayName":
        return changeDisplayName(room, peer, a);
      case "getTransportStats":
        return room.transportOf(peer, a.id("transportId")).getStats();
      case "getProducerStats":
        return producer(peer, a).producer.getStats();
      case "getConsumerStats":
        return consumer(peer, a).getStats();
      case "consume":
        return consume(room, peer, a);
      case "cancelConsume":
        {
          String pendingId = a.id("pendingId");
          PendingEntry pe = peer.pending.get(pendingId);
          if (pe == null) {
            throw SignalingException.notFound("pending consume " + pendingId + " not found");
          }
          room.removePending(peer, pe);
          pe.handle.cancel();
          return empty();
        }
      case "getRoomState":
        return done(room.roomState());
      default:
        throw SignalingException.notFound("unknown method " + method);
    }
  }

  private static CompletableFuture<JsonNode> done(JsonNode v) {
    return CompletableFuture.completedFuture(v);
  }

  private static CompletableFuture<JsonNode> empty() {
    return done(JSON.objectNode());
  }

  private static ProducerEntry producer(Peer peer, Args a) {
    String producerId = a.id("producerId");
    ProducerEntry pe = peer.producers.get(producerId);
    if (pe == null) {
      throw SignalingException.notFound("producer " + producerId + " not found");
    }
    return pe;
  }

  private static MediaConsumer consumer(Peer peer, Args a) {
    String consumerId = a.id("consumerId");
    ConsumerEntry ce = peer.consumers.get(consumerId);
    if (ce == null) {
      throw SignalingException.notFound("consumer " + consumerId + " not found");
    }
    return ce.consumer;
  }

  private static CompletableFuture<JsonNode> join(Room room, Peer peer, Args a) {
    if (peer.joined) {
      throw SignalingException.invalidState("already joined");
    }
    String displayName = a.optString("displayName", Args.MAX_TEXT);
    ObjectNode device = a.optObject("device");
    ObjectNode caps = a.optObject("rtpCapabilities");
    if (caps != null) {
      Args.requireArray(caps, "rtpCapabilities", "codecs");
    }
    a.optObject("sctpCapabilities");
    String subscribe = a.optEnum("subscribe", SUBSCRIBE, "auto");
    if (room.joinedPeers() >= room.config.maxPeersPerRoom()) {
      throw SignalingException.limit("room is full");
    }
    peer.displayName = displayName == null ? "" : displayName;
    peer.device = sanitizeDevice(device);
    peer.rtpCapabilities = caps == null ? null : caps.deepCopy();
    peer.manualSubscribe = "manual".equals(subscribe);
    ArrayNode others = JSON.arrayNode();
    for (Peer other : room.peers.values()) {
      if (other != peer && other.joined) {
        others.add(room.peerInfo(other));
      }
    }
    // newPeer to the others, serialised once (was once per recipient: O(peers²) in a storm).
    room.notifyJoined(ProtooCodec.encodedNotification("newPeer", room.peerInfo(peer)), peer);
    room.markJoined(peer);
    ObjectNode response = JSON.objectNode();
    response.set("peers", others);
    // Auto-subscribe after the response is on the wire (the client answers newConsumer only
    // after join resolved, as mediasoup-demo does).
    room.executor.execute(
        () -> {
          if (!peer.closed) {
            room.autoSubscribeAll(peer);
          }
        });
    return done(response);
  }

  private static ObjectNode sanitizeDevice(ObjectNode device) {
    ObjectNode clean = JSON.objectNode();
    if (device == null) {
      return clean;
    }
    for (String f : new String[] {"flag", "name", "version"}) {
      JsonNode v = device.get(f);
      if (v != null && v.isTextual()) {
        clean.put(f, v.asText().length() > 64 ? v.asText().substring(0, 64) : v.asText());
      }
    }
    return clean;
  }

  private static CompletableFuture<JsonNode> createTransport(Room room, Peer peer, Args a) {
    boolean forceTcp = a.optBool("forceTcp", false);
    boolean producing = a.optBool("producing", true);
    boolean consuming = a.optBool("consuming", true);
    ObjectNode sctp = a.optObject("sctpCapabilities");
    a.optObject("appData");
    if (peer.transports.size() >= room.config.maxTransportsPerPeer()) {
      throw SignalingException.limit("too many transports");
    }
    return room.router
        .createTransport(new MediaRouter.TransportOptions(forceTcp, producing, consuming, sctp))
        .thenApplyAsync(
            t -> {
              if (peer.closed) {
                t.close();
                throw SignalingException.invalidState("peer closed");
              }
              room.addTransport(peer, new TransportEntry(t, producing, consuming));
              if (consuming && peer.joined && peer.consumingTransport().transport == t) {
                room.executor.execute(() -> room.autoSubscribeAll(peer));
              }
              return t.clientParameters();
            },
            room.executor);
  }

  private static CompletableFuture<JsonNode> connectTransport(Room room, Peer peer, Args a) {
    String transportId = a.id("transportId");
    ObjectNode dtls = a.object("dtlsParameters");
    Args.requireArray(dtls, "dtlsParameters", "fingerprints");
    TransportEntry te = peer.transports.get(transportId);
    if (te == null) {
      throw SignalingException.notFound("transport " + transportId + " not found");
    }
    if (te.connected) {
      throw SignalingException.invalidState("transport already connected");
    }
    return te.transport
        .connect(dtls)
        .thenApplyAsync(
            v -> {
              te.connected = true;
              return (JsonNode) JSON.objectNode();
            },
            room.executor);
  }

  private static CompletableFuture<JsonNode> produce(Room room, Peer peer, Args a) {
    if (!peer.role.mayProduce()) {
      throw SignalingException.forbidden("role " + peer.role.jsonName() + " may not produce");
    }
    String transportId = a.id("transportId");
    String kind = a.requiredEnum("kind", KINDS);
    ObjectNode rtp = a.object("rtpParameters");
    Args.requireArray(rtp, "rtpParameters", "codecs");
    ObjectNode appData = a.objectOrEmpty("appData");
    String source = sourceOf(appData);
    if (!peer.joined) {
      throw SignalingException.invalidState("join first");
    }
    TransportEntry te = peer.transports.get(transportId);
    if (te == null) {
      throw SignalingException.notFound("transport " + transportId + " not found");
    }
    if (!te.connected) {
      throw SignalingException.invalidState("transport is not connected");
    }
    if (peer.producers.size() >= room.config.maxProducersPerPeer()) {
      throw SignalingException.limit("too many producers");
    }
    return te.transport
        .produce(kind, rtp, appData, peer.id)
        .thenApplyAsync(
            p -> {
              if (peer.closed || !peer.transports.containsKey(transportId)) {
                p.close();
                room.producerSettled(p.id());
                throw SignalingException.invalidState("transport closed");
              }
              room.producerCreated(peer, new ProducerEntry(p, transportId, source, appData));
              return (JsonNode) JSON.objectNode().put("id", p.id());
            },
            room.executor);
  }

  private static String sourceOf(ObjectNode appData) {
    JsonNode s = appData.get("source");
    if (s == null || s.isNull()) {
      return null;
    }
    if (!s.isTextual() || s.asText().length() > MAX_SOURCE) {
      throw SignalingException.badRequest("appData.source must be a string of at most " + MAX_SOURCE);
    }
    return s.asText();
  }

  private static CompletableFuture<JsonNode> produceData(Room room, Peer peer, Args a) {
    if (!peer.role.mayProduce()) {
      throw SignalingException.forbidden("role " + peer.role.jsonName() + " may not produce");
    }
    String transportId = a.id("transportId");
    ObjectNode sctp = a.object("sctpStreamParameters");
    String label = a.optString("label", Args.MAX_TEXT);
    String protocol = a.optString("protocol", Args.MAX_TEXT);
    ObjectNode appData = a.objectOrEmpty("appData");
    if (!peer.joined) {
      throw SignalingException.invalidState("join first");
    }
    MediaTransport t = room.transportOf(peer, transportId);
    return t.produceData(sctp, label == null ? "" : label, protocol == null ? "" : protocol, appData)
        .thenApply(id -> JSON.objectNode().put("id", id));
  }

  private static CompletableFuture<JsonNode> changeDisplayName(Room room, Peer peer, Args a) {
    String displayName = a.string("displayName", Args.MAX_TEXT);
    if (!peer.joined) {
      throw SignalingException.invalidState("join first");
    }
    String old = peer.displayName;
    peer.displayName = displayName;
    ObjectNode n =
        JSON.objectNode()
            .put("peerId", peer.id)
            .put("displayName", displayName)
            .put("oldDisplayName", old);
    room.notifyJoined(ProtooCodec.encodedNotification("peerDisplayNameChanged", n), peer);
    return empty();
  }

  private static CompletableFuture<JsonNode> consume(Room room, Peer peer, Args a) {
    if (!peer.role.mayConsume()) {
      throw SignalingException.forbidden("role " + peer.role.jsonName() + " may not consume");
    }
    String transportId = a.id("transportId");
    String targetPeerId = a.id("peerId");
    String source = a.optString("source", MAX_SOURCE);
    String kind = a.optEnum("kind", KINDS, null);
    String producerId = a.optString("producerId", Args.MAX_ID);
    boolean paused = a.optBool("paused", false);
    if (!peer.joined) {
      throw SignalingException.invalidState("join first");
    }
    if (peer.rtpCapabilities == null) {
      throw SignalingException.invalidState("join with rtpCapabilities to consume");
    }
    if (targetPeerId.equals(peer.id)) {
      throw SignalingException.badRequest("cannot consume own producers");
    }
    TransportEntry te = peer.transports.get(transportId);
    if (te == null) {
      throw SignalingException.notFound("transport " + transportId + " not found");
    }
    if (te.consumers >= room.config.maxConsumersPerTransport()) {
      throw SignalingException.limit("too many consumers on this transport");
    }
    Peer owner = room.peers.get(targetPeerId);
    ProducerEntry match = owner == null ? null : findMatch(owner, producerId, source, kind);
    if (match == null) {
      MediaRouter.ConsumeSpec spec =
          new MediaRouter.ConsumeSpec(
              producerId, targetPeerId, source, kind, peer.rtpCapabilities, true);
      String pendingId = room.queuePending(peer, te, targetPeerId, spec);
      return done(JSON.objectNode().put("pending", true).put("pendingId", pendingId));
    }
    if (peer.consumes(match.producer.id())) {
      throw SignalingException.invalidState("already consuming " + match.producer.id());
    }
    String matchId = match.producer.id();
    te.consumers++; // reserve the slot while the engine works
    return room.router
        .canConsume(matchId, peer.rtpCapabilities)
        .thenComposeAsync(
            can -> {
              if (!can) {
                throw SignalingException.badRequest(
                    "cannot consume " + matchId + " with these rtpCapabilities");
              }
              return te.transport.consume(matchId, peer.rtpCapabilities, true, JSON.objectNode());
            },
            room.executor)
        .handleAsync(
            (c, error) -> {
              te.consumers--;
              if (error != null) {
                throw error instanceof RuntimeException re ? re : new IllegalStateException(error);
              }
              if (!room.adoptConsumer(peer, owner, match, te, c)) {
                throw SignalingException.invalidState("producer or transport closed");
              }
              if (!paused) {
                room.executor.execute(() -> c.resume().thenCompose(v -> c.requestKeyFrame()));
              }
              return (JsonNode) Room.consumerData(owner, match, c);
            },
            room.executor);
  }

  private static ProducerEntry findMatch(Peer owner, String producerId, String source, String kind) {
    for (ProducerEntry pe : owner.producers.values()) {
      if (producerId != null && !producerId.equals(pe.producer.id())) {
        continue;
      }
      if (source != null && !source.equals(pe.source)) {
        continue;
      }
      if (kind != null && !kind.equals(pe.producer.kind())) {
        continue;
      }
      return pe;
    }
    return null;
  }
}
