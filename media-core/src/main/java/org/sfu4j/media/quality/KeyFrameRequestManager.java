package org.sfu4j.media.quality;

import io.netty.util.collection.LongObjectHashMap;

/**
 * Aggregates key frame requests (PLI/FIR from consumers, unrepairable loss, consumer resume or
 * layer switch) per producer stream and rate-limits what goes upstream.
 *
 * <p>Why: every consumer of a stream may ask at the same moment (a room joining, a lossy
 * downlink); forwarding each request would make the sender emit a burst of key frames, which
 * are large and cause more loss. Instead, at most one request per {@code minIntervalMs} (500 ms
 * by default) goes to the producer per stream; requests inside that window are remembered and
 * sent by {@link #onTick} when the window ends, unless a key frame arrived in the meantime. When
 * no key frame follows a request within {@code retryAfterMs}, the request is repeated (the
 * request or the key frame may have been lost).
 *
 * <p>FIR (RFC 5104) carries a command sequence number per media source that the sender uses to
 * tell new requests from repetitions: it is incremented for each new request and kept for a
 * repetition. Streams whose producer negotiated only FIR are registered with {@code useFir}.
 * Single-threaded; no allocation after {@link #addStream}.
 */
public final class KeyFrameRequestManager {

  /** Receives the requests to send upstream. */
  public interface Listener {
    /**
     * Send a PLI (when {@code fir} is false) or a FIR with command sequence number {@code
     * firSeq} for the producer stream {@code ssrc}.
     */
    void onSendKeyFrameRequest(long ssrc, boolean fir, int firSeq);
  }

  public static final long DEFAULT_MIN_INTERVAL_MS = 500;
  public static final long DEFAULT_RETRY_AFTER_MS = 1000;

  private static final class StreamState {
    final boolean useFir;
    long lastSentMs = Long.MIN_VALUE;
    boolean pending;
    boolean awaitingKeyFrame;
    int firSeq = -1;
    long requests;
    long sent;

    StreamState(boolean useFir) {
      this.useFir = useFir;
    }
  }

  private final Listener listener;
  private final long minIntervalMs;
  private final long retryAfterMs;
  private final LongObjectHashMap<StreamState> streams = new LongObjectHashMap<>();

  public KeyFrameRequestManager(Listener listener) {
    this(listener, DEFAULT_MIN_INTERVAL_MS, DEFAULT_RETRY_AFTER_MS);
  }

  public KeyFrameRequestManager(Listener listener, long minIntervalMs, long retryAfterMs) {
    this.listener = listener;
    this.minIntervalMs = minIntervalMs;
    this.retryAfterMs = retryAfterMs;
  }

  /** Registers a producer stream; {@code useFir} when the producer supports only FIR. */
  public void addStream(long ssrc, boolean useFir) {
    streams.put(ssrc, new StreamState(useFir));
  }

  public void removeStream(long ssrc) {
    streams.remove(ssrc);
  }

  /**
   * A key frame is wanted for {@code ssrc} (any reason). Sends a request now if the stream's
   * window allows, else remembers it for {@link #onTick}. Unknown streams are ignored.
   *
   * @return true if a request was sent upstream by this call
   */
  public boolean keyFrameNeeded(long ssrc, long nowMs) {
    StreamState s = streams.get(ssrc);
    if (s == null) {
      return false;
    }
    s.requests++;
    if (s.lastSentMs == Long.MIN_VALUE || nowMs - s.lastSentMs >= minIntervalMs) {
      send(ssrc, s, nowMs, true);
      return true;
    }
    s.pending = true;
    return false;
  }

  /** A key frame arrived on {@code ssrc}: pending and outstanding requests are satisfied. */
  public void onKeyFrame(long ssrc, long nowMs) {
    StreamState s = streams.get(ssrc);
    if (s != null) {
      s.pending = false;
      s.awaitingKeyFrame = false;
    }
  }

  /** Sends deferred requests whose window ended and repeats unanswered ones. */
  public void onTick(long nowMs) {
    if (streams.isEmpty()) {
      return;
    }
    for (LongObjectHashMap.PrimitiveEntry<StreamState> e : streams.entries()) {
      StreamState s = e.value();
      if (s.pending && nowMs - s.lastSentMs >= minIntervalMs) {
        send(e.key(), s, nowMs, true);
      } else if (s.awaitingKeyFrame && nowMs - s.lastSentMs >= retryAfterMs) {
        send(e.key(), s, nowMs, false);
      }
    }
  }

  /** Key frame requests received for {@code ssrc} (before aggregation). */
  public long requestCount(long ssrc) {
    StreamState s = streams.get(ssrc);
    return s == null ? 0 : s.requests;
  }

  /** Requests actually sent upstream for {@code ssrc}. */
  public long sentCount(long ssrc) {
    StreamState s = streams.get(ssrc);
    return s == null ? 0 : s.sent;
  }

  private void send(long ssrc, StreamState s, long nowMs, boolean newRequest) {
    if (newRequest || s.firSeq < 0) {
      s.firSeq = (s.firSeq + 1) & 0xFF;
    }
    s.pending = false;
    s.awaitingKeyFrame = true;
    s.lastSentMs = nowMs;
    s.sent++;
    listener.onSendKeyFrameRequest(ssrc, s.useFir, s.useFir ? s.firSeq : 0);
  }
}
