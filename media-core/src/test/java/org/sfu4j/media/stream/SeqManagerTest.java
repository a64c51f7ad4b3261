package org.sfu4j.media.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeqManagerTest {
  @Test
  void unsyncedRejectsEverything() {
    assertEquals(-1, new SeqManager().input(5));
  }

  @Test
  void firstSyncKeepsInputValues() {
    SeqManager m = new SeqManager();
    m.sync(1000);
    assertEquals(1000, m.input(1000));
    assertEquals(1001, m.input(1001));
    assertEquals(1003, m.input(1003)); // a real loss stays a gap
    assertEquals(1002, m.input(1002)); // reordered packet keeps its place
  }

  @Test
  void resyncContinuesAfterLastOutputAcrossStreams() {
    SeqManager m = new SeqManager();
    m.sync(100);
    assertEquals(100, m.input(100));
    assertEquals(101, m.input(101));
    m.sync(50_000); // another simulcast stream
    assertEquals(102, m.input(50_000));
    assertEquals(103, m.input(50_001));
    assertEquals(-1, m.input(49_999), "older than the sync point");
  }

  @Test
  void dropsCloseTheGap() {
    SeqManager m = new SeqManager();
    m.sync(10);
    assertEquals(10, m.input(10));
    m.drop(11);
    m.drop(12);
    assertEquals(11, m.input(13));
    assertEquals(12, m.input(14));
    assertEquals(-1, m.input(12), "a dropped seq arriving again is not forwarded");
  }

  @Test
  void wrapsAround() {
    SeqManager m = new SeqManager();
    m.sync(65_534);
    assertEquals(65_534, m.input(65_534));
    assertEquals(65_535, m.input(65_535));
    assertEquals(0, m.input(0));
    m.sync(7);
    assertEquals(1, m.input(7));
    m.drop(8);
    assertEquals(2, m.input(9));
    SeqManager n = new SeqManager();
    n.sync(5);
    n.input(5);
    n.sync(65_535);
    assertEquals(6, n.input(65_535));
    assertEquals(7, n.input(0));
  }
}
