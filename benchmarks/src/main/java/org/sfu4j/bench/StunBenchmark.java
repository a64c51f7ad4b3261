package org.sfu4j.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sfu4j.ice.IceLiteAgent;
import org.sfu4j.ice.IceState;
import org.sfu4j.ice.StunMessage;
import org.sfu4j.ice.StunMessageClass;
import org.sfu4j.ice.StunMessageWriter;
import org.sfu4j.ice.StunParseResult;

/**
 * STUN on the worker port: parse + MESSAGE-INTEGRITY + FINGERPRINT check of a Chrome-like
 * connectivity check (USERNAME "16-char-ufrag:4-char", GOOG-NETWORK-INFO, ICE-CONTROLLING,
 * USE-CANDIDATE, PRIORITY, MESSAGE-INTEGRITY, FINGERPRINT; 108 bytes) held in a pooled direct
 * buffer as a datagram read by epoll would be, and the ICE-lite agent's full answer (verify +
 * tuple bookkeeping + write a 64-byte success response into a fresh allocator buffer + release it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StunBenchmark {

  /**
   * Netty 4.2's default (adaptive) allocator, what the worker's channel hands out. On a plain
   * (non-event-loop) thread {@code PooledByteBufAllocator.DEFAULT} has no thread cache and costs
   * ~116 B of garbage per buffer by itself, which would hide the agent's own 0 B.
   */
  private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50_000);

  private final StunMessage message = new StunMessage();
  private IceLiteAgent agent;
  private byte[] key;
  private byte[] ufrag;
  private ByteBuf request;
  private int length;
  private long now;

  @Setup(Level.Trial)
  public void setUp() {
    agent = new IceLiteAgent(new IceLiteAgent.Listener() {
      @Override
      public void onStateChange(IceState state) {}

      @Override
      public void onSelectedTupleChange(InetSocketAddress tuple) {}
    });
    key = agent.password().getBytes(StandardCharsets.US_ASCII);
    ufrag = agent.usernameFragment().getBytes(StandardCharsets.US_ASCII);
    request = ALLOC.directBuffer(256);
    byte[] tid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    StunMessageWriter writer = new StunMessageWriter();
    writer.begin(request, StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, tid)
        .username(agent.usernameFragment() + ":Ab3x");
    request.writeShort(0xC057).writeShort(4).writeInt(0x0001_000A); // GOOG-NETWORK-INFO
    request.setShort(2, request.writerIndex() - StunMessage.HEADER_SIZE);
    length = writer.iceControlling(0x1F2E3D4C5B6A7988L)
        .useCandidate()
        .priority(0x6E7F1EFFL)
        .messageIntegrity(key)
        .fingerprint()
        .finish();
    if (message.parse(request, 0, length) != StunParseResult.OK
        || !message.verifyMessageIntegrity(key) || !message.verifyFingerprint()) {
      throw new IllegalStateException("benchmark request is invalid");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    request.release();
    agent.close();
  }

  /** What the demux does per STUN datagram before the agent: classify, parse, route by ufrag. */
  @Benchmark
  public boolean parse() {
    return StunMessage.isStun(request, 0, length)
        && message.parse(request, 0, length) == StunParseResult.OK
        && message.usernameFragmentLocalEquals(ufrag);
  }

  /** Parse plus both checks an ICE-lite agent needs before trusting a request. */
  @Benchmark
  public boolean parseAndVerify() {
    return message.parse(request, 0, length) == StunParseResult.OK
        && message.verifyFingerprint()
        && message.verifyMessageIntegrity(key);
  }

  /** The agent's whole answer: verify, consent bookkeeping, write the response (then freed). */
  @Benchmark
  public int agentAnswer() {
    message.parse(request, 0, length);
    ByteBuf response = agent.handleRequest(message, REMOTE, ALLOC, ++now);
    int size = response.readableBytes();
    response.release();
    return size;
  }
}
