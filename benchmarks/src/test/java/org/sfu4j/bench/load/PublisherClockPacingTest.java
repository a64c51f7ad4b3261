package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Frame pacing of the load tool's sender: bursts by default, libwebrtc-like spacing with a pacing
 * factor. The first frame is a key frame (5 x a delta frame: 18 packets at the defaults).
 */
class PublisherClockPacingTest {
  /** Records each video packet's RTP sequence number and send time. */
  private static final class Recorder implements LoadSession {
    final List<long[]> sent = new ArrayList<>();

    @Override
    public synchronized void send(int publisher, int kind, byte[] packet, int length) {
      if (kind == Probe.KIND_VIDEO) {
        int seq = ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
        sent.add(new long[] {seq, System.nanoTime()});
      }
    }

    @Override
    public <T> T onReceiveThread(Callable<T> task) throws Exception {
      return task.call();
    }

    @Override
    public ProcessStats targetStats() {
      return null;
    }

    @Override
    public void close() {}

    synchronized List<long[]> firstPackets(int n) {
      return new ArrayList<>(sent.subList(0, Math.min(n, sent.size())));
    }
  }

  private static List<long[]> firstKeyFrame(double pacing) throws Exception {
    Recorder r = new Recorder();
    PublisherClock clock = new PublisherClock(TrafficModel.defaults(), 1, r, 7, pacing);
    Thread t = new Thread(clock, "clock-test");
    t.start();
    Thread.sleep(300);
    clock.stop();
    t.join(2000);
    return r.firstPackets(18);
  }

  @Test
  void framesLeaveAsBurstsByDefault() throws Exception {
    List<long[]> p = firstKeyFrame(0);
    assertEquals(18, p.size());
    long spanMs = (p.get(17)[1] - p.get(0)[1]) / 1_000_000;
    assertTrue(spanMs < 20, "18 packets of a key frame back to back, took " + spanMs + " ms");
  }

  @Test
  void pacedPacketsAreSpacedAtTheRate() throws Exception {
    // 1,100 B at 2.5 x 1 Mbit/s: one packet every 3.52 ms.
    List<long[]> p = firstKeyFrame(2.5);
    assertEquals(18, p.size());
    for (int i = 1; i < p.size(); i++) {
      assertEquals((p.get(0)[0] + i) & 0xFFFF, p.get(i)[0], "in order, none skipped");
      long gapUs = (p.get(i)[1] - p.get(i - 1)[1]) / 1_000;
      assertTrue(gapUs >= 3_000, "packet " + i + " only " + gapUs + " us after the previous");
    }
  }
}
