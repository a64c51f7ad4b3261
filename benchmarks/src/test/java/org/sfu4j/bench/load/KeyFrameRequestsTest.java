package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class KeyFrameRequestsTest {
  /** RR (one report block, 32 bytes) then PLI (12 bytes), as the SFU sends them. */
  static final byte[] RR_PLI = hex(
      "81c90007" + "00000001" + "10000000" + "00000000" + "00000000" + "00000000" + "00000000"
      + "00000000" + "81ce0002" + "00000001" + "10000000");
  /** FIR (RFC 5104: 20 bytes with one FCI entry). */
  static final byte[] FIR = hex("84ce0004" + "00000001" + "00000000" + "10000000" + "07000000");
  /** RR then a NACK (transport feedback, PT 205): no key frame request. */
  static final byte[] RR_NACK = hex(
      "81c90007" + "00000001" + "10000000" + "00000000" + "00000000" + "00000000" + "00000000"
      + "00000000" + "81cd0003" + "00000001" + "10000000" + "00050000");

  @Test
  void findsPliAfterAReceiverReportAndFir() {
    assertTrue(KeyFrameRequests.contains(RR_PLI));
    assertTrue(KeyFrameRequests.contains(FIR));
    assertFalse(KeyFrameRequests.contains(RR_NACK));
  }

  @Test
  void drainEmptiesTheQueueAndReportsAnyRequest() {
    ConcurrentLinkedQueue<byte[]> q = new ConcurrentLinkedQueue<>();
    q.add(RR_NACK);
    q.add(RR_PLI);
    q.add(RR_NACK);
    assertTrue(KeyFrameRequests.drain(q));
    assertTrue(q.isEmpty());
    q.add(RR_NACK);
    assertFalse(KeyFrameRequests.drain(q));
    assertFalse(KeyFrameRequests.drain(q));
  }

  @Test
  void everyTruncationIsCleanAndOnlyCompletePliCounts() {
    for (int n = 0; n < RR_PLI.length; n++) {
      assertFalse(KeyFrameRequests.contains(Arrays.copyOf(RR_PLI, n)), "length " + n);
    }
    for (int n = 0; n < FIR.length; n++) {
      assertFalse(KeyFrameRequests.contains(Arrays.copyOf(FIR, n)), "length " + n);
    }
  }

  @Test
  void randomBuffersNeverThrow() {
    Random r = new Random(8);
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] b = new byte[r.nextInt(64)];
      r.nextBytes(b);
      if (i % 2 == 0 && b.length >= 4) {
        b[0] = (byte) (0x80 | (b[0] & 0x1F)); // version 2: exercise the walk, not just the check
      }
      found += KeyFrameRequests.contains(b) ? 1 : 0;
    }
    assertTrue(found < 200_000);
  }

  @Test
  void requestedKeyFrameComesNextAndRestartsTheGop() {
    TrafficModel m = TrafficModel.defaults();
    VideoPacketizer v = new VideoPacketizer(m, 0, 1, 1);
    v.startFrame();
    assertTrue(v.keyFrame()); // first frame
    v.startFrame();
    assertFalse(v.keyFrame());
    v.requestKeyFrame();
    v.startFrame();
    assertTrue(v.keyFrame());
    int frames = 0;
    do {
      v.startFrame();
      frames++;
    } while (!v.keyFrame());
    assertEquals(m.framesPerGop(), frames); // the GOP counts from the requested key frame
  }

  static byte[] hex(String s) {
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
