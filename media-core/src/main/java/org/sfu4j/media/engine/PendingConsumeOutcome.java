package org.sfu4j.media.engine;

/** How a pending consume request ended; exactly one outcome per request. */
public final class PendingConsumeOutcome {
  /** FULFILLED carries the consumer; the others carry none. */
  public enum Status { FULFILLED, EXPIRED, CANCELLED, DROPPED }

  private final Status status;
  private final Consumer consumer;

  private PendingConsumeOutcome(Status status, Consumer consumer) {
    this.status = status;
    this.consumer = consumer;
  }

  static PendingConsumeOutcome fulfilled(Consumer consumer) {
    return new PendingConsumeOutcome(Status.FULFILLED, consumer);
  }

  static final PendingConsumeOutcome EXPIRED = new PendingConsumeOutcome(Status.EXPIRED, null);
  static final PendingConsumeOutcome CANCELLED = new PendingConsumeOutcome(Status.CANCELLED, null);
  /** The requesting transport (or router) closed. */
  static final PendingConsumeOutcome DROPPED = new PendingConsumeOutcome(Status.DROPPED, null);

  public Status status() {
    return status;
  }

  /** The created consumer when FULFILLED, else null. */
  public Consumer consumer() {
    return consumer;
  }

  @Override
  public String toString() {
    return status.name();
  }
}
