package org.sfu4j.signaling.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The media workers of one process: rooms get a router on the least-loaded worker. */
public interface MediaBackend {

  /** Creates a router on the least-loaded worker. */
  CompletableFuture<MediaRouter> createRouter();

  /** One entry per worker, for /health and metrics. */
  List<WorkerStatus> workers();

  /** Closes every worker (and so every router below). */
  CompletableFuture<Void> close();

  /** Health of one worker. */
  record WorkerStatus(int index, String state, int routers, long eventLoopLagMicros) {}
}
