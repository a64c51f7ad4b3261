package org.sfu4j.media.engine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;

/**
 * What a {@link Transport} subclass gets from its router at construction: the router, the id the
 * router chose, and the worker's loop, allocator and clock. Only a router creates one (see
 * {@link Router#createTransport(java.util.function.Function)}), so a transport cannot be built
 * outside the object tree.
 */
public final class TransportContext {
  private final Router router;
  private final String id;

  TransportContext(Router router, String id) {
    this.router = router;
    this.id = id;
  }

  public Router router() {
    return router;
  }

  public String id() {
    return id;
  }

  public EventLoop eventLoop() {
    return router.worker().eventLoop();
  }

  public ByteBufAllocator allocator() {
    return router.worker().allocator();
  }

  public long nowMs() {
    return router.worker().nowMs();
  }
}
