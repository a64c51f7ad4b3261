package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.signaling.media.MediaConsumer;
import org.sfu4j.signaling.media.MediaProducer;
import org.sfu4j.signaling.media.MediaTransport;
import org.sfu4j.signaling.media.PendingConsume;
import org.sfu4j.signaling.protoo.EncodedMessage;
import org.sfu4j.signaling.protoo.ProtooCodec;

/**
 * One peer of a room and everything it owns. Plain state, touched only on the signaling executor;
 * every map entry added here is removed by {@link Room} when the object goes away, and the
 * {@link SignalingCounters} move with the maps so leak tests can count.
 */
final class Peer {

  final String id;
  final Role role;
  final PeerChannel channel;

  boolean joined;
  boolean closed;
  String displayName = "";
  ObjectNode device;
  JsonNode rtpCapabilities;
  boolean manualSubscribe;

  final Map<String, TransportEntry> transports = new LinkedHashMap<>();
  final Map<String, ProducerEntry> producers = new LinkedHashMap<>();
  final Map<String, ConsumerEntry> consumers = new LinkedHashMap<>();
  final Map<String, PendingEntry> pending = new LinkedHashMap<>();
  final Map<Long, ServerRequest> serverRequests = new LinkedHashMap<>();
  /** Producer ids an auto-subscribe is consuming right now (no second consumer for the same one). */
  final Set<String> autoConsuming = new HashSet<>();
  private long nextRequestId = 1;

  Peer(String id, Role role, PeerChannel channel) {
    this.id = id;
    this.role = role;
    this.channel = channel;
  }

  long nextRequestId() {
    return nextRequestId++;
  }

  void notify(String method, JsonNode data) {
    if (!closed) {
      channel.send(ProtooCodec.notification(method, data));
    }
  }

  /** Sends a notification serialised once for the whole room (see {@link EncodedMessage}). */
  void notify(EncodedMessage message) {
    if (!closed) {
      channel.send(message);
    }
  }

  TransportEntry consumingTransport() {
    for (TransportEntry t : transports.values()) {
      if (t.consuming) {
        return t;
      }
    }
    return null;
  }

  boolean consumes(String producerId) {
    for (ConsumerEntry c : consumers.values()) {
      if (c.producerId.equals(producerId)) {
        return true;
      }
    }
    return false;
  }

  /** A transport and what it was created for. */
  static final class TransportEntry {
    final MediaTransport transport;
    final boolean producing;
    final boolean consuming;
    boolean connected;
    int consumers;

    TransportEntry(MediaTransport transport, boolean producing, boolean consuming) {
      this.transport = transport;
      this.producing = producing;
      this.consumers = 0;
      this.consuming = consuming;
    }
  }

  /** A producer with the appData.source used by manual consume. */
  static final class ProducerEntry {
    final MediaProducer producer;
    final String transportId;
    final String source;
    final ObjectNode appData;

    ProducerEntry(MediaProducer producer, String transportId, String source, ObjectNode appData) {
      this.producer = producer;
      this.transportId = transportId;
      this.source = source;
      this.appData = appData;
    }
  }

  /** A consumer and whose producer it forwards. */
  static final class ConsumerEntry {
    final MediaConsumer consumer;
    final String producerId;
    final String producerPeerId;
    final String transportId;

    ConsumerEntry(
        MediaConsumer consumer, String producerId, String producerPeerId, String transportId) {
      this.consumer = consumer;
      this.producerId = producerId;
      this.producerPeerId = producerPeerId;
      this.transportId = transportId;
    }
  }

  /** A queued manual consume and the peer it waits for. */
  static final class PendingEntry {
    final String pendingId;
    final String targetPeerId;
    final String transportId;
    PendingConsume handle;

    PendingEntry(String pendingId, String targetPeerId, String transportId) {
      this.pendingId = pendingId;
      this.targetPeerId = targetPeerId;
      this.transportId = transportId;
    }
  }

  /** A server → client request awaiting its answer. */
  static final class ServerRequest {
    final CompletableFuture<JsonNode> answer;
    final ScheduledFuture<?> timeout;

    ServerRequest(CompletableFuture<JsonNode> answer, ScheduledFuture<?> timeout) {
      this.answer = answer;
      this.timeout = timeout;
    }
  }
}
