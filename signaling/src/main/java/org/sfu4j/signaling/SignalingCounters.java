package org.sfu4j.signaling;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live object counts, updated where objects are registered/unregistered and read by metrics and
 * leak tests from any thread.
 */
public final class SignalingCounters {
  final AtomicInteger rooms = new AtomicInteger();
  final AtomicInteger peers = new AtomicInteger();
  final AtomicInteger transports = new AtomicInteger();
  final AtomicInteger producers = new AtomicInteger();
  final AtomicInteger consumers = new AtomicInteger();
  final AtomicInteger pendingConsumers = new AtomicInteger();
  final AtomicInteger serverRequests = new AtomicInteger();

  public int rooms() {
    return rooms.get();
  }

  public int peers() {
    return peers.get();
  }

  public int transports() {
    return transports.get();
  }

  public int producers() {
    return producers.get();
  }

  public int consumers() {
    return consumers.get();
  }

  public int pendingConsumers() {
    return pendingConsumers.get();
  }

  /** Server → client requests awaiting an answer (each holds a timer). */
  public int serverRequests() {
    return serverRequests.get();
  }

  @Override
  public String toString() {
    return "rooms=" + rooms + " peers=" + peers + " transports=" + transports
        + " producers=" + producers + " consumers=" + consumers
        + " pending=" + pendingConsumers + " serverRequests=" + serverRequests;
  }
}
