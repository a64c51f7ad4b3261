package org.sfu4j.bench.load;

import java.util.concurrent.Callable;

/**
 * One set-up load scenario: P publishers whose packets {@link #send} pushes towards the system
 * under test, and P x S subscribers whose received packets feed a {@link LoadMeter} on a single
 * receive thread. Subscriber {@code j} (0-based) receives publisher {@code j / S}; its meter
 * streams are {@code 2j} (video) and {@code 2j + 1} (audio).
 */
public interface LoadSession extends AutoCloseable {

  /** Sends one plaintext RTP packet of publisher {@code publisher}; sender thread only. */
  void send(int publisher, int kind, byte[] packet, int length) throws Exception;

  /**
   * True when the SFU asked publisher {@code publisher} for a key frame (PLI or FIR) since the
   * last call; sender thread only. Sessions whose publishers cannot hear RTCP return false.
   */
  default boolean keyFrameRequested(int publisher) {
    return false;
  }

  /**
   * Blocks until every peer is set up. Sessions that join while the publishers already send
   * (the join storm) return from their constructor early and finish here; the others are ready
   * when constructed.
   */
  default void awaitReady() throws Exception {}

  /** Runs {@code task} on the thread that owns the meter and returns its result. */
  <T> T onReceiveThread(Callable<T> task) throws Exception;

  /** CPU/memory source for the system under test. */
  ProcessStats targetStats();

  /** The measured window starts now (after the warm-up): e.g. start an attack. */
  default void measureStarted() throws Exception {}

  /** The publishers stop now, before the final drain: e.g. stop the attack. */
  default void measureStopping() throws Exception {}

  /** Extra members for the current second's JSON (called once a second); may be "". */
  default String intervalJson() {
    return "";
  }

  /** Extra {@code key=value} pairs for the RESULT line, starting with a space; may be "". */
  default String resultSuffix() {
    return "";
  }

  /** Extra figures of the set-up (join time, signaling latency...), as JSON members; may be "". */
  default String setupJson() {
    return "";
  }

  @Override
  void close();

  /** Meter stream of subscriber {@code subscriber} for a probe stream id, or -1 if not its own. */
  static int meterStream(int subscriber, int subscribersPerPublisher, int probeStreamId) {
    int publisher = probeStreamId >>> 1;
    if (probeStreamId < 0 || publisher != subscriber / subscribersPerPublisher) {
      return -1;
    }
    return (subscriber << 1) | (probeStreamId & 1);
  }
}
