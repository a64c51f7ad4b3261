package org.sfu4j.media.engine;

import java.util.concurrent.CompletableFuture;

/**
 * Handle of a {@link Router#consumeWhenProduced(PendingConsumeRequest)} request: an id (what
 * signaling calls {@code pendingId}) and the outcome future, completed on the loop in the same
 * turn the outcome happens. Completes exceptionally when the request is rejected (closed router,
 * foreign transport, {@link LimitExceededException}, bad arguments).
 */
public final class PendingConsume {
  private final String id;
  private final Router router;
  private final CompletableFuture<PendingConsumeOutcome> outcome = new CompletableFuture<>();

  PendingConsume(String id, Router router) {
    this.id = id;
    this.router = router;
  }

  public String id() {
    return id;
  }

  public CompletableFuture<PendingConsumeOutcome> outcome() {
    return outcome;
  }

  /** Cancels if still waiting; true when this call cancelled it (outcome CANCELLED). */
  public CompletableFuture<Boolean> cancel() {
    return router.cancelPending(this);
  }

  CompletableFuture<PendingConsumeOutcome> outcomeFuture() {
    return outcome;
  }
}
