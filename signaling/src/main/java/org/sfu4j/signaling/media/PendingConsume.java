package org.sfu4j.signaling.media;

/** A queued consumer request (see {@link MediaRouter#consumeWhenProduced}). */
public interface PendingConsume {

  /** Cancels the request; no listener method fires afterwards. Idempotent. */
  void cancel();

  /** Outcome of a pending request; exactly one method fires, on any thread. */
  interface Listener {
    void onFulfilled(MediaConsumer consumer);

    void onExpired();

    /** The requesting transport closed (or the router), so the request was dropped. */
    void onDropped();

    /** A matching producer appeared but consuming it failed (e.g. codecs do not match). */
    void onFailed(Throwable error);
  }
}
