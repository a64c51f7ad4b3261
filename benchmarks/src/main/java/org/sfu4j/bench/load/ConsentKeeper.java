package org.sfu4j.bench.load;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sfu4j.media.testpeer.WebRtcTestPeer;

/**
 * Keeps the publishers' ICE consent fresh (RFC 7675): the SFU drops a tuple after 30 s without
 * a connectivity check, so runs longer than that need what browsers do, a check every ~5 s.
 * One daemon thread for all publishers; set-up thread safe.
 */
final class ConsentKeeper implements AutoCloseable {
  private final CopyOnWriteArrayList<WebRtcTestPeer> peers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "load-consent");
    t.setDaemon(true);
    return t;
  });
  private volatile long failures;

  ConsentKeeper() {
    long every = SrtpSubscriber.CONSENT_INTERVAL_MS;
    timer.scheduleAtFixedRate(this::refresh, every, every, TimeUnit.MILLISECONDS);
  }

  /** Adds a peer whose ICE has connected. */
  void add(WebRtcTestPeer peer) {
    peers.add(peer);
  }

  /** Consent checks that got no success response in time (a sign of a starved SFU). */
  long failures() {
    return failures;
  }

  private void refresh() {
    for (WebRtcTestPeer p : peers) {
      try {
        if (p.check(false, Duration.ofMillis(1000)) != 0x0101) {
          failures++;
        }
      } catch (Exception e) {
        failures++;
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
