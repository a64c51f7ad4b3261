package org.sfu4j.media.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.ortc.MediaKind;

/**
 * A router's consume requests waiting for a producer. Indexed by producer id and by
 * (owner, source|*, kind|*) so a new producer finds its waiters with at most five map lookups; per
 * transport for dropping and bounding. Each entry owns one loop timer, cancelled on every other
 * outcome, so nothing outlives its request. Loop-confined.
 */
final class PendingConsumerQueue {
  private static final String ANY = "\u0001*";

  private static final class Entry {
    final PendingConsume handle;
    final PendingConsumeRequest request;
    final String tagKey;
    ScheduledFuture<?> timer;

    Entry(PendingConsume handle, PendingConsumeRequest request, String tagKey) {
      this.handle = handle;
      this.request = request;
      this.tagKey = tagKey;
    }
  }

  private final Router router;
  private final Map<String, Entry> byId = new LinkedHashMap<>();
  private final Map<String, List<Entry>> byProducerId = new HashMap<>();
  private final Map<String, List<Entry>> byTag = new HashMap<>();
  private final Map<Transport, List<Entry>> byTransport = new HashMap<>();

  PendingConsumerQueue(Router router) {
    this.router = router;
  }

  private static String tagKey(String owner, String source, MediaKind kind) {
    return owner + '\u0000' + (source == null ? ANY : source) + '\u0000'
        + (kind == null ? ANY : kind.value());
  }

  void add(PendingConsume handle, PendingConsumeRequest r) {
    try {
      router.checkOpen();
      if (r == null || r.transport == null) {
        throw new IllegalArgumentException("transport is required");
      }
      if (!router.hasTransport(r.transport) || r.transport.closed()) {
        throw new InvalidStateException("transport not open on this router: " + r.transport.id());
      }
      if (r.consumerOptions == null || r.consumerOptions.rtpCapabilities == null) {
        throw new IllegalArgumentException("consumerOptions.rtpCapabilities is required");
      }
      if (r.producerId == null && r.owner == null) {
        throw new IllegalArgumentException("producerId or owner is required");
      }
      Producer existing = findExisting(r);
      if (existing != null) {
        handle.outcomeFuture().complete(
            PendingConsumeOutcome.fulfilled(r.transport.consumeNow(optionsFor(r, existing))));
        return;
      }
      List<Entry> forTransport = byTransport.get(r.transport);
      int max = router.worker().settings().maxPendingConsumersPerTransport();
      if (forTransport != null && forTransport.size() >= max) {
        throw new LimitExceededException("too many pending consume requests on transport "
            + r.transport.id() + " (max " + max + ")");
      }
      Entry e = new Entry(handle, r, r.producerId == null ? tagKey(r.owner, r.source, r.kind) : null);
      byId.put(handle.id(), e);
      if (r.producerId != null) {
        byProducerId.computeIfAbsent(r.producerId, k -> new ArrayList<>()).add(e);
      } else {
        byTag.computeIfAbsent(e.tagKey, k -> new ArrayList<>()).add(e);
      }
      byTransport.computeIfAbsent(r.transport, k -> new ArrayList<>()).add(e);
      long timeout = r.timeoutMs > 0 ? r.timeoutMs : router.worker().settings().pendingConsumerTimeoutMs();
      String id = handle.id();
      e.timer = router.worker().eventLoop().schedule(() -> expire(id), timeout, TimeUnit.MILLISECONDS);
    } catch (RuntimeException ex) {
      handle.outcomeFuture().completeExceptionally(ex);
    }
  }

