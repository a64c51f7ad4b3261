package org.sfu4j.media.engine;

import java.util.HashMap;
import java.util.Map;

/** Options of a {@link DirectTransport}. */
public final class DirectTransportOptions {
  public Map<String, Object> appData = new HashMap<>();
}
