package org.sfu4j.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sfu4j.media.bwe.TransportCcFeedbackGenerator;
import org.sfu4j.media.bwe.TransportCcSendHistory;
import org.sfu4j.media.quality.NackGenerator;
import org.sfu4j.media.quality.RetransmissionBuffer;
import org.sfu4j.media.quality.SharedPacket;

/**
 * Per-packet cost of the media-quality state on the forwarding path: storing a packet in a
 * consumer's retransmission buffer (retain of the shared copy, release of the evicted one),
 * answering a NACK with RTX, stamping a transport-wide sequence number, recording a TWCC arrival
 * and NACK gap tracking. {@code streams} spreads the work over that many independent streams to
 * show the cost is O(1) in their number; run with {@code -prof gc} to see ≈ 0 B/op.
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar QualityBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// Netty 4.2 gives pooled thread caches only to event-loop (FastThreadLocal) threads by default;
// production copies run on the worker loop, so give the JMH thread the same cache.
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.allocator.useCacheForAllThreads=true")
public class QualityBenchmark {

  @Param({"1", "100", "1000"})
  public int streams;

  private RetransmissionBuffer[] buffers;
  private TransportCcSendHistory[] histories;
  private TransportCcFeedbackGenerator[] feedbackGenerators;
  private NackGenerator[] nackGenerators;
  private ByteBuf inbound;
  /** One stored copy shared by every buffer: insert cost is retain + release, as in fan-out. */
  private ByteBuf stored;
  private SharedPacket shared;
  private ByteBuf out;
  private int seq;
  private int stream;
  private long now;

  @Setup(Level.Trial)
  public void setup() {
    buffers = new RetransmissionBuffer[streams];
    histories = new TransportCcSendHistory[streams];
    feedbackGenerators = new TransportCcFeedbackGenerator[streams];
    nackGenerators = new NackGenerator[streams];
    NackGenerator.Listener nackSink = new NackGenerator.Listener() {
      @Override
      public void onNackRequired(int[] seqs, int count) {}

      @Override
      public void onKeyFrameRequired() {}
    };
    for (int i = 0; i < streams; i++) {
      buffers[i] = new RetransmissionBuffer(0x1000 + i);
      buffers[i].enableRtx(0x2000 + i, 97, i);
      histories[i] = new TransportCcSendHistory();
      feedbackGenerators[i] = new TransportCcFeedbackGenerator(fb -> { }, 100);
      nackGenerators[i] = new NackGenerator(nackSink);
    }
    byte[] pkt = new byte[1200];
    System.arraycopy(ByteBufUtil.decodeHexDump("806003e800001388" + "11111111"), 0, pkt, 0, 12);
    inbound = Unpooled.directBuffer(1200).writeBytes(pkt);
    shared = new SharedPacket(PooledByteBufAllocator.DEFAULT);
    stored = PooledByteBufAllocator.DEFAULT.directBuffer(1200).writeBytes(inbound, 0, 1200);
    out = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (RetransmissionBuffer b : buffers) {
      b.close();
    }
    shared.done();
    stored.release();
    inbound.release();
    out.release();
  }

  private int nextStream() {
    int s = stream++;
    if (stream == streams) {
      stream = 0;
      seq = (seq + 1) & 0xFFFF;
      now++;
    }
    return s;
  }

  /** The once-per-inbound-packet shared copy (pooled, exact size), made and dropped. */
  @Benchmark
  public int sharedPacketCopy() {
    shared.reset(inbound, 0, inbound.readableBytes());
    int n = shared.get().readableBytes();
    shared.done();
    return n;
  }

  /** Insert the shared stored packet into one consumer's buffer (evicting the slot's old one). */
  @Benchmark
  public int retransmissionInsert() {
    int s = nextStream();
    buffers[s].insert(seq, seq * 3000L, 96, stored, now);
    return buffers[s].size();
  }

  /** Insert, then answer a NACK for a packet 100 behind with an RTX packet. */
  @Benchmark
  public int retransmissionInsertAndRtxLookup() {
    int s = nextStream();
    buffers[s].insert(seq, seq * 3000L, 96, stored, now);
    out.clear();
    return buffers[s].writeRetransmission((seq - 100) & 0xFFFF, now, 0, out);
  }

  /** Transport-wide sequence number for an outgoing packet. */
  @Benchmark
  public int twccStamp() {
    return histories[nextStream()].onPacketSent(1200, now);
  }

  /** Receive side: record a transport-wide sequence number arrival. */
  @Benchmark
  public void twccRecordArrival() {
    int s = nextStream();
    feedbackGenerators[s].onPacket(seq, now * 1000);
    if ((seq & 127) == 0) {
      feedbackGenerators[s].onTick(now + 1000L * seq);
    }
  }

  /** NACK gap tracking for an in-order packet. */
  @Benchmark
  public Object nackInOrder() {
    return nackGenerators[nextStream()].onPacket(seq, false, now);
  }
}
