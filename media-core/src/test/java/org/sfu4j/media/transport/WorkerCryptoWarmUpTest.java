package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.srtp.CryptoWarmUp;

/**
 * A worker starts the process' crypto warm-up itself (off its loop), so by the time a transport
 * installs its first SRTP session the warm-up has run (the transport also waits for it). What the
 * warm-up covers is proven in a fresh JVM by the srtp module's CryptoWarmUpTest.
 */
class WorkerCryptoWarmUpTest {
  @Test
  void creatingAWorkerRunsTheWarmUpOffItsLoop() throws Exception {
    Worker w = Worker.create(new WorkerSettings().eventLoopLagProbeIntervalMs(0));
    try {
      CryptoWarmUp.whenDone().get(60, TimeUnit.SECONDS);
      assertTrue(CryptoWarmUp.isDone());
      assertTrue(CryptoWarmUp.tookMs() >= 0);
      // The loop was free meanwhile: a task runs at once.
      assertTrue(w.dump().get(5, TimeUnit.SECONDS).containsKey("id"));
    } finally {
      w.close().get(5, TimeUnit.SECONDS);
    }
  }
}
