package org.sfu4j.media.transport;

import java.time.Duration;
import org.sfu4j.media.testpeer.WebRtcTestPeer;

/**
 * What both sides of the real-UDP quality tests ({@link MediaSender}, {@link MediaReceiver}) run
 * on: one daemon thread with a stop flag, a failure inside the loop rethrown unless the test was
 * already stopping, and ICE consent freshness sent at most every 5 s so the SFU keeps the
 * transport alive during long runs.
 */
abstract class PeerLoop implements Runnable {
  private static final long CONSENT_INTERVAL_NANOS = 5_000_000_000L;

  final WebRtcTestPeer peer;
  private final Thread thread;
  private volatile boolean running = true;
  private long lastConsent;

  PeerLoop(WebRtcTestPeer peer, String threadName) {
    this.peer = peer;
    thread = new Thread(this, threadName);
    thread.setDaemon(true);
  }

  final void startThread() {
    thread.start();
  }

  final void stop() throws InterruptedException {
    running = false;
    thread.join(2000);
  }

  final boolean running() {
    return running;
  }

  @Override
  public final void run() {
    try {
      loop();
    } catch (Exception e) {
      if (running) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** This side's work; returns once {@link #running()} turned false. */
  abstract void loop() throws Exception;

  /** Sends a consent check when more than 5 s passed since the last one. */
  final void refreshConsent(long nowNanos) throws Exception {
    if (nowNanos - lastConsent > CONSENT_INTERVAL_NANOS) {
      lastConsent = nowNanos;
      peer.check(false, Duration.ZERO);
    }
  }
}
