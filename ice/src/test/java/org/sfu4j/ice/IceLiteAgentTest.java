package org.sfu4j.ice;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IceLiteAgentTest {

  private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
  private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 40001);
  private static final InetSocketAddress B = new InetSocketAddress("127.0.0.2", 40002);
  private static final InetSocketAddress C6 = new InetSocketAddress("::1", 40003);

  private final List<String> events = new ArrayList<>();
  private final IceLiteAgent agent = new IceLiteAgent(new IceLiteAgent.Listener() {
    @Override
    public void onStateChange(IceState state) {
      events.add("state " + state.jsonName());
    }

    @Override
    public void onSelectedTupleChange(InetSocketAddress tuple) {
      events.add("selected " + tuple.getPort());
    }

    @Override
    public void onTupleAdded(InetSocketAddress tuple) {
      events.add("added " + tuple.getPort());
    }

    @Override
    public void onTupleRemoved(InetSocketAddress tuple) {
      events.add("removed " + tuple.getPort());
    }
  }, new Random(42), 30_000, 30_000);

  private final StunMessageWriter writer = new StunMessageWriter();
  private final StunMessage req = new StunMessage();
  private final StunMessage resp = new StunMessage();
  private int tidCounter;

  @Test
  void credentialsAreRandomIceCharsOfRequiredLength() {
    IceParameters p = agent.iceParameters();
    assertTrue(p.isIceLite());
    assertEquals(16, p.getUsernameFragment().length());
    assertEquals(32, p.getPassword().length());
    assertTrue(p.getUsernameFragment().matches("[a-z0-9]+"));
    assertTrue(p.getPassword().matches("[a-z0-9]+"));
    assertEquals(agent.usernameFragment(), p.getUsernameFragment());
    IceLiteAgent other = new IceLiteAgent(new IceLiteAgent.Listener() {
      @Override
      public void onStateChange(IceState state) {}

      @Override
      public void onSelectedTupleChange(InetSocketAddress tuple) {}
    });
    assertNotEquals(p.getUsernameFragment(), other.usernameFragment());
    assertEquals(IceState.NEW, agent.state());
    assertNull(agent.previousUsernameFragment());
    assertFalse(p.toString().contains(p.getPassword()));
  }

  @Test
  void validCheckIsAnsweredAndConnectsThenNominationCompletes() {
    ByteBuf response = check(A, false, 0);
    assertSuccess(response, A);
    assertEquals(IceState.CONNECTED, agent.state());
    assertEquals(A, agent.selectedTuple());
    assertTrue(agent.isValidTuple(A));
    assertFalse(agent.isValidTuple(B));
    assertEquals(List.of("added 40001", "selected 40001", "state connected"), events);

    events.clear();
    assertSuccess(check(A, true, 10), A);
    assertEquals(IceState.COMPLETED, agent.state());
    assertEquals(List.of("state completed"), events);
    assertEquals(2, agent.requestsOk());
  }

  @Test
  void firstCheckWithUseCandidateCompletesDirectlyAndIpv6IsAnswered() {
    assertSuccess(check(C6, true, 0), C6);
    assertEquals(IceState.COMPLETED, agent.state());
    assertEquals(List.of("added 40003", "selected 40003", "state completed"), events);
  }

  @Test
  void nonNominatedCheckOnAnotherTupleDoesNotSwitchButNewerNominationDoes() {
    assertSuccess(check(A, true, 0), A);
    events.clear();
    assertSuccess(check(B, false, 1), B);
    assertEquals(A, agent.selectedTuple());
    assertTrue(agent.isValidTuple(B));
    assertEquals(List.of("added 40002"), events);

    events.clear();
    assertSuccess(check(B, true, 2), B);
    assertEquals(B, agent.selectedTuple());
    assertEquals(IceState.COMPLETED, agent.state());
    assertEquals(List.of("selected 40002"), events);

    events.clear();
    assertSuccess(check(A, true, 3), A);
    assertEquals(A, agent.selectedTuple());
    assertEquals(List.of("selected 40001"), events);
  }

  @Test
  void renominationCounterIgnoresOlderNominations() {
    release(send(A, 0, w -> w.useCandidate().nomination(5)));
    assertEquals(A, agent.selectedTuple());
    release(send(B, 1, w -> w.useCandidate().nomination(3)));
    assertEquals(A, agent.selectedTuple(), "older nomination must not win");
    release(send(B, 2, w -> w.useCandidate().nomination(6)));
    assertEquals(B, agent.selectedTuple());
  }

  @Test
  void badIntegrityGets401AndChangesNothing() {
    ByteBuf response = send(A, 0, agent.usernameFragment() + ":peer", "wrong-password",
        w -> w.priority(1).iceControlling(1));
    assertError(response, 401, false);
    assertEquals(1, agent.badIntegrity());
    assertEquals(IceState.NEW, agent.state());
    assertFalse(agent.isValidTuple(A));
    assertTrue(events.isEmpty());
  }

  @Test
  void unknownUfragIsDroppedSilently() {
    assertNull(send(A, 0, "someoneelse:peer", agent.password(), w -> w.priority(1)));
    assertEquals(1, agent.unknownUsernameFragment());
    assertEquals(IceState.NEW, agent.state());
  }

  @Test
  void malformedRequestsGet400() {
    // no MESSAGE-INTEGRITY
    ByteBuf noIntegrity = ALLOC.buffer();
    writer.begin(noIntegrity, StunMessageClass.REQUEST, 1, tid())
        .username(agent.usernameFragment() + ":x").priority(1).fingerprint().finish();
    assertError(handle(noIntegrity, A, 0), 400, false);
    // no PRIORITY (authenticated, so the 400 carries integrity)
    assertError(sendRaw(A, 0, w -> w.iceControlling(1)), 400, true);
    assertEquals(2, agent.malformed());
    assertEquals(IceState.NEW, agent.state());
  }

  @Test
  void iceControlledPeerGetsRoleConflict() {
    ByteBuf response = send(A, 0, agent.usernameFragment() + ":peer", agent.password(),
        w -> w.priority(1).iceControlled(99));
    assertError(response, 487, true);
    assertEquals(1, agent.roleConflicts());
    assertEquals(IceState.NEW, agent.state());
  }

  @Test
  void badFingerprintIndicationsAndResponsesAreDropped() {
    ByteBuf bad = ALLOC.buffer();
    int size = writer.writeBindingRequest(bad, tid(), agent.usernameFragment() + ":p", 1, false,
        1, agent.password().getBytes(US_ASCII));
    bad.setByte(size - 1, bad.getByte(size - 1) ^ 1);
    assertNull(handle(bad, A, 0));
    assertEquals(1, agent.malformed());

    ByteBuf indication = ALLOC.buffer();
    writer.begin(indication, StunMessageClass.INDICATION, 1, tid()).fingerprint().finish();
    assertNull(handle(indication, A, 0));
    assertEquals(1, agent.ignored());
  }

  @Test
  void restartKeepsTupleAndStateAndRetiresOldUfrag() {
    assertSuccess(check(A, true, 0), A);
    String oldUfrag = agent.usernameFragment();
    String oldPassword = agent.password();
    events.clear();
    IceParameters fresh = agent.restartIce();
    assertEquals(oldUfrag, agent.previousUsernameFragment());
    assertNotEquals(oldUfrag, fresh.getUsernameFragment());
    assertNotEquals(oldPassword, fresh.getPassword());
    assertEquals(fresh, agent.iceParameters());
    assertEquals(IceState.COMPLETED, agent.state());
    assertEquals(A, agent.selectedTuple());
    assertTrue(events.isEmpty());

    assertNull(send(A, 1, oldUfrag + ":peer", oldPassword, w -> w.priority(1).useCandidate()));
    assertEquals(1, agent.unknownUsernameFragment());
    assertSuccess(check(B, true, 2), B);
    assertEquals(B, agent.selectedTuple());
  }

  @Test
  void consentExpiryDisconnectsThenCloses() {
    assertSuccess(check(A, true, 1_000), A);
    events.clear();
    agent.tick(30_999);
    assertEquals(IceState.COMPLETED, agent.state());
    agent.tick(31_000);
    assertEquals(IceState.DISCONNECTED, agent.state());
    assertNull(agent.selectedTuple());
    assertFalse(agent.isValidTuple(A));
    assertEquals(List.of("removed 40001", "state disconnected"), events);
    agent.tick(60_999);
    assertEquals(IceState.DISCONNECTED, agent.state());
    agent.tick(61_000);
    assertEquals(IceState.CLOSED, agent.state());
    assertEquals(List.of("removed 40001", "state disconnected", "state closed"), events);
    ByteBuf late = ALLOC.buffer();
    writer.writeBindingRequest(late, tid(), agent.usernameFragment() + ":p", 1, true, 1,
        agent.password().getBytes(US_ASCII));
    assertNull(handle(late, A, 61_001));
    assertThrows(IllegalStateException.class, agent::restartIce);
  }

  @Test
  void consentRefreshedByChecksAndReconnectFromDisconnected() {
    assertSuccess(check(A, true, 0), A);
    assertSuccess(check(A, false, 20_000), A); // consent refresh (no USE-CANDIDATE)
    agent.tick(49_999);
    assertEquals(IceState.COMPLETED, agent.state());
    agent.tick(50_000);
    assertEquals(IceState.DISCONNECTED, agent.state());
    events.clear();
    assertSuccess(check(B, false, 55_000), B);
    assertEquals(IceState.CONNECTED, agent.state());
    assertEquals(B, agent.selectedTuple());
    assertEquals(List.of("added 40002", "selected 40002", "state connected"), events);
    agent.tick(100_000); // would have closed at 80 s had it stayed disconnected
    assertEquals(IceState.DISCONNECTED, agent.state());
  }

  @Test
  void losingSelectedTupleFallsBackToAFreshOne() {
    assertSuccess(check(A, true, 0), A);
    assertSuccess(check(B, false, 10_000), B);
    events.clear();
    agent.tick(30_000);
    assertEquals(IceState.COMPLETED, agent.state());
    assertEquals(B, agent.selectedTuple());
    assertEquals(List.of("removed 40001", "selected 40002"), events);
  }

  @Test
  void tupleCountIsBoundedEvictingTheStalestNonSelected() {
    assertSuccess(check(A, true, 0), A);
    for (int i = 0; i < IceLiteAgent.MAX_TUPLES + 3; i++) {
      InetSocketAddress t = new InetSocketAddress("127.0.0.3", 50_000 + i);
      assertSuccess(check(t, false, 1 + i), t);
    }
    assertEquals(IceLiteAgent.MAX_TUPLES, agent.tupleCount());
    assertTrue(agent.isValidTuple(A), "selected tuple is never evicted");
    assertFalse(agent.isValidTuple(new InetSocketAddress("127.0.0.3", 50_000)));
  }

  @Test
  void closeStopsAnswering() {
    assertSuccess(check(A, true, 0), A);
    events.clear();
    agent.close();
    assertEquals(IceState.CLOSED, agent.state());
    assertFalse(agent.isValidTuple(A));
    ByteBuf r = ALLOC.buffer();
    writer.writeBindingRequest(r, tid(), agent.usernameFragment() + ":p", 1, true, 1,
        agent.password().getBytes(US_ASCII));
    assertNull(handle(r, A, 1));
    assertTrue(events.isEmpty());
  }

  // ------------------------------------------------------------------ helpers

  private ByteBuf check(InetSocketAddress from, boolean useCandidate, long nowMs) {
    return sendRaw(from, nowMs, w -> {
      w.priority(0x6e0001ffL);
      if (useCandidate) {
        w.useCandidate();
      }
      w.iceControlling(0x0102030405060708L);
    });
  }

  private ByteBuf send(InetSocketAddress from, long nowMs, Consumer<StunMessageWriter> attrs) {
    return sendRaw(from, nowMs, w -> {
      w.priority(1);
      attrs.accept(w);
      w.iceControlling(7);
    });
  }

  /** A request with our credentials and exactly the attributes {@code attrs} writes. */
  private ByteBuf sendRaw(InetSocketAddress from, long nowMs, Consumer<StunMessageWriter> attrs) {
    return send(from, nowMs, agent.usernameFragment() + ":peer", agent.password(), attrs);
  }

  private ByteBuf send(InetSocketAddress from, long nowMs, String username, String password,
      Consumer<StunMessageWriter> attrs) {
    ByteBuf buf = ALLOC.buffer();
    writer.begin(buf, StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, tid())
        .username(username);
    attrs.accept(writer);
    writer.messageIntegrity(password.getBytes(US_ASCII)).fingerprint().finish();
    return handle(buf, from, nowMs);
  }

  /** Feeds {@code buf} to the agent and releases it: the agent must not keep it. */
  private ByteBuf handle(ByteBuf buf, InetSocketAddress from, long nowMs) {
    try {
      assertEquals(StunParseResult.OK, req.parse(buf, buf.readerIndex(), buf.readableBytes()));
      ByteBuf response = agent.handleRequest(req, from, ALLOC, nowMs);
      if (response != null) {
        assertTrue(req.transactionIdEquals(lastTid));
      }
      return response;
    } finally {
      assertTrue(buf.release());
    }
  }

  private byte[] lastTid;

  private byte[] tid() {
    lastTid = new byte[12];
    lastTid[11] = (byte) ++tidCounter;
    return lastTid;
  }

  private void assertSuccess(ByteBuf response, InetSocketAddress mapped) {
    assertNotNull(response);
    try {
      assertEquals(StunParseResult.OK,
          resp.parse(response, response.readerIndex(), response.readableBytes()));
      assertEquals(StunMessageClass.SUCCESS_RESPONSE, resp.messageClass());
      assertTrue(resp.transactionIdEquals(lastTid));
      assertEquals(mapped, resp.xorMappedAddress());
      assertTrue(resp.verifyMessageIntegrity(agent.password().getBytes(US_ASCII)));
      assertTrue(resp.verifyFingerprint());
    } finally {
      assertTrue(response.release());
    }
  }

  private void assertError(ByteBuf response, int code, boolean integrity) {
    assertNotNull(response);
    try {
      assertEquals(StunParseResult.OK,
          resp.parse(response, response.readerIndex(), response.readableBytes()));
      assertEquals(StunMessageClass.ERROR_RESPONSE, resp.messageClass());
      assertEquals(code, resp.errorCode());
      assertEquals(integrity, resp.hasMessageIntegrity());
      if (integrity) {
        assertTrue(resp.verifyMessageIntegrity(agent.password().getBytes(US_ASCII)));
      }
      assertTrue(resp.verifyFingerprint());
    } finally {
      assertTrue(response.release());
    }
  }

  private static void release(ByteBuf b) {
    if (b != null) {
      b.release();
    }
  }
}
