package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.MediaKind;

/** All four outcomes, matching by id and by owner/source/kind, the bound, and no leftovers. */
class PendingConsumerQueueTest {

  private static ConsumerOptions opts() {
    return new ConsumerOptions(null, EngineHarness.deviceCaps());
  }

  private static ProducerOptions webcam(String owner) {
    ProducerOptions o = EngineHarness.producerOptions("chrome-produce-vp8-simulcast.json");
    o.owner = owner;
    return o;
  }

  @SuppressWarnings("unchecked")
  private static void assertNothingPending(EngineHarness h) {
    Map<String, Object> d = h.router.dump().join();
    assertEquals(0, ((List<Object>) d.get("pendingIds")).size());
    assertEquals(0, d.get("pendingTimers"));
  }

  @Test
  void fulfilledInTheSameTurnTheProducerAppears() {
    try (EngineHarness h = new EngineHarness()) {
      PendingConsume pc = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "webcam", MediaKind.VIDEO, opts()));
      h.sync();
      assertFalse(pc.outcome().isDone());
      // Produce and inspect the outcome inside the same loop task.
      boolean[] doneInTurn = new boolean[1];
      Producer p = h.onLoop(() -> {
        Producer created = h.send.produceNow(webcam("alice"));
        doneInTurn[0] = pc.outcome().isDone();
        return created;
      });
      assertTrue(doneInTurn[0], "fulfilled before the produce call returned");
      PendingConsumeOutcome o = pc.outcome().join();
      assertEquals(PendingConsumeOutcome.Status.FULFILLED, o.status());
      assertEquals(p.id(), o.consumer().producerId());
      assertSame(h.recv, o.consumer().transport());
      assertNothingPending(h);
    }
  }

  @Test
  void otherOwnerSourceOrKindDoesNotMatchButProducerIdDoes() {
    try (EngineHarness h = new EngineHarness()) {
      PendingConsume bySource = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "screen", MediaKind.VIDEO, opts()));
      PendingConsume audioOnly = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", null, MediaKind.AUDIO, opts()));
      h.produce(webcam("bob"));
      ProducerOptions second = webcam("alice");
      second.rtpParameters.mid = "1";
      Producer aliceCam = h.produce(second);
      h.sync();
      assertFalse(bySource.outcome().isDone());
      assertFalse(audioOnly.outcome().isDone());
      // An existing producer fulfils immediately.
      PendingConsume byId = h.router.consumeWhenProduced(
          PendingConsumeRequest.forProducer(h.recv, aliceCam.id(), opts()));
      assertEquals(PendingConsumeOutcome.Status.FULFILLED, byId.outcome().join().status());
      assertTrue(bySource.cancel().join());
      assertTrue(audioOnly.cancel().join());
      assertFalse(audioOnly.cancel().join(), "second cancel is a no-op");
      assertEquals(PendingConsumeOutcome.Status.CANCELLED, audioOnly.outcome().join().status());
      assertNothingPending(h);
    }
  }

  /** Regression (issue 9 abuse test): producer id + another owner must not match. */
  @Test
  void producerIdNamedUnderAnotherOwnerDoesNotMatch() {
    try (EngineHarness h = new EngineHarness()) {
      Producer aliceCam = h.produce(webcam("alice"));
      PendingConsumeRequest r = PendingConsumeRequest.forProducer(h.recv, aliceCam.id(), opts());
      r.owner = "bob";
      PendingConsume misnamed = h.router.consumeWhenProduced(r);
      PendingConsumeRequest right = PendingConsumeRequest.forProducer(h.recv, aliceCam.id(), opts());
      right.owner = "alice";
      PendingConsume named = h.router.consumeWhenProduced(right);
      h.sync();
      assertFalse(misnamed.outcome().isDone(), "bob owns no such producer");
      assertEquals(PendingConsumeOutcome.Status.FULFILLED, named.outcome().join().status());
      assertTrue(misnamed.cancel().join());
      assertNothingPending(h);
    }
  }

  @Test
  void expiresAfterTimeoutAndTimerIsGone() throws Exception {
    try (EngineHarness h = new EngineHarness()) {
      PendingConsumeRequest r = PendingConsumeRequest.forSource(h.recv, "alice", "webcam", null, opts());
      r.timeoutMs = 50;
      PendingConsume pc = h.router.consumeWhenProduced(r);
      assertEquals(PendingConsumeOutcome.Status.EXPIRED, pc.outcome().get(5, TimeUnit.SECONDS).status());
      assertNothingPending(h);
      h.produce(webcam("alice"));
      assertEquals(0, h.recv.dump().join().get("consumerIds") instanceof List<?> l ? l.size() : -1);
    }
  }

  @Test
  void cancelledAndDroppedCancelTheirTimers() {
    try (EngineHarness h = new EngineHarness()) {
      PendingConsume a = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "webcam", null, opts()));
      PendingConsume b = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "mic", null, opts()));
      h.sync();
      assertEquals(2, h.router.dump().join().get("pendingTimers"));
      assertTrue(a.cancel().join());
      assertEquals(PendingConsumeOutcome.Status.CANCELLED, a.outcome().join().status());
      assertEquals(1, h.router.dump().join().get("pendingTimers"));
      h.recv.close().join();
      assertEquals(PendingConsumeOutcome.Status.DROPPED, b.outcome().join().status());
      assertNothingPending(h);
      assertEquals(0, (int) h.onLoop(() -> h.router.producersView().size()));
    }
  }

  @Test
  void producerAppearsClosesAndAppearsAgain() {
    try (EngineHarness h = new EngineHarness()) {
      PendingConsume first = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "webcam", MediaKind.VIDEO, opts()));
      Producer p1 = h.produce(webcam("alice"));
      Consumer c1 = first.outcome().join().consumer();
      assertEquals(p1.id(), c1.producerId());
      PendingConsume second = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "webcam", MediaKind.VIDEO, opts()));
      // p1 still exists: the second request is fulfilled at once with p1 (a second consumer).
      assertEquals(p1.id(), second.outcome().join().consumer().producerId());
      p1.close().join();
      assertTrue(c1.closed());
      PendingConsume third = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "alice", "webcam", MediaKind.VIDEO, opts()));
      h.sync();
      assertFalse(third.outcome().isDone(), "closed producer is not a match");
      Producer p2 = h.produce(webcam("alice"));
      Consumer c3 = third.outcome().join().consumer();
      assertEquals(p2.id(), c3.producerId());
      assertEquals("2", c3.rtpParameters().mid, "mids keep counting per transport");
      assertNothingPending(h);
    }
  }

  @Test
  void boundedPerTransport() {
    try (EngineHarness h = new EngineHarness(new WorkerSettings().maxPendingConsumersPerTransport(2))) {
      h.router.consumeWhenProduced(PendingConsumeRequest.forSource(h.recv, "a", null, null, opts()));
      h.router.consumeWhenProduced(PendingConsumeRequest.forSource(h.recv, "b", null, null, opts()));
      PendingConsume third = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.recv, "c", null, null, opts()));
      CompletionException e = assertThrows(CompletionException.class, () -> third.outcome().join());
      assertInstanceOf(LimitExceededException.class, e.getCause());
      // Another transport has its own budget.
      PendingConsume other = h.router.consumeWhenProduced(
          PendingConsumeRequest.forSource(h.send, "c", null, null, opts()));
      h.sync();
      assertFalse(other.outcome().isDone());
    }
  }
}
