package org.sfu4j.media.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sfu4j.media.ortc.RtpCodecCapability;

/** mediasoup's RouterOptions: the media codecs the router offers, plus application data. */
public final class RouterOptions {
  public List<RtpCodecCapability> mediaCodecs = new ArrayList<>();
  public Map<String, Object> appData = new HashMap<>();

  public RouterOptions() {}

  public RouterOptions(List<RtpCodecCapability> mediaCodecs) {
    this.mediaCodecs = mediaCodecs;
  }
}
