package org.sfu4j.media.engine;

import java.util.HashMap;
import java.util.Map;

/** mediasoup's {@code ActiveSpeakerObserverOptions}. */
public final class ActiveSpeakerObserverOptions {
  /** Evaluation interval in ms. */
  public long interval = 300;
  public Map<String, Object> appData = new HashMap<>();
}
