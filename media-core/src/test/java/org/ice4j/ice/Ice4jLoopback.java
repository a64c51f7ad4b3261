package org.ice4j.ice;

/**
 * Test-only door into ice4j (same package): a component WITHOUT candidate gathering. ice4j's
 * {@code Agent.createComponent} always runs its host harvester, which binds every non-loopback
 * interface of the machine (and skips loopback) — tests must only use 127.0.0.1, so they add a
 * loopback host candidate themselves.
 */
public final class Ice4jLoopback {
  private Ice4jLoopback() {}

  public static Component bareComponent(IceMediaStream stream, KeepAliveStrategy keepAlive) {
    return stream.createComponent(keepAlive, false);
  }
}
