package org.sfu4j.signaling;

/**
 * Limits and timeouts of the signaling layer. Defaults suit a small deployment; the daemon maps
 * its config file onto this.
 */
public record SignalingConfig(
    int maxPeersPerRoom,
    int maxProducersPerPeer,
    int maxConsumersPerTransport,
    int maxTransportsPerPeer,
    int maxPendingPerPeer,
    double requestsPerSecond,
    int requestBurst,
    long pendingConsumerTimeoutMs,
    long serverRequestTimeoutMs) {

  public static SignalingConfig defaults() {
    return new SignalingConfig(100, 16, 500, 8, 64, 50, 100, 30_000, 10_000);
  }

  public SignalingConfig withPendingConsumerTimeoutMs(long ms) {
    return new SignalingConfig(
        maxPeersPerRoom, maxProducersPerPeer, maxConsumersPerTransport, maxTransportsPerPeer,
        maxPendingPerPeer, requestsPerSecond, requestBurst, ms, serverRequestTimeoutMs);
  }

  public SignalingConfig withServerRequestTimeoutMs(long ms) {
    return new SignalingConfig(
        maxPeersPerRoom, maxProducersPerPeer, maxConsumersPerTransport, maxTransportsPerPeer,
        maxPendingPerPeer, requestsPerSecond, requestBurst, pendingConsumerTimeoutMs, ms);
  }

  public SignalingConfig withRate(double perSecond, int burst) {
    return new SignalingConfig(
        maxPeersPerRoom, maxProducersPerPeer, maxConsumersPerTransport, maxTransportsPerPeer,
        maxPendingPerPeer, perSecond, burst, pendingConsumerTimeoutMs, serverRequestTimeoutMs);
  }

  public SignalingConfig withMaxPeersPerRoom(int n) {
    return new SignalingConfig(
        n, maxProducersPerPeer, maxConsumersPerTransport, maxTransportsPerPeer,
        maxPendingPerPeer, requestsPerSecond, requestBurst, pendingConsumerTimeoutMs,
        serverRequestTimeoutMs);
  }

  public SignalingConfig withMaxPendingPerPeer(int n) {
    return new SignalingConfig(
        maxPeersPerRoom, maxProducersPerPeer, maxConsumersPerTransport, maxTransportsPerPeer,
        n, requestsPerSecond, requestBurst, pendingConsumerTimeoutMs, serverRequestTimeoutMs);
  }

  public SignalingConfig withMaxProducersPerPeer(int n) {
    return new SignalingConfig(
        maxPeersPerRoom, n, maxConsumersPerTransport, maxTransportsPerPeer,
        maxPendingPerPeer, requestsPerSecond, requestBurst, pendingConsumerTimeoutMs,
        serverRequestTimeoutMs);
  }
}
