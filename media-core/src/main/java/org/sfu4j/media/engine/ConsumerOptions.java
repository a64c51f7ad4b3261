package org.sfu4j.media.engine;

import java.util.HashMap;
import java.util.Map;
import org.sfu4j.media.ortc.RtpCapabilities;

/** mediasoup's ConsumerOptions. RTX is off by default because this engine does not retransmit yet. */
public final class ConsumerOptions {
  public String producerId;
  public RtpCapabilities rtpCapabilities;
  public boolean paused;
  public ConsumerLayers preferredLayers;
  public boolean enableRtx;
  public boolean ignoreDtx;
  public Map<String, Object> appData = new HashMap<>();

  public ConsumerOptions() {}

  public ConsumerOptions(String producerId, RtpCapabilities rtpCapabilities) {
    this.producerId = producerId;
    this.rtpCapabilities = rtpCapabilities;
  }

  /** A copy sharing the capabilities object (never mutated by the engine). */
  public ConsumerOptions copy() {
    ConsumerOptions c = new ConsumerOptions(producerId, rtpCapabilities);
    c.paused = paused;
    c.preferredLayers = preferredLayers == null
        ? null : new ConsumerLayers(preferredLayers.spatialLayer, preferredLayers.temporalLayer);
    c.enableRtx = enableRtx;
    c.ignoreDtx = ignoreDtx;
    c.appData = appData == null ? new HashMap<>() : new HashMap<>(appData);
    return c;
  }
}
