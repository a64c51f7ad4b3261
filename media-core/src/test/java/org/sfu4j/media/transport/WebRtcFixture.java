package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.sfu4j.media.engine.EngineFixtures;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.RouterOptions;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpParameters;
import org.sfu4j.media.engine.ProducerOptions;

/** A worker + router (opus, VP8) and helpers shared by the WebRTC transport tests. */
final class WebRtcFixture implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final Worker worker;
  final Router router;

  WebRtcFixture() {
    this(new WorkerSettings());
  }

  WebRtcFixture(WorkerSettings settings) {
    worker = Worker.create(settings);
    router = worker.createRouter(new RouterOptions(EngineFixtures.defaultCodecs())).join();
  }

  WebRtcTransport transport() {
    return get(router.createWebRtcTransport(WebRtcTransportOptions.udp(ListenInfo.udp("127.0.0.1"))));
  }

  /** Runs {@code s} on the worker loop and returns its value. */
  <T> T onLoop(Supplier<T> s) {
    CompletableFuture<T> f = new CompletableFuture<>();
    worker.eventLoop().execute(() -> {
      try {
        f.complete(s.get());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return get(f);
  }

  /**
   * Blocks the worker loop (nothing is read from its sockets) until the returned latch is counted
   * down, at most 10 s; returns once the loop is held.
   */
  java.util.concurrent.CountDownLatch holdLoop() throws InterruptedException {
    java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    worker.eventLoop().execute(() -> {
      held.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    held.await();
    return release;
  }

  /** The worker's socket on 127.0.0.1 (loop-confined; read counters through onLoop). */
  RtcUdpSocket socket() {
    return onLoop(() -> WorkerRtcNetwork.of(worker).openSockets().get(0));
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        assertTrue(condition.getAsBoolean(), "timed out waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Polls {@code condition} ON THE LOOP until it holds (or {@link #TIMEOUT}). Use it for
   * loop-confined state ({@code closed()}, tuple maps) and for any state a loop task changes in
   * several steps: once it returns, the task that made the condition true has finished, so every
   * later read from the test thread sees all of that task's writes (the loop future orders them).
   */
  void awaitOnLoop(String what, Supplier<Boolean> condition) {
    await(what, () -> onLoop(condition));
  }

  static JsonNode fixture(String name) {
    return EngineFixtures.fixture(name);
  }

  static RtpCapabilities deviceCaps() {
    return EngineFixtures.deviceCaps();
  }

  /** Chrome's opus produce parameters with a signaled SSRC. */
  static ProducerOptions opus(long ssrc) {
    JsonNode n = fixture("chrome-produce-opus.json");
    ProducerOptions o = new ProducerOptions();
    o.kind = MediaKind.AUDIO;
    o.rtpParameters = Ortc.JSON.convertValue(n.get("rtpParameters"), RtpParameters.class);
    o.rtpParameters.encodings.get(0).ssrc = ssrc;
    return o;
  }

  @SuppressWarnings("unchecked")
  static long stat(WebRtcTransport t, String key) {
    List<Map<String, Object>> s = get(t.getStats());
    Object v = s.get(0).get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }

  @Override
  public void close() {
    get(worker.close());
  }
}