  private Producer findExisting(PendingConsumeRequest r) {
    if (r.producerId != null) {
      Producer p = router.producer(r.producerId);
      return p != null && matches(r, p) ? p : null;
    }
    for (Producer p : router.producersView().values()) {
      if (matches(r, p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Every constraint the request names must hold: a producer id alone is not enough when an owner
   * is named too, or a request for peer B's producer X would be fulfilled with peer A's X.
   */
  private boolean matches(PendingConsumeRequest r, Producer p) {
    if (r.producerId != null && !r.producerId.equals(p.id())) {
      return false;
    }
    if ((r.producerId == null || r.owner != null) && !Objects.equals(r.owner, p.owner())) {
      return false;
    }
    if ((r.source != null && !r.source.equals(p.source())) || (r.kind != null && r.kind != p.kind())) {
      return false;
    }
    return router.canConsumeNow(p.id(), r.consumerOptions.rtpCapabilities);
  }

  private static ConsumerOptions optionsFor(PendingConsumeRequest r, Producer p) {
    ConsumerOptions o = r.consumerOptions.copy();
    o.producerId = p.id();
    return o;
  }

  /** A producer was added to the router: fulfil every matching waiter now. */
  void onProducer(Producer p) {
    if (byId.isEmpty()) {
      return;
    }
    List<Entry> candidates = new ArrayList<>();
    addAll(candidates, byProducerId.get(p.id()));
    if (p.owner() != null) {
      String source = p.source();
      MediaKind kind = p.kind();
      addAll(candidates, byTag.get(tagKey(p.owner(), source, kind)));
      addAll(candidates, byTag.get(tagKey(p.owner(), source, null)));
      addAll(candidates, byTag.get(tagKey(p.owner(), null, kind)));
      addAll(candidates, byTag.get(tagKey(p.owner(), null, null)));
    }
    for (Entry e : candidates) {
      if (p.closed()) {
        return;
      }
      if (!byId.containsKey(e.handle.id()) || !matches(e.request, p)) {
        continue;
      }
      remove(e);
      try {
        Consumer c = e.request.transport.consumeNow(optionsFor(e.request, p));
        e.handle.outcomeFuture().complete(PendingConsumeOutcome.fulfilled(c));
      } catch (RuntimeException ex) {
        e.handle.outcomeFuture().completeExceptionally(ex);
      }
    }
  }

  private static void addAll(List<Entry> to, List<Entry> from) {
    if (from != null) {
      to.addAll(from);
    }
  }

  boolean cancel(String id) {
    Entry e = byId.get(id);
    if (e == null) {
      return false;
    }
    remove(e);
    e.handle.outcomeFuture().complete(PendingConsumeOutcome.CANCELLED);
    return true;
  }

  private void expire(String id) {
    Entry e = byId.get(id);
    if (e == null) {
      return;
    }
    e.timer = null; // it is this timer that fired
    remove(e);
    e.handle.outcomeFuture().complete(PendingConsumeOutcome.EXPIRED);
  }

  void dropForTransport(Transport t) {
    List<Entry> l = byTransport.get(t);
    if (l == null) {
      return;
    }
    for (Entry e : new ArrayList<>(l)) {
      remove(e);
      e.handle.outcomeFuture().complete(PendingConsumeOutcome.DROPPED);
    }
  }

  void dropAll() {
    for (Entry e : new ArrayList<>(byId.values())) {
      remove(e);
      e.handle.outcomeFuture().complete(PendingConsumeOutcome.DROPPED);
    }
  }

  private void remove(Entry e) {
    byId.remove(e.handle.id());
    if (e.request.producerId != null) {
      removeFrom(byProducerId, e.request.producerId, e);
    } else {
      removeFrom(byTag, e.tagKey, e);
    }
    removeFrom(byTransport, e.request.transport, e);
    if (e.timer != null) {
      e.timer.cancel(false);
      e.timer = null;
    }
  }

  private static <K> void removeFrom(Map<K, List<Entry>> map, K key, Entry e) {
    List<Entry> l = map.get(key);
    if (l != null) {
      l.remove(e);
      if (l.isEmpty()) {
        map.remove(key);
      }
    }
  }

  List<String> ids() {
    return new ArrayList<>(byId.keySet());
  }

  /** Timers not yet fired or cancelled. */
  int liveTimers() {
    int n = 0;
    for (Entry e : byId.values()) {
      if (e.timer != null && !e.timer.isDone()) {
        n++;
      }
    }
    return n;
  }

  /** Entries in every index; 0 when nothing waits. */
  int registeredCount() {
    return byId.size() + byProducerId.size() + byTag.size() + byTransport.size();
  }
}
