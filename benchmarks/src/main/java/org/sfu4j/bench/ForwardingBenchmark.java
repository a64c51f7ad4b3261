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
 * <p>The worker runs on a manual event loop owned by the benchmark thread, so every engine call
 * runs inline on the single owning thread (no hand-off cost in the measurement, and -prof gc sees
 * all allocation). {@code forward}: {@code streams} producers each with one consumer live on one
 * router; the measured packet belongs to one of them. {@code forwardRoundRobin}: the packet
 * cycles through all streams (cache-cold state at large counts). {@code fanout}: one producer with
 * {@code fanout} consumers; ns/op is per inbound packet.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {
    "-Dio.netty.leakDetection.level=disabled",
    // The JMH thread stands in for the worker loop (a FastThreadLocalThread): give it the same
    // thread-local pool caches the loop thread has.
    "-Dio.netty.allocator.useCacheForAllThreads=true",
    "-Dio.netty.recycler.batchFastThreadLocalOnly=false"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForwardingBenchmark {

  /** Many streams, one consumer each. */
  @State(Scope.Thread)
  public static class Streams {
    @Param({"1", "10", "100", "1000", "10000"})
    public int streams;

    Fixture fx;
    ByteBuf[] packets;
    int[] seq;
    int next;

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
      next = streams / 2;
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

    @Setup(Level.Trial)
    public void setup() {
      fx = new Fixture();
      Producer p = fx.produce(0x20000000L, 0);
      for (int i = 0; i < fanout; i++) {
        fx.consume(p);
      }
      packet = Fixture.packet(0x20000000L);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      packet.release();
      fx.close();
    }
  }

  @Benchmark
  public long forward(Streams s) {
    int i = s.next;
    ByteBuf b = s.packets[i];
    b.setShort(2, s.seq[i]++);
    s.fx.send.injectRtp(b);
    return s.fx.bytesOut[0];
  }

  @Benchmark
  public long forwardRoundRobin(Streams s) {
    int i = s.next;
    s.next = i + 1 == s.streams ? 0 : i + 1;
    ByteBuf b = s.packets[i];
    b.setShort(2, s.seq[i]++);
    s.fx.send.injectRtp(b);
    return s.fx.bytesOut[0];
  }

  @Benchmark
  public long fanout(Fanout f) {
    f.packet.setShort(2, f.seq++);
    f.fx.send.injectRtp(f.packet);
    return f.fx.bytesOut[0];
  }

  /** Worker (manual loop owned by the calling thread), router, send and receive transports. */
  static final class Fixture {
    final Worker worker;
    final Router router;
    final DirectTransport send;
    final DirectTransport recv;
    final long[] bytesOut = new long[1];
    final RtpCapabilities caps;

    Fixture() {
      worker = Worker.create(new WorkerSettings().manualEventLoop(true)
          .maxPendingConsumersPerTransport(1));
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
      ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(1100);
      b.writeByte(0x90).writeByte(96).writeShort(0).writeInt(90000).writeInt((int) ssrc);
      b.writeShort(0xBEDE).writeShort(1).writeByte(0x22).writeMedium(0x123456);
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
      if (!f.isDone()) {
        throw new IllegalStateException("engine call did not run inline on the owning thread");
      }
      return f.join();
    }
  }
}
