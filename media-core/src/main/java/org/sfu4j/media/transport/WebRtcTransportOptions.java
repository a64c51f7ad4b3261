package org.sfu4j.media.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code router.createWebRtcTransport(...)}, mediasoup's {@code WebRtcTransportOptions}
 * subset: {@code listenInfos}, {@code enableUdp}, {@code enableTcp}, {@code preferUdp},
 * {@code appData}. ICE-TCP is not implemented yet: {@code enableTcp} alone is rejected, together
 * with UDP it is ignored (only UDP candidates are offered).
 */
public final class WebRtcTransportOptions {
  public List<ListenInfo> listenInfos = new ArrayList<>();
  public boolean enableUdp = true;
  public boolean enableTcp;
  public boolean preferUdp;
  public Map<String, Object> appData = new HashMap<>();

  public WebRtcTransportOptions() {}

  /** UDP on the given listen infos. */
  public static WebRtcTransportOptions udp(ListenInfo... infos) {
    WebRtcTransportOptions o = new WebRtcTransportOptions();
    o.listenInfos.addAll(List.of(infos));
    return o;
  }
}
