package org.sfu4j.ice;

import java.util.Locale;
import java.util.Objects;

/**
 * One local candidate in mediasoup's {@code iceCandidates} JSON shape: {@code foundation, priority,
 * address, ip, protocol, port, type, tcpType}. {@code ip} duplicates {@code address} as mediasoup
 * still emits both. Only host candidates exist here (ICE-lite, RFC 8445 §2.5); {@code tcpType} is
 * "passive" for TCP (RFC 6544) and null for UDP. Immutable.
 */
public final class IceCandidate {

  /** RFC 8445 §5.1.2.2 recommended type preference of host candidates. */
  public static final int HOST_TYPE_PREFERENCE = 126;
  /** RFC 6544 §4.2 direction preference of a passive host candidate. */
  public static final int TCP_PASSIVE_DIRECTION_PREFERENCE = 4;
  /** RTP component; rtcp-mux is mandatory in WebRTC, so there is only one. */
  public static final int COMPONENT_RTP = 1;

  private final String foundation;
  private final long priority;
  private final String address;
  private final String protocol;
  private final int port;
  private final String type;
  private final String tcpType;

  public IceCandidate(String foundation, long priority, String address, String protocol, int port,
      String type, String tcpType) {
    this.foundation = Objects.requireNonNull(foundation, "foundation");
    this.priority = priority;
    this.address = Objects.requireNonNull(address, "address");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.port = port;
    this.type = Objects.requireNonNull(type, "type");
    this.tcpType = tcpType;
  }

  /**
   * RFC 8445 §5.1.2.1: {@code 2^24*typePreference + 2^8*localPreference + (256 - componentId)}.
   *
   * @param typePreference 0..126
   * @param localPreference 0..65535
   * @param componentId 1..256
   */
  public static long computePriority(int typePreference, int localPreference, int componentId) {
    if (typePreference < 0 || typePreference > 126 || localPreference < 0
        || localPreference > 65535 || componentId < 1 || componentId > 256) {
      throw new IllegalArgumentException("priority inputs out of range");
    }
    return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
  }

  /**
   * RFC 6544 §4.2 local preference of a TCP candidate: {@code 2^13*directionPref + otherPref}.
   *
   * @param otherPreference 0..8191, e.g. to rank several listen addresses
   */
  public static int tcpLocalPreference(int directionPreference, int otherPreference) {
    if (directionPreference < 0 || directionPreference > 7 || otherPreference < 0
        || otherPreference > 8191) {
      throw new IllegalArgumentException("tcp preference out of range");
    }
    return (directionPreference << 13) + otherPreference;
  }

  /**
   * A host candidate for {@code address} (the announced address when behind NAT, else the listen
   * IP). {@code protocol} is "udp" or "tcp" (then passive). {@code localPreference} ranks this
   * candidate among ours (0..65535, higher preferred; for TCP see {@link #tcpLocalPreference}).
   * The foundation is derived from protocol and address: RFC 8445 §5.1.1.3 wants equal
   * foundations for equal type, base and protocol, and different ones otherwise.
   */
  public static IceCandidate host(String address, String protocol, int port, int localPreference) {
    String proto = protocol.toLowerCase(Locale.ROOT);
    if (!proto.equals("udp") && !proto.equals("tcp")) {
      throw new IllegalArgumentException("protocol must be udp or tcp: " + protocol);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    long priority = computePriority(HOST_TYPE_PREFERENCE, localPreference, COMPONENT_RTP);
    String foundation = proto + Integer.toHexString(address.hashCode());
    return new IceCandidate(foundation, priority, address, proto, port, "host",
        proto.equals("tcp") ? "passive" : null);
  }

  public String getFoundation() {
    return foundation;
  }

  public long getPriority() {
    return priority;
  }

  public String getAddress() {
    return address;
  }

  /** Same as {@link #getAddress()}; mediasoup keeps the deprecated {@code ip} field. */
  public String getIp() {
    return address;
  }

  public String getProtocol() {
    return protocol;
  }

  public int getPort() {
    return port;
  }

  public String getType() {
    return type;
  }

  /** "passive" for TCP candidates, null for UDP. */
  public String getTcpType() {
    return tcpType;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IceCandidate)) {
      return false;
    }
    IceCandidate c = (IceCandidate) o;
    return priority == c.priority && port == c.port && foundation.equals(c.foundation)
        && address.equals(c.address) && protocol.equals(c.protocol) && type.equals(c.type)
        && Objects.equals(tcpType, c.tcpType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(foundation, priority, address, protocol, port, type, tcpType);
  }

  @Override
  public String toString() {
    return "IceCandidate{" + foundation + " " + priority + " " + protocol + " " + address + ":"
        + port + " " + type + (tcpType != null ? " tcptype " + tcpType : "") + "}";
  }
}
