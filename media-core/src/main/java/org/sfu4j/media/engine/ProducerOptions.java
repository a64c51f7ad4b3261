package org.sfu4j.media.engine;

import java.util.HashMap;
import java.util.Map;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtpParameters;

/**
 * mediasoup's ProducerOptions plus {@code owner}: the tag (e.g. peer id) that pending consume
 * requests match together with {@code appData.source} and {@code kind}.
 */
public final class ProducerOptions {
  public MediaKind kind;
  public RtpParameters rtpParameters;
  public boolean paused;
  /** Minimum interval between upstream key-frame requests per stream; 0 = worker default. */
  public long keyFrameRequestDelay;
  public String owner;
  public Map<String, Object> appData = new HashMap<>();

  public ProducerOptions() {}

  public ProducerOptions(MediaKind kind, RtpParameters rtpParameters) {
    this.kind = kind;
    this.rtpParameters = rtpParameters;
  }
}
