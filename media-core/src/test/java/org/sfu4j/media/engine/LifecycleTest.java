package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.NotFoundException;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtpCapabilities;

/** Close cascades leave nothing registered; events fire in order; errors are typed. */
class LifecycleTest {

  private static List<String> record(Consumer c, String tag) {
    List<String> events = new ArrayList<>();
    c.addListener(new Consumer.Listener() {
      @Override
      public void onProducerClose() {
        events.add(tag + ":producerclose");
      }

      @Override
      public void onTransportClose() {
        events.add(tag + ":transportclose");
      }

      @Override
      public void onProducerPause() {
        events.add(tag + ":producerpause");
      }

      @Override
      public void onProducerResume() {
        events.add(tag + ":producerresume");
      }

      @Override
      public void onClose() {
        events.add(tag + ":close");
      }
    });
    return events;
  }

  @SuppressWarnings("unchecked")
  private static int count(Map<String, Object> dump, String key) {
    return ((List<Object>) dump.get(key)).size();
  }

  @Test
  void producerCloseClosesConsumersAndUnregistersEverything() {
    try (EngineHarness h = new EngineHarness()) {
      Producer p = h.produce(EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json"));
      Consumer c1 = h.consume(p, true);
      Consumer c2 = h.consume(p, false);
      assertEquals("0", c1.rtpParameters().mid);
      assertEquals("1", c2.rtpParameters().mid);
      List<String> e1 = record(c1, "c1");
      h.sync();
      p.pause().join();
      p.resume().join();
      Map<String, Object> d = h.router.dump().join();
      assertEquals(1, count(d, "producerIds"));
      assertEquals(2, count(d, "consumerIds"));
      p.close().join();
      assertEquals(List.of("c1:producerpause", "c1:producerresume", "c1:producerclose", "c1:close"), e1);
      assertTrue(c1.closed() && c2.closed());
      d = h.router.dump().join();
      assertEquals(0, count(d, "producerIds"));
      assertEquals(0, count(d, "consumerIds"));
      assertEquals(0, (int) h.onLoop(() -> h.send.registeredCount() + h.recv.registeredCount()));
    }
  }

  @Test
  void transportCloseCascadesAndWorkerCloseEmptiesEverything() {
    EngineHarness h = new EngineHarness();
    Producer audio = h.produce(EngineHarness.producerOptions("chrome-produce-opus.json"));
    Producer video = h.produce(EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json"));
    Consumer ca = h.consume(audio, false);
    Consumer cv = h.consume(video, false);
    List<String> ev = record(cv, "cv");
    PendingConsume pending = h.router.consumeWhenProduced(PendingConsumeRequest.forSource(
        h.recv, "nobody", "webcam", MediaKind.VIDEO, new ConsumerOptions(null, EngineHarness.deviceCaps())));
    h.sync();
    assertEquals(1, count(h.router.dump().join(), "pendingIds"));

    h.recv.close().join();
    assertEquals(List.of("cv:transportclose", "cv:close"), ev);
    assertTrue(ca.closed());
    assertEquals(PendingConsumeOutcome.Status.DROPPED, pending.outcome().join().status());
    Map<String, Object> d = h.router.dump().join();
    assertEquals(1, count(d, "transportIds"));
    assertEquals(0, count(d, "consumerIds"));
    assertEquals(0, count(d, "pendingIds"));
    assertEquals(0, (int) h.onLoop(() -> h.recv.registeredCount()));

    // A closed transport refuses work with a typed error.
    CompletionException ex = assertThrows(CompletionException.class,
        () -> h.recv.consume(new ConsumerOptions(audio.id(), EngineHarness.deviceCaps())).join());
    assertInstanceOf(InvalidStateException.class, ex.getCause());

    List<String> routerEvents = new ArrayList<>();
    h.router.addListener(new Router.Listener() {
      @Override
      public void onProducerClose(Producer producer) {
        routerEvents.add("producerclose");
      }

      @Override
      public void onClose() {
        routerEvents.add("close");
      }
    });
    h.sync();
    int[] left = new int[1];
    h.worker.eventLoop().execute(() -> { }); // loop alive until close
    h.worker.call(() -> {
      h.router.closeInternal();
      left[0] = h.send.registeredCount() + h.worker.routerCount() + h.router.transportCount()
          + h.router.producersView().size();
      return null;
    }).join();
    assertEquals(0, left[0]);
    assertEquals(List.of("producerclose", "producerclose", "close"), routerEvents);
    assertTrue(audio.closed() && video.closed() && h.send.closed());
    h.close();
    assertTrue(h.worker.eventLoop().isShutdown());
    assertTrue(h.worker.closed());
  }

  @Test
  void workerCloseCascadesToEveryObject() {
    EngineHarness h = new EngineHarness();
    Producer p = h.produce(EngineHarness.producerOptions("chrome-produce-opus.json"));
    Consumer c = h.consume(p, false);
    List<String> ev = record(c, "c");
    h.sync();
    h.close();
    assertTrue(p.closed() && c.closed() && h.send.closed() && h.recv.closed() && h.router.closed());
    // Transports close in creation order: the producer's transport first, so the consumer learns
    // of its producer closing before its own transport does.
    assertEquals(List.of("c:producerclose", "c:close"), ev);
    assertEquals(0, h.worker.routerCount());
  }

  @Test
  void typedErrors() {
    try (EngineHarness h = new EngineHarness()) {
      CompletionException nf = assertThrows(CompletionException.class,
          () -> h.recv.consume(new ConsumerOptions("nope", EngineHarness.deviceCaps())).join());
      assertInstanceOf(NotFoundException.class, nf.getCause());

      Producer p = h.produce(EngineHarness.producerOptions("chrome-produce-opus.json"));
      RtpCapabilities noAudio = EngineHarness.deviceCaps();
      noAudio.codecs.removeIf(codec -> codec.kind == MediaKind.AUDIO);
      assertFalse(h.router.canConsume(p.id(), noAudio).join());
      assertTrue(h.router.canConsume(p.id(), EngineHarness.deviceCaps()).join());
      CompletionException un = assertThrows(CompletionException.class,
          () -> h.recv.consume(new ConsumerOptions(p.id(), noAudio)).join());
      assertInstanceOf(UnsupportedException.class, un.getCause());

      CompletionException dupSsrc = assertThrows(CompletionException.class,
          () -> h.produce(EngineHarness.producerOptions("chrome-produce-opus.json")));
      assertInstanceOf(IllegalArgumentException.class, dupSsrc.getCause());
    }
  }

  @Test
  void manualLoopRunsEverythingInlineOnTheOwningThread() {
    Worker w = Worker.create(new WorkerSettings().manualEventLoop(true));
    java.util.concurrent.CompletableFuture<Router> f = w.createRouter(new RouterOptions(EngineHarness.defaultCodecs()));
    assertTrue(f.isDone(), "inline on the owner thread");
    Router r = f.join();
    DirectTransport t = r.createDirectTransport(null).join();
    PendingConsumeRequest req = PendingConsumeRequest.forSource(t, "x", null, null,
        new ConsumerOptions(null, EngineHarness.deviceCaps()));
    req.timeoutMs = 1;
    PendingConsume pc = r.consumeWhenProduced(req);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!pc.outcome().isDone() && System.nanoTime() < deadline) {
      w.runPendingTasks(); // timers fire only when the owner drives the loop
    }
    assertEquals(PendingConsumeOutcome.Status.EXPIRED, pc.outcome().join().status());
    assertTrue(w.close().isDone());
    assertTrue(r.closed() && t.closed());
  }
}
