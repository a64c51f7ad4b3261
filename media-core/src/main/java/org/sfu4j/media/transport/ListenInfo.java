package org.sfu4j.media.transport;

/**
 * mediasoup's {@code TransportListenInfo}: where a transport listens and what address it announces.
 * {@code ip} is the local address the worker's UDP socket binds to; {@code announcedAddress}
 * (NAT, containers) replaces it in the ICE candidate when set. {@code port} 0 means "the worker's
 * port for this ip" (one shared port per worker and listen ip). Plain bean for JSON mapping.
 */
public final class ListenInfo {
  public String protocol = "udp";
  public String ip;
  public String announcedAddress;
  public int port;

  public ListenInfo() {}

  public ListenInfo(String protocol, String ip, String announcedAddress) {
    this.protocol = protocol;
    this.ip = ip;
    this.announcedAddress = announcedAddress;
  }

  /** A UDP listen info on {@code ip}, announcing {@code ip} itself. */
  public static ListenInfo udp(String ip) {
    return new ListenInfo("udp", ip, null);
  }

  @Override
  public String toString() {
    return "ListenInfo{" + protocol + " " + ip
        + (announcedAddress != null ? " announced " + announcedAddress : "") + "}";
  }
}
