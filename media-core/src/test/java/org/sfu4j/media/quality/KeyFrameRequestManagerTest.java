package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFrameRequestManagerTest {
  private final List<String> sent = new ArrayList<>();
  private final KeyFrameRequestManager m = new KeyFrameRequestManager(
      (ssrc, fir, firSeq) -> sent.add((fir ? "FIR " + ssrc + " seq=" + firSeq : "PLI " + ssrc)));

  private List<String> drain() {
    List<String> c = new ArrayList<>(sent);
    sent.clear();
    return c;
  }

  @Test
  void burstOfRequestsIsAggregatedToOnePer500Ms() {
    m.addStream(1, false);
    assertTrue(m.keyFrameNeeded(1, 0));
    assertEquals(List.of("PLI 1"), drain());
    for (int t = 10; t < 500; t += 10) {
      assertFalse(m.keyFrameNeeded(1, t));
      m.onTick(t);
    }
    assertEquals(List.of(), drain());
    m.onTick(500);
    assertEquals(List.of("PLI 1"), drain());
    assertEquals(50, m.requestCount(1));
    assertEquals(2, m.sentCount(1));
  }

  @Test
  void keyFrameArrivalCancelsPendingAndRetry() {
    m.addStream(1, false);
    m.keyFrameNeeded(1, 0);
    m.keyFrameNeeded(1, 100);
    m.onKeyFrame(1, 200);
    m.onTick(500);
    m.onTick(5000);
    assertEquals(List.of("PLI 1"), drain());
  }

  @Test
  void unansweredRequestIsRepeatedAndFirSeqOnlyAdvancesForNewRequests() {
    m.addStream(2, true);
    m.keyFrameNeeded(2, 0);
    assertEquals(List.of("FIR 2 seq=0"), drain());
    m.onTick(999);
    assertEquals(List.of(), drain());
    m.onTick(1000); // no key frame for 1 s: repeat with the same command sequence number
    assertEquals(List.of("FIR 2 seq=0"), drain());
    m.keyFrameNeeded(2, 1200);
    m.onTick(1499);
    assertEquals(List.of(), drain());
    m.onTick(1500);
    assertEquals(List.of("FIR 2 seq=1"), drain());
    m.onKeyFrame(2, 1600);
    m.keyFrameNeeded(2, 2100);
    assertEquals(List.of("FIR 2 seq=2"), drain());
  }

  @Test
  void streamsAreIndependentAndUnknownStreamsIgnored() {
    m.addStream(1, false);
    m.addStream(2, false);
    m.keyFrameNeeded(1, 0);
    m.keyFrameNeeded(2, 10);
    assertFalse(m.keyFrameNeeded(3, 10));
    assertEquals(List.of("PLI 1", "PLI 2"), drain());
    m.removeStream(1);
    m.keyFrameNeeded(1, 600);
    assertEquals(List.of(), drain());
  }

  @Test
  void firSequenceWrapsAt256() {
    m.addStream(5, true);
    for (int i = 0; i < 257; i++) {
      m.keyFrameNeeded(5, i * 500L);
      m.onKeyFrame(5, i * 500L + 1);
    }
    List<String> all = drain();
    assertEquals("FIR 5 seq=255", all.get(255));
    assertEquals("FIR 5 seq=0", all.get(256));
  }
}
