package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sfu4j.signaling.Peer.ConsumerEntry;
import org.sfu4j.signaling.Peer.PendingEntry;
import org.sfu4j.signaling.Peer.ProducerEntry;
import org.sfu4j.signaling.Peer.ServerRequest;
import org.sfu4j.signaling.Peer.TransportEntry;
import org.sfu4j.signaling.media.MediaConsumer;
import org.sfu4j.signaling.media.MediaProducer;
import org.sfu4j.signaling.media.MediaRouter;
import org.sfu4j.signaling.media.MediaTransport;
import org.sfu4j.signaling.media.PendingConsume;
import org.sfu4j.signaling.protoo.EncodedMessage;
import org.sfu4j.signaling.protoo.ProtooCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room: one router, its peers, and every cross-peer rule (auto-subscribe, pending consumers,
 * cleanup when a peer leaves). Runs only on the signaling executor; engine futures and events are
 * hopped back onto it before any state is touched.
 */
final class Room {
  private static final Logger LOG = LoggerFactory.getLogger(Room.class);
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final String id;
  final SignalingService service;
  final EventExecutor executor;
  final SignalingConfig config;
  final SignalingCounters counters;

  MediaRouter router;
  boolean closed;
  private List<Runnable> whenReady = new ArrayList<>();
  final Map<String, Peer> peers = new LinkedHashMap<>();
  private int joinedPeers;
  /** Pending fulfilments whose producer signaling has not registered yet, by producer id. */
  private final Map<String, List<Runnable>> awaitingProducer = new java.util.HashMap<>();

  Room(String id, SignalingService service) {
    this.id = id;
    this.service = service;
    this.executor = service.executor();
    this.config = service.config();
    this.counters = service.counters();
  }

  // ---------------------------------------------------------------- lifecycle

  void routerReady(MediaRouter r) {
    if (closed) {
      r.close();
      return;
    }
    router = r;
    r.setActiveSpeakerListener(producerId -> executor.execute(() -> dominantSpeaker(producerId)));
    List<Runnable> queued = whenReady;
    whenReady = null;
    for (Runnable q : queued) {
      q.run();
    }
  }

  void routerFailed(Throwable error) {
    LOG.warn("room {}: router creation failed: {}", id, error.toString());
    List<Runnable> queued = whenReady;
    whenReady = new ArrayList<>();
    for (Peer p : new ArrayList<>(peers.values())) {
      p.channel.close(1011, "router unavailable");
      removePeer(p, false);
    }
    for (Runnable q : queued) {
      q.run(); // each sees closed peers and answers 500 or nothing
    }
  }

  /** Runs {@code task} once the router exists, preserving arrival order. */
  void whenReady(Runnable task) {
    if (router != null) {
      task.run();
    } else if (whenReady != null) {
      whenReady.add(task);
    }
  }

  void addPeer(Peer peer) {
    peers.put(peer.id, peer);
    counters.peers.incrementAndGet();
  }

