package org.sfu4j.media.bwe;

import org.sfu4j.media.rtcp.TransportCcFeedback;

/**
 * Send side of transport-wide congestion control for one transport: hands out the transport-wide
 * sequence number stamped on each outgoing packet, remembers its size and send time, and turns
 * the receiver's feedback back into per-packet (send time, arrival time, size) results for the
 * {@link GccEstimator}.
 *
 * <p>A ring of {@value #CAPACITY} slots indexed by the 16-bit sequence number holds about 8
 * seconds at 1,000 packets/s, longer than any useful feedback delay. Feedback reference times
 * (24-bit, 64 ms units) are unwrapped against the previous feedback. Single-threaded; nothing is
 * allocated per packet or per feedback.
 */
public final class TransportCcSendHistory {
  static final int CAPACITY = 1 << 13;
  private static final int MASK = CAPACITY - 1;

  /** Per-packet outcome of one feedback, in sequence order; reused, read before the next call. */
  public static final class PacketResults {
    long[] sendTimeMs = new long[256];
    long[] arrivalTimeUs = new long[256];
    int[] size = new int[256];
    boolean[] received = new boolean[256];
    int count;
    long feedbackTimeMs;

    public int count() {
      return count;
    }

    public long sendTimeMs(int i) {
      return sendTimeMs[i];
    }

    /** Arrival in the receiver's clock (µs, arbitrary origin); only when {@link #received}. */
    public long arrivalTimeUs(int i) {
      return arrivalTimeUs[i];
    }

    public int size(int i) {
      return size[i];
    }

    public boolean received(int i) {
      return received[i];
    }

    /** When the feedback carrying these results arrived (our clock). */
    public long feedbackTimeMs() {
      return feedbackTimeMs;
    }

    void add(long sendMs, long arrivalUs, int bytes, boolean got) {
      if (count == size.length) {
        int n = count * 2;
        sendTimeMs = java.util.Arrays.copyOf(sendTimeMs, n);
        arrivalTimeUs = java.util.Arrays.copyOf(arrivalTimeUs, n);
        size = java.util.Arrays.copyOf(size, n);
        received = java.util.Arrays.copyOf(received, n);
      }
      sendTimeMs[count] = sendMs;
      arrivalTimeUs[count] = arrivalUs;
      size[count] = bytes;
      received[count] = got;
      count++;
    }
  }

  private final int[] slotSeq = new int[CAPACITY];
  private final long[] slotSendMs = new long[CAPACITY];
  private final int[] slotSize = new int[CAPACITY];
  private final boolean[] slotUsed = new boolean[CAPACITY];
  private int nextSeq;
  private long lastReferenceTicks = -1; // unwrapped
  private long packetsSent;
  private long unknownInFeedback;

  public TransportCcSendHistory() {
    this(0);
  }

  public TransportCcSendHistory(int initialSeq) {
    this.nextSeq = initialSeq & 0xFFFF;
  }

  /**
   * Allocates the transport-wide sequence number for a packet of {@code sizeBytes} (whole RTP
   * packet as sent) leaving now, and records it. Write the returned value into the packet's
   * transport-wide-cc extension.
   */
  public int onPacketSent(int sizeBytes, long nowMs) {
    int seq = nextSeq;
    nextSeq = (nextSeq + 1) & 0xFFFF;
    int i = seq & MASK;
    slotSeq[i] = seq;
    slotSendMs[i] = nowMs;
    slotSize[i] = sizeBytes;
    slotUsed[i] = true;
    packetsSent++;
    return seq;
  }

  /**
   * Resolves a parsed feedback against the history into {@code out} (cleared first). Packets the
   * history no longer knows are skipped and counted.
   */
  public void onFeedback(TransportCcFeedback fb, long nowMs, PacketResults out) {
    out.count = 0;
    out.feedbackTimeMs = nowMs;
    int n = fb.packetStatusCount();
    long ref = fb.referenceTime();
    if (lastReferenceTicks < 0) {
      lastReferenceTicks = ref;
    } else {
      long d = (ref - lastReferenceTicks) & 0xFFFFFF;
      if (d >= 0x800000) {
        d -= 0x1000000; // reordered feedback: older reference
      }
      lastReferenceTicks += d;
    }
    long arrivalUs = lastReferenceTicks * TransportCcFeedback.REFERENCE_TICK_MICROS;
    for (int k = 0; k < n; k++) {
      int seq = fb.sequenceNumber(k);
      boolean got = fb.isReceived(k);
      if (got) {
        arrivalUs += (long) fb.deltaTicks(k) * TransportCcFeedback.DELTA_TICK_MICROS;
      }
      int i = seq & MASK;
      if (!slotUsed[i] || slotSeq[i] != seq) {
        unknownInFeedback++;
        continue;
      }
      out.add(slotSendMs[i], arrivalUs, slotSize[i], got);
    }
  }

  public long packetsSent() {
    return packetsSent;
  }

  public long unknownInFeedbackCount() {
    return unknownInFeedback;
  }
}
