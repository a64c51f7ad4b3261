package org.sfu4j.media.ortc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep-copy helpers shared by the POJOs (parameter values are immutable String/Number). */
final class Copies {
  private Copies() {}

  static Map<String, Object> parameters(Map<String, Object> parameters) {
    return parameters == null ? null : new LinkedHashMap<>(parameters);
  }

  static List<RtcpFeedback> feedback(List<RtcpFeedback> feedback) {
    if (feedback == null) {
      return null;
    }
    List<RtcpFeedback> copy = new ArrayList<>(feedback.size());
    for (RtcpFeedback fb : feedback) {
      copy.add(fb == null ? null : fb.deepCopy());
    }
    return copy;
  }
}
