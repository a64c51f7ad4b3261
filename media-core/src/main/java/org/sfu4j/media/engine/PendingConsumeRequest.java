package org.sfu4j.media.engine;

import org.sfu4j.media.ortc.MediaKind;

/**
 * What a pending consumer waits for. Either {@code producerId}, or {@code owner} (the producer's
 * {@link ProducerOptions#owner}, e.g. a peer id) with optional {@code source}
 * ({@code appData.source}, e.g. "webcam") and optional {@code kind}; null optional fields match
 * anything. The consumer is created on {@code transport} from {@code consumerOptions} (its
 * producerId is filled in). A producer the capabilities cannot consume is not a match.
 */
public final class PendingConsumeRequest {
  public Transport transport;
  public String producerId;
  public String owner;
  public String source;
  public MediaKind kind;
  public ConsumerOptions consumerOptions = new ConsumerOptions();
  /** Expiry in ms; 0 = the worker's {@code pendingConsumerTimeoutMs}. */
  public long timeoutMs;

  public PendingConsumeRequest() {}

  /** Waits for a producer by id. */
  public static PendingConsumeRequest forProducer(Transport transport, String producerId, ConsumerOptions options) {
    PendingConsumeRequest r = new PendingConsumeRequest();
    r.transport = transport;
    r.producerId = producerId;
    r.consumerOptions = options;
    return r;
  }

  /** Waits for a producer by owner tag + source + kind. */
  public static PendingConsumeRequest forSource(Transport transport, String owner, String source,
      MediaKind kind, ConsumerOptions options) {
    PendingConsumeRequest r = new PendingConsumeRequest();
    r.transport = transport;
    r.owner = owner;
    r.source = source;
    r.kind = kind;
    r.consumerOptions = options;
    return r;
  }
}
