package org.sfu4j.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
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
import org.sfu4j.media.rtp.RtpDropReason;
import org.sfu4j.media.rtp.RtpPacket;

/**
 * The per-packet work of forwarding: wrap a 1,200-byte RTP packet (validation + RFC 8285
 * extension index), read the header, rewrite seq/ts/ssrc (and, in the second benchmark, the
 * transport-wide sequence number extension) for a consumer. Target: ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpPacketBenchmark {
  private static final int PACKET_SIZE = 1200;
  private static final int TWCC_ID = 3;

  private final RtpPacket packet = new RtpPacket();
  private ByteBuf buf;
  private int seq;

  @Setup(Level.Trial)
  public void setUp() {
    buf = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET_SIZE);
    buf.writeByte(0x90); // V=2, X=1
    buf.writeByte(0x80 | 96); // M=1, PT=96
    buf.writeShort(1000);
    buf.writeInt(90_000);
    buf.writeInt(0x11223344);
    // One-byte extensions: mid (id 1, "0"), abs-send-time (id 2, 3 bytes), transport-cc (id 3, 2).
    buf.writeShort(0xBEDE);
    buf.writeShort(3);
    buf.writeByte(0x10).writeByte('0');
    buf.writeByte(0x22).writeMedium(0x123456);
    buf.writeByte(0x31).writeShort(77);
    buf.writeZero(3); // element padding to the 32-bit boundary (9 + 3 = 12 bytes)
    buf.writeZero(PACKET_SIZE - buf.writerIndex()); // payload
    if (packet.wrap(buf) != RtpDropReason.OK || packet.payloadLength() != PACKET_SIZE - 28) {
      throw new IllegalStateException("benchmark packet is invalid");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    buf.release();
  }

  @Benchmark
  public long wrapReadRewrite() {
    RtpPacket p = packet;
    if (p.wrap(buf, 0, PACKET_SIZE) != RtpDropReason.OK) {
      return -1;
    }
    long acc = p.payloadType() + p.sequenceNumber() + p.timestamp() + p.ssrc()
        + (p.marker() ? 1 : 0) + p.payloadLength();
    int s = ++seq;
    p.setSequenceNumber(s);
    p.setTimestamp(acc);
    p.setSsrc(0x55667788L);
    return acc;
  }

  @Benchmark
  public long wrapReadRewriteWithTwccSeq() {
    RtpPacket p = packet;
    if (p.wrap(buf, 0, PACKET_SIZE) != RtpDropReason.OK) {
      return -1;
    }
    long acc = p.payloadType() + p.sequenceNumber() + p.timestamp() + p.ssrc()
        + p.extensionU16(TWCC_ID) + p.payloadLength();
    int s = ++seq;
    p.setSequenceNumber(s);
    p.setTimestamp(acc);
    p.setSsrc(0x55667788L);
    p.setExtensionU16(TWCC_ID, s);
    return acc;
  }
}