  /** Closes {@code peer} and everything it owns, telling the others first. */
  void removePeer(Peer peer, boolean closeSocket) {
    if (peer.closed) {
      return;
    }
    peer.closed = true;
    if (peers.get(peer.id) == peer) {
      peers.remove(peer.id);
    }
    counters.peers.decrementAndGet();
    for (ServerRequest sr : peer.serverRequests.values()) {
      sr.timeout.cancel(false);
      counters.serverRequests.decrementAndGet();
    }
    peer.serverRequests.clear();
    for (PendingEntry pe : peer.pending.values()) {
      if (pe.handle != null) {
        pe.handle.cancel();
      }
      counters.pendingConsumers.decrementAndGet();
    }
    peer.pending.clear();
    for (Peer other : peers.values()) {
      dropPendingTargeting(other, peer.id);
      for (ConsumerEntry ce : new ArrayList<>(other.consumers.values())) {
        if (ce.producerPeerId.equals(peer.id)) {
          removeConsumer(other, ce, true);
          ce.consumer.close();
        }
      }
    }
    for (ConsumerEntry ce : new ArrayList<>(peer.consumers.values())) {
      removeConsumer(peer, ce, false);
      ce.consumer.close();
    }
    for (ProducerEntry pe : new ArrayList<>(peer.producers.values())) {
      removeProducer(peer, pe);
      pe.producer.close();
    }
    for (TransportEntry te : new ArrayList<>(peer.transports.values())) {
      peer.transports.remove(te.transport.id());
      counters.transports.decrementAndGet();
      te.transport.close();
    }
    if (peer.joined) {
      joinedPeers--;
      notifyJoined(
          ProtooCodec.encodedNotification("peerClosed", JSON.objectNode().put("peerId", peer.id)),
          null);
    }
    if (closeSocket) {
      peer.channel.close(1000, "closed");
    }
    if (peers.isEmpty()) {
      close();
    }
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Peer p : new ArrayList<>(peers.values())) {
      removePeer(p, true);
    }
    for (String producerId : new ArrayList<>(awaitingProducer.keySet())) {
      producerSettled(producerId);
    }
    if (router != null) {
      router.close();
    }
    service.roomClosed(this);
  }

  private void dropPendingTargeting(Peer requester, String targetPeerId) {
    for (PendingEntry pe : new ArrayList<>(requester.pending.values())) {
      if (pe.targetPeerId.equals(targetPeerId)) {
        removePending(requester, pe);
        pe.handle.cancel();
        requester.notify(
            "consumePendingExpired",
            JSON.objectNode().put("pendingId", pe.pendingId).put("reason", "peerClosed"));
      }
    }
  }

  // ---------------------------------------------------------------- registration helpers

  void addTransport(Peer peer, TransportEntry te) {
    peer.transports.put(te.transport.id(), te);
    counters.transports.incrementAndGet();
    if (te.consuming) {
      te.transport.setListener(
          (desired, effective, available) ->
              executor.execute(() -> downlinkBwe(peer, te, desired, effective, available)));
    }
  }

  /** mediasoup-demo's {@code downlinkBwe}, plus the transport id, to the transport's owner. */
  private void downlinkBwe(Peer peer, TransportEntry te, long desired, long effective, long available) {
    if (peer.transports.get(te.transport.id()) != te) {
      return;
    }
    peer.notify(
        "downlinkBwe",
        JSON.objectNode()
            .put("transportId", te.transport.id())
            .put("desiredBitrate", desired)
            .put("effectiveDesiredBitrate", effective)
            .put("availableBitrate", available));
  }

  /** The router's dominant speaker changed: {@code activeSpeaker {peerId}} to every joined peer. */
  private void dominantSpeaker(String producerId) {
    ProducerRef ref = findProducer(producerId);
    if (closed || ref == null) {
      return;
    }
    ObjectNode data = JSON.objectNode().put("peerId", ref.owner().id).put("producerId", producerId);
    notifyJoined(ProtooCodec.encodedNotification("activeSpeaker", data), null);
  }

  /**
   * Sends one notification, serialised once, to every joined peer but {@code except} (may be
   * null). Room-wide notifications are O(peers) per event, so a join storm is O(peers²) sends:
   * the JSON must not be rebuilt per recipient.
   */
  void notifyJoined(EncodedMessage message, Peer except) {
    for (Peer p : peers.values()) {
      if (p != except && p.joined) {
        p.notify(message);
      }
    }
  }

  /** Joined peers of this room (the room limit counts these), kept by join and removePeer. */
  int joinedPeers() {
    return joinedPeers;
  }

  /** {@code peer} completed its join request. */
  void markJoined(Peer peer) {
    peer.joined = true;
    joinedPeers++;
  }

  void removeConsumer(Peer peer, ConsumerEntry ce, boolean notifyClient) {
    if (peer.consumers.remove(ce.consumer.id()) == null) {
      return;
    }
    counters.consumers.decrementAndGet();
    TransportEntry te = peer.transports.get(ce.transportId);
    if (te != null) {
      te.consumers--;
    }
    if (notifyClient) {
      peer.notify("consumerClosed", JSON.objectNode().put("consumerId", ce.consumer.id()));
    }
  }

  void removeProducer(Peer peer, ProducerEntry pe) {
    if (peer.producers.remove(pe.producer.id()) != null) {
      counters.producers.decrementAndGet();
      if ("audio".equals(pe.producer.kind()) && router != null) {
        router.unobserveSpeaker(pe.producer.id());
      }
    }
  }

  void removePending(Peer peer, PendingEntry pe) {
    if (peer.pending.remove(pe.pendingId) != null) {
      counters.pendingConsumers.decrementAndGet();
    }
  }

  /** Finds a producer of any peer in this room. */
  ProducerRef findProducer(String producerId) {
    for (Peer p : peers.values()) {
      ProducerEntry pe = p.producers.get(producerId);
      if (pe != null) {
        return new ProducerRef(p, pe);
      }
    }
    return null;
  }

  record ProducerRef(Peer owner, ProducerEntry entry) {}

  // ---------------------------------------------------------------- producers

  /** Registers a new producer and auto-subscribes the other joined peers to it. */
  void producerCreated(Peer owner, ProducerEntry pe) {
    owner.producers.put(pe.producer.id(), pe);
    counters.producers.incrementAndGet();
    pe.producer.setListener(
        new MediaProducer.Listener() {
          @Override
          public void onTransportClosed() {
            executor.execute(() -> removeProducer(owner, pe));
          }

          @Override
          public void onScore(java.util.function.Supplier<JsonNode> score) {
            executor.execute(() -> {
              if (owner.producers.get(pe.producer.id()) == pe) {
                owner.notify("producerScore",
                    JSON.objectNode().put("producerId", pe.producer.id()).set("score", score.get()));
              }
            });
          }
        });
    producerSettled(pe.producer.id());
    if ("audio".equals(pe.producer.kind())) {
      router
          .observeSpeaker(pe.producer.id())
          .exceptionally(
              e -> {
                LOG.debug("room {}: speaker detection of {} failed: {}", id, pe.producer.id(), e.toString());
                return null;
              });
    }
    for (Peer other : new ArrayList<>(peers.values())) {
      if (other != owner && other.joined && !other.manualSubscribe && other.role.mayConsume()) {
        autoConsume(other, owner, pe);
      }
    }
  }

  /** The produce request of {@code producerId} finished (registered or failed). */
  void producerSettled(String producerId) {
    List<Runnable> waiting = awaitingProducer.remove(producerId);
    if (waiting != null) {
      for (Runnable r : waiting) {
        r.run();
      }
    }
  }

  /** Pending fulfilments parked for unregistered producers (leak checks). */
  int awaitingProducerCount() {
    return awaitingProducer.size();
  }

  /** Subscribes a joined peer to every producer of the others (join or new consuming transport). */
  void autoSubscribeAll(Peer peer) {
    if (peer.manualSubscribe || !peer.role.mayConsume()) {
      return;
    }
    for (Peer other : new ArrayList<>(peers.values())) {
      if (other != peer && other.joined) {
        for (ProducerEntry pe : new ArrayList<>(other.producers.values())) {
          autoConsume(peer, other, pe);
        }
      }
    }
  }

  /**
   * Consumes {@code pe} for {@code consumerPeer} and offers it with {@code newConsumer}. Producers
   * the peer's rtpCapabilities cannot receive (e.g. H264 for a VP8-only device) are skipped
   * quietly: asked with {@code canConsume} first, not learnt from a failed consume.
   */
  private void autoConsume(Peer consumerPeer, Peer owner, ProducerEntry pe) {
    TransportEntry te = consumerPeer.consumingTransport();
    String producerId = pe.producer.id();
    if (te == null
        || consumerPeer.rtpCapabilities == null
        || consumerPeer.consumes(producerId)
        || consumerPeer.autoConsuming.contains(producerId)) {
      return;
    }
    if (te.consumers >= config.maxConsumersPerTransport()) {
      LOG.debug("room {}: peer {} at consumer limit, not consuming {}", id, consumerPeer.id, producerId);
      return;
    }
    te.consumers++; // reserve the slot while the engine works
    consumerPeer.autoConsuming.add(producerId);
    router
        .canConsume(producerId, consumerPeer.rtpCapabilities)
        .thenComposeAsync(
            can -> {
              if (!can) {
                LOG.debug("room {}: peer {} cannot consume {}, skipped", id, consumerPeer.id, producerId);
                return CompletableFuture.<MediaConsumer>completedFuture(null);
              }
              if (consumerPeer.closed || !consumerPeer.transports.containsKey(te.transport.id())) {
                return CompletableFuture.<MediaConsumer>completedFuture(null);
              }
              return te.transport.consume(producerId, consumerPeer.rtpCapabilities, true, JSON.objectNode());
            },
            executor)
        .whenCompleteAsync(
            (consumer, error) -> {
              te.consumers--;
              consumerPeer.autoConsuming.remove(producerId);
              if (error != null) {
                LOG.debug("room {}: auto-consume failed: {}", id, error.toString());
                return;
              }
              if (consumer == null || !adoptConsumer(consumerPeer, owner, pe, te, consumer)) {
                return;
              }
              offerConsumer(consumerPeer, owner, pe, consumer, null);
            },
            executor);
  }

  /**
   * Registers an engine consumer for {@code consumerPeer}; returns false (and closes it) when a
   * party went away while the engine was working.
   */
  boolean adoptConsumer(
      Peer consumerPeer, Peer owner, ProducerEntry pe, TransportEntry te, MediaConsumer consumer) {
    if (consumerPeer.closed
        || owner.closed
        || !owner.producers.containsKey(pe.producer.id())
        || !consumerPeer.transports.containsKey(te.transport.id())) {
      consumer.close();
      return false;
    }
    ConsumerEntry ce = new ConsumerEntry(consumer, pe.producer.id(), owner.id, te.transport.id());
    consumerPeer.consumers.put(consumer.id(), ce);
    te.consumers++;
    counters.consumers.incrementAndGet();
    consumer.setListener(
        new MediaConsumer.Listener() {
          @Override
          public void onProducerClosed() {
            executor.execute(() -> removeConsumer(consumerPeer, ce, true));
          }

          @Override
          public void onTransportClosed() {
            executor.execute(() -> removeConsumer(consumerPeer, ce, false));
          }

          @Override
          public void onProducerPaused() {
            executor.execute(() -> notifyConsumer(consumerPeer, ce, "consumerPaused"));
          }

          @Override
          public void onProducerResumed() {
            executor.execute(() -> notifyConsumer(consumerPeer, ce, "consumerResumed"));
          }

          @Override
          public void onScore(java.util.function.Supplier<JsonNode> score) {
            executor.execute(() -> {
              if (consumerPeer.consumers.get(ce.consumer.id()) == ce) {
                consumerPeer.notify("consumerScore",
                    JSON.objectNode().put("consumerId", ce.consumer.id()).set("score", score.get()));
              }
            });
          }

          @Override
          public void onLayersChanged(Integer spatialLayer, Integer temporalLayer) {
            executor.execute(
                () -> {
                  if (consumerPeer.consumers.get(ce.consumer.id()) == ce) {
                    // null layers: nothing is forwarded (mediasoup-demo shows the consumer as idle).
                    consumerPeer.notify(
                        "consumerLayersChanged",
                        JSON.objectNode()
                            .put("consumerId", ce.consumer.id())
                            .put("spatialLayer", spatialLayer)
                            .put("temporalLayer", temporalLayer));
                  }
                });
          }
        });
    return true;
  }

  private void notifyConsumer(Peer peer, ConsumerEntry ce, String method) {
    if (peer.consumers.get(ce.consumer.id()) == ce) {
      peer.notify(method, JSON.objectNode().put("consumerId", ce.consumer.id()));
    }
  }

  /** The {@code newConsumer} data (also the {@code consume} response). */
  static ObjectNode consumerData(Peer owner, ProducerEntry pe, MediaConsumer consumer) {
    ObjectNode data = JSON.objectNode();
    data.put("peerId", owner.id);
    data.put("producerId", pe.producer.id());
    data.put("id", consumer.id());
    data.put("kind", consumer.kind());
    data.set("rtpParameters", consumer.rtpParameters());
    data.put("type", consumer.type());
    data.set("appData", pe.appData.deepCopy());
    data.put("producerPaused", consumer.producerPaused());
    return data;
  }

  /**
   * Sends {@code newConsumer}; ok → resume + key frame, error or timeout → close the consumer.
   */
  void offerConsumer(
      Peer consumerPeer, Peer owner, ProducerEntry pe, MediaConsumer consumer, String pendingId) {
    ObjectNode data = consumerData(owner, pe, consumer);
    if (pendingId != null) {
      data.put("pendingId", pendingId);
    }
    request(consumerPeer, "newConsumer", data)
        .whenCompleteAsync(
            (answer, error) -> {
              ConsumerEntry ce = consumerPeer.consumers.get(consumer.id());
              if (ce == null) {
                return;
              }
              if (error != null) {
                boolean timedOut = error instanceof java.util.concurrent.TimeoutException;
                removeConsumer(consumerPeer, ce, timedOut);
                consumer.close();
                return;
              }
              consumer.resume().thenCompose(v -> consumer.requestKeyFrame());
            },
            executor);
  }

  /** Sends a server → client request; completes with the answer data, fails on error/timeout. */
  CompletableFuture<JsonNode> request(Peer peer, String method, ObjectNode data) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    if (peer.closed) {
      answer.completeExceptionally(new IllegalStateException("peer closed"));
      return answer;
    }
    long requestId = peer.nextRequestId();
    io.netty.util.concurrent.ScheduledFuture<?> timer =
        executor.schedule(
            () -> {
              if (peer.serverRequests.remove(requestId) != null) {
                counters.serverRequests.decrementAndGet();
                answer.completeExceptionally(new java.util.concurrent.TimeoutException(method));
              }
            },
            config.serverRequestTimeoutMs(),
            TimeUnit.MILLISECONDS);
    peer.serverRequests.put(requestId, new ServerRequest(answer, timer));
    counters.serverRequests.incrementAndGet();
    peer.channel.send(ProtooCodec.request(requestId, method, data));
    return answer;
  }

  /** A response from the client to one of our requests. */
  void clientResponse(Peer peer, long requestId, boolean ok, JsonNode data, int code, String reason) {
    ServerRequest sr = peer.serverRequests.remove(requestId);
    if (sr == null) {
      return;
    }
    counters.serverRequests.decrementAndGet();
    sr.timeout.cancel(false);
    if (ok) {
      sr.answer.complete(data);
    } else {
      sr.answer.completeExceptionally(
          new SignalingException(code == 0 ? 500 : code, reason == null ? "error" : reason));
    }
  }

  // ---------------------------------------------------------------- pending consumers

  /** Queues a manual consume that waits for a matching producer; returns the pendingId. */
  String queuePending(
      Peer requester, TransportEntry te, String targetPeerId, MediaRouter.ConsumeSpec spec) {
    if (requester.pending.size() >= config.maxPendingPerPeer()) {
      throw SignalingException.limit("too many pending consume requests");
    }
    String pendingId = UUID.randomUUID().toString();
    PendingEntry entry = new PendingEntry(pendingId, targetPeerId, te.transport.id());
    requester.pending.put(pendingId, entry);
    counters.pendingConsumers.incrementAndGet();
    entry.handle =
        router.consumeWhenProduced(
            te.transport,
            spec,
            config.pendingConsumerTimeoutMs(),
            new PendingConsume.Listener() {
              @Override
              public void onFulfilled(MediaConsumer consumer) {
                executor.execute(() -> pendingFulfilled(requester, entry, te, consumer));
              }

              @Override
              public void onExpired() {
                executor.execute(() -> pendingEnded(requester, entry, "timeout"));
              }

              @Override
              public void onDropped() {
                executor.execute(() -> pendingEnded(requester, entry, null));
              }

              @Override
              public void onFailed(Throwable error) {
                executor.execute(() -> pendingEnded(requester, entry, "failed"));
              }
            });
    return pendingId;
  }

  private void pendingEnded(Peer requester, PendingEntry entry, String reason) {
    if (requester.pending.get(entry.pendingId) != entry) {
      return;
    }
    removePending(requester, entry);
    if (reason != null) {
      requester.notify(
          "consumePendingExpired",
          JSON.objectNode().put("pendingId", entry.pendingId).put("reason", reason));
    }
  }

  private void pendingFulfilled(
      Peer requester, PendingEntry entry, TransportEntry te, MediaConsumer consumer) {
    if (requester.pending.get(entry.pendingId) != entry) {
      consumer.close();
      return;
    }
    removePending(requester, entry);
    ProducerRef ref = findProducer(consumer.producerId());
    if (ref == null && !requester.closed) {
      // The engine fulfils in the same turn the producer appears, which can be before the
      // produce response reached us: finish once signaling has registered the producer.
      awaitingProducer
          .computeIfAbsent(consumer.producerId(), k -> new ArrayList<>())
          .add(() -> finishFulfilment(requester, entry, te, consumer));
      return;
    }
    finishFulfilment(requester, entry, te, consumer);
  }

  private void finishFulfilment(
      Peer requester, PendingEntry entry, TransportEntry te, MediaConsumer consumer) {
    ProducerRef ref = findProducer(consumer.producerId());
    if (ref == null || !adoptConsumer(requester, ref.owner(), ref.entry(), te, consumer)) {
      consumer.close();
      requester.notify(
          "consumePendingExpired",
          JSON.objectNode().put("pendingId", entry.pendingId).put("reason", "producerClosed"));
      return;
    }
    offerConsumer(requester, ref.owner(), ref.entry(), consumer, entry.pendingId);
  }

  // ---------------------------------------------------------------- state

  ObjectNode roomState() {
    ArrayNode list = JSON.arrayNode();
    for (Peer p : peers.values()) {
      if (!p.joined) {
        continue;
      }
      ObjectNode po = list.addObject();
      po.put("id", p.id).put("displayName", p.displayName).put("role", p.role.jsonName());
      ArrayNode prods = po.putArray("producers");
      for (ProducerEntry pe : p.producers.values()) {
        ObjectNode o = prods.addObject();
        o.put("id", pe.producer.id()).put("kind", pe.producer.kind());
        if (pe.source != null) {
          o.put("source", pe.source);
        } else {
          o.putNull("source");
        }
        o.put("paused", pe.producer.paused());
      }
    }
    ObjectNode state = JSON.objectNode();
    state.set("peers", list);
    return state;
  }

  ObjectNode peerInfo(Peer p) {
    ObjectNode o = JSON.objectNode().put("id", p.id).put("displayName", p.displayName);
    o.set("device", p.device == null ? JSON.objectNode() : p.device.deepCopy());
    return o;
  }

  MediaTransport transportOf(Peer peer, String transportId) {
    TransportEntry te = peer.transports.get(transportId);
    if (te == null) {
      throw SignalingException.notFound("transport " + transportId + " not found");
    }
    return te.transport;
  }
}
