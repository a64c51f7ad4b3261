package org.sfu4j.media.engine;

import java.util.HashMap;
import java.util.Map;

/** mediasoup's {@code AudioLevelObserverOptions}. */
public final class AudioLevelObserverOptions {
  /** Maximum number of entries in a {@code volumes} event. */
  public int maxEntries = 1;
  /** Minimum average volume (dBov, -127..0) to be reported. */
  public int threshold = -80;
  /** Report interval in ms (>= 250). */
  public long interval = 1000;
  public Map<String, Object> appData = new HashMap<>();
}
