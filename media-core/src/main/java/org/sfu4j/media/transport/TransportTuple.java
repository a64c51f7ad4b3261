package org.sfu4j.media.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * mediasoup's {@code TransportTuple} (the {@code iceSelectedTuple}): {@code localAddress,
 * localPort, remoteIp, remotePort, protocol}. Immutable.
 */
public final class TransportTuple {
  private final String localAddress;
  private final int localPort;
  private final String remoteIp;
  private final int remotePort;
  private final String protocol;

  public TransportTuple(String localAddress, int localPort, String remoteIp, int remotePort,
      String protocol) {
    this.localAddress = localAddress;
    this.localPort = localPort;
    this.remoteIp = remoteIp;
    this.remotePort = remotePort;
    this.protocol = protocol;
  }

  static TransportTuple udp(InetSocketAddress local, InetSocketAddress remote) {
    return new TransportTuple(local.getAddress().getHostAddress(), local.getPort(),
        remote.getAddress().getHostAddress(), remote.getPort(), "udp");
  }

  public String getLocalAddress() {
    return localAddress;
  }

  public int getLocalPort() {
    return localPort;
  }

  public String getRemoteIp() {
    return remoteIp;
  }

  public int getRemotePort() {
    return remotePort;
  }

  public String getProtocol() {
    return protocol;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TransportTuple)) {
      return false;
    }
    TransportTuple t = (TransportTuple) o;
    return localPort == t.localPort && remotePort == t.remotePort
        && localAddress.equals(t.localAddress) && remoteIp.equals(t.remoteIp)
        && protocol.equals(t.protocol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(localAddress, localPort, remoteIp, remotePort, protocol);
  }

  @Override
  public String toString() {
    return protocol + " " + localAddress + ":" + localPort + " <-> " + remoteIp + ":" + remotePort;
  }
}
