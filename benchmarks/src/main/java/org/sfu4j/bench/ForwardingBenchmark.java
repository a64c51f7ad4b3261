package org.sfu4j.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.DirectTransport;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.engine.ProducerOptions;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.RouterOptions;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpCodecCapability;
import org.sfu4j.media.ortc.RtpCodecParameters;
import org.sfu4j.media.ortc.RtpEncodingParameters;
import org.sfu4j.media.ortc.RtpHeaderExtensionParameters;
import org.sfu4j.media.ortc.RtpParameters;

/**
 * One VP8 packet through the engine: DirectTransport inject -> SSRC lookup -> producer (key-frame
 * detection) -> each consumer (seq/ts/SSRC/PT rewrite, extension id remap, one pooled heap copy)
 * -> hand-off to a DirectTransport listener that only counts (the transport releases the copy).
 *
 * <p>The packets are processed where production processes them: on the worker's own event-loop
 * thread (a FastThreadLocalThread, so Netty's pooled-buffer thread caches and object recycler
 * apply). Each invocation posts one pre-built task that forwards {@link #BATCH} packets and waits
 * for it, so the cross-thread hand-off is amortised to a few ns/op; -prof gc counts allocation on
 * all threads. {@code forward}: {@code streams} producers each with one consumer live on one
 * router; the measured packet belongs to one of them. {@code forwardRoundRobin}: the packet
 * cycles through all streams (cache-cold state at large counts). {@code fanout}: one producer with
 * {@code fanout} consumers; ns/op is per inbound packet.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForwardingBenchmark {
  /** Packets per invocation (one loop task). */
  public static final int BATCH = 8192;

  /** Many streams, one consumer each. */
  @State(Scope.Thread)
  public static class Streams {
    @Param({"1", "10", "100", "1000", "10000"})
    public int streams;

    Fixture fx;
    ByteBuf[] packets;
    int[] seq;
    int hot;
    int next;
    Runnable hotBatch;
    Runnable roundRobinBatch;

    @Setup(Level.Trial)
    public void setup() {
      fx = new Fixture();
      packets = new ByteBuf[streams];
      seq = new int[streams];
      for (int i = 0; i < streams; i++) {
        long ssrc = 0x10000000L + i;
        Producer p = fx.produce(ssrc, i);
        fx.consume(p);
        packets[i] = Fixture.packet(ssrc);
      }
      // The measured (hot) stream is the middle one so it is neither first nor last in any map.
      hot = streams / 2;
      next = 0;
      hotBatch = () -> {
        ByteBuf b = packets[hot];
        for (int n = 0; n < BATCH; n++) {
          b.setShort(2, seq[hot]++);
          fx.send.injectRtp(b);
        }
      };
      roundRobinBatch = () -> {
        for (int n = 0; n < BATCH; n++) {
          int i = next;
          next = i + 1 == streams ? 0 : i + 1;
          ByteBuf b = packets[i];
          b.setShort(2, seq[i]++);
          fx.send.injectRtp(b);
        }
      };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      for (ByteBuf b : packets) {
        b.release();
      }
      fx.close();
    }
  }

  /**
   * Like {@link Streams}, with the media-quality path fully on: the producer and the consumers
   * negotiated transport-wide-cc, so every forwarded copy is stamped with the receiving
   * transport's sequence number and recorded in its send history, next to the retransmission
   * buffer store that every video consumer does.
   */
  @State(Scope.Thread)
  public static class QualityStreams {
    @Param({"1", "100", "10000"})
    public int streams;

    Fixture fx;
    ByteBuf[] packets;
    int[] seq;
    int hot;
    Runnable hotBatch;

    @Setup(Level.Trial)
    public void setup() {
      fx = new Fixture();
      packets = new ByteBuf[streams];
      seq = new int[streams];
      for (int i = 0; i < streams; i++) {
        long ssrc = 0x30000000L + i;
        Producer p = fx.produce(ssrc, i, true);
        fx.consume(p);
        packets[i] = Fixture.packet(ssrc, true);
      }
      hot = streams / 2;
      fx.worker.eventLoop().submit(() -> fx.send.injectRtp(packets[hot])).syncUninterruptibly();
      Object stamped = fx.recv.getStats().join().get(0).get("transportCcPacketsSent");
      if (!Long.valueOf(1).equals(stamped)) {
        throw new IllegalStateException("transport-cc stamping is not on: " + stamped);
      }
      seq[hot]++;
      hotBatch = () -> {
        ByteBuf b = packets[hot];
        for (int n = 0; n < BATCH; n++) {
          b.setShort(2, seq[hot]);
          b.setShort(12 + 4 + 5, seq[hot]++); // the sender's own transport-wide seq
          fx.send.injectRtp(b);
        }
      };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      for (ByteBuf b : packets) {
        b.release();
      }
      fx.close();
    }
  }

  /** One producer, {@code fanout} consumers. */
  @State(Scope.Thread)
  public static class Fanout {
    @Param({"1", "10", "100"})
    public int fanout;

    Fixture fx;
    ByteBuf packet;
    int seq;
    Runnable batch;

    @Setup(Level.Trial)
    public void setup() {
      fx = new Fixture();
      Producer p = fx.produce(0x20000000L, 0);
      for (int i = 0; i < fanout; i++) {
        fx.consume(p);
      }
      packet = Fixture.packet(0x20000000L);
      batch = () -> {
        for (int n = 0; n < BATCH; n++) {
          packet.setShort(2, seq++);
          fx.send.injectRtp(packet);
        }
      };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      packet.release();
      fx.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long forward(Streams s) throws Exception {
    s.fx.worker.eventLoop().submit(s.hotBatch).get();
    return s.fx.bytesOut[0];
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long forwardRoundRobin(Streams s) throws Exception {
    s.fx.worker.eventLoop().submit(s.roundRobinBatch).get();
    return s.fx.bytesOut[0];
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long forwardNackTwcc(QualityStreams s) throws Exception {
    s.fx.worker.eventLoop().submit(s.hotBatch).get();
    return s.fx.bytesOut[0];
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long fanout(Fanout f) throws Exception {
    f.fx.worker.eventLoop().submit(f.batch).get();
    return f.fx.bytesOut[0];
  }

  /** Worker (own loop thread), router, send and receive transports; setup calls block on futures. */
  static final class Fixture {
    final Worker worker;
    final Router router;
    final DirectTransport send;
    final DirectTransport recv;
    final long[] bytesOut = new long[1];
    final RtpCapabilities caps;

    Fixture() {
      worker = Worker.create(new WorkerSettings());
      RtpCodecCapability vp8 = new RtpCodecCapability();
      vp8.kind = MediaKind.VIDEO;
      vp8.mimeType = "video/VP8";
      vp8.clockRate = 90000;
      router = done(worker.createRouter(new RouterOptions(new ArrayList<>(List.of(vp8)))));
      caps = router.rtpCapabilities();
      send = done(router.createDirectTransport(null));
      recv = done(router.createDirectTransport(null));
      recv.setRtpListener((consumer, buf) -> bytesOut[0] += buf.readableBytes());
    }

    Producer produce(long ssrc, int index) {
      return produce(ssrc, index, false);
    }

    Producer produce(long ssrc, int index, boolean twcc) {
      RtpParameters p = new RtpParameters();
      p.mid = Integer.toString(index);
      RtpCodecParameters codec = new RtpCodecParameters();
      codec.mimeType = "video/VP8";
      codec.payloadType = 96;
      codec.clockRate = 90000;
      p.codecs = new ArrayList<>(List.of(codec));
      p.headerExtensions = new ArrayList<>(List.of(
          new RtpHeaderExtensionParameters("urn:ietf:params:rtp-hdrext:sdes:mid", 9),
          new RtpHeaderExtensionParameters("http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time", 2)));
      if (twcc) {
        p.headerExtensions.add(new RtpHeaderExtensionParameters(
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01", 3));
      }
      RtpEncodingParameters e = new RtpEncodingParameters();
      e.ssrc = ssrc;
      p.encodings = new ArrayList<>(List.of(e));
      ProducerOptions o = new ProducerOptions(MediaKind.VIDEO, p);
      return done(send.produce(o));
    }

    void consume(Producer p) {
      done(recv.consume(new ConsumerOptions(p.id(), caps)));
    }

    /** A VP8 key-frame packet with abs-send-time (3 bytes) and a 1000-byte payload. */
    static ByteBuf packet(long ssrc) {
      return packet(ssrc, false);
    }

    /** With {@code twcc}: abs-send-time (id 2) then transport-wide-cc (id 3, 2 bytes). */
    static ByteBuf packet(long ssrc, boolean twcc) {
      ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(1100);
      b.writeByte(0x90).writeByte(96).writeShort(0).writeInt(90000).writeInt((int) ssrc);
      if (twcc) {
        b.writeShort(0xBEDE).writeShort(2).writeByte(0x22).writeMedium(0x123456)
            .writeByte(0x31).writeShort(0).writeByte(0);
      } else {
        b.writeShort(0xBEDE).writeShort(1).writeByte(0x22).writeMedium(0x123456);
      }
      b.writeByte(0x10).writeByte(0x10).writeByte(0x02).writeByte(0x00);
      for (int i = 0; i < 996; i++) {
        b.writeByte(i);
      }
      return b;
    }

    void close() {
      done(worker.close());
    }

    private static <T> T done(CompletableFuture<T> f) {
      return f.join();
    }
  }
}
