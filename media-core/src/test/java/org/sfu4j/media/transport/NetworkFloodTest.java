package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.StunMessageWriter;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/**
 * Network abuse on the worker port while an honest peer streams SRTP through it: from 32 foreign
 * 5-tuples random datagrams, STUN checks with the right ufrag and a wrong password, DTLS
 * ClientHello records and plain RTP; from the honest peer's own tuple SRTP with bad tags and
 * replays of its own packets. Measures the honest peer's loss and the flood rate; heap stays
 * bounded and the transport stays connected.
 */
@Tag("soak")
class NetworkFloodTest {
  private static final long SSRC = 0x51ED0001L;
  private static final int HONEST_PACKETS = 2_000;
  private static final int ATTACK_TUPLES = 32;
  /** Attack datagrams per millisecond (override: -Dsfu4j.flood.perMs=N; 0 = unpaced). */
  private static final int ATTACK_PER_MS = Integer.getInteger("sfu4j.flood.perMs", 5);
  /**
   * Whether one datagram in 5 is bad-tag/replayed SRTP sent from the honest peer's own tuple (a
   * spoofing or on-path attacker); -Dsfu4j.flood.spoofPeer=false floods from foreign tuples only.
   */
  private static final boolean SPOOF_PEER =
      Boolean.parseBoolean(System.getProperty("sfu4j.flood.spoofPeer", "true"));

  @Test
  void honestPeerKeepsStreamingThroughAFlood() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture(); WebRtcTestPeer peer = WebRtcTestPeer.create()) {
      WebRtcTransport t = f.transport();
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      Producer p = WebRtcFixture.get(t.produce(WebRtcFixture.opus(SSRC)));
      Consumer c = WebRtcFixture.get(t.consume(new ConsumerOptions(p.id(), WebRtcFixture.deviceCaps())));
      IceCandidate cand = t.iceCandidates().get(0);
      InetSocketAddress port = new InetSocketAddress(cand.getAddress(), cand.getPort());
      RtcUdpSocket socket = f.socket();
      byte[] wrongIntegrity = check(t, "not-the-password-0123456789");
      byte[] replay = peer.protectRtp(WebRtcForwardingEndToEndTest.rtp(111, 5, 960L * 5, SSRC, new byte[160]));
      peer.sendRaw(replay); // the original: forwarded once
      peer.receivedRtp().poll(5, TimeUnit.SECONDS);
      System.gc();
      long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long failedBefore = WebRtcFixture.stat(t, "srtpUnprotectFailed");

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong attackSent = new AtomicLong();
      AtomicLong badFromPeer = new AtomicLong();
      List<DatagramSocket> tuples = new ArrayList<>();
      for (int i = 0; i < ATTACK_TUPLES; i++) {
        tuples.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
      }
      Thread attacker = new Thread(() -> {
        Random rnd = new Random(0xF100D);
        byte[] tampered = replay.clone();
        tampered[tampered.length - 1] ^= 1;
        try {
          long start = System.nanoTime();
          for (long i = 0; !stop.get(); i++) {
            if (ATTACK_PER_MS > 0 && i % ATTACK_PER_MS == 0) {
              long due = start + i / ATTACK_PER_MS * 1_000_000L;
              while (System.nanoTime() < due) {
                Thread.onSpinWait();
              }
            }
            byte[] d;
            switch ((int) (i % 5)) {
              case 0 -> {
                d = new byte[rnd.nextInt(1400)];
                rnd.nextBytes(d);
              }
              case 1 -> d = wrongIntegrity;
              case 2 -> d = clientHello(rnd);
              case 3 -> d = WebRtcForwardingEndToEndTest.rtp(111, (int) i & 0xFFFF, i, SSRC, new byte[200]);
              default -> {
                if (!SPOOF_PEER) {
                  d = new byte[1 + rnd.nextInt(1400)];
                  rnd.nextBytes(d);
                  d[0] = (byte) 0xFF;
                  tuples.get((int) (i % ATTACK_TUPLES)).send(new DatagramPacket(d, d.length, port));
                  attackSent.incrementAndGet();
                  continue;
                }
                // from the honest peer's tuple: a bad tag, then a replay
                peer.sendRaw((i & 1) == 0 ? tampered : replay);
                badFromPeer.incrementAndGet();
                continue;
              }
            }
            tuples.get((int) (i % ATTACK_TUPLES)).send(new DatagramPacket(d, d.length, port));
            attackSent.incrementAndGet();
          }
        } catch (Exception e) {
          if (!stop.get()) {
            throw new IllegalStateException(e);
          }
        }
      }, "attacker");
      long dropsBefore = f.onLoop(socket::inboundDrops);
      long receivedBefore = f.onLoop(socket::datagramsReceived);
      long kernelBefore = socket.kernelCounters().drops();
      long peerKernelBefore = kernelDrops(peer.localAddress().getPort());
      long tupleKernelBefore = f.onLoop(socket::tupleKernelDrops);
      long badIntegrityBefore = f.onLoop(() -> socket.dropCount(RtcDropReason.STUN_BAD_INTEGRITY));
      long suppressedBefore = f.onLoop(socket::stunErrorsSuppressed);
      java.util.Map<String, Long> cpuBefore = threadCpu();
      attacker.start();
      Thread.sleep(200); // flood at full rate before the honest stream starts (rates count it: +0.2 s)
      long t0 = System.nanoTime();
      int received = 0;
      for (int i = 0; i < HONEST_PACKETS; i++) {
        int seq = 100 + i;
        peer.sendRtp(WebRtcForwardingEndToEndTest.rtp(111, seq, 960L * seq, SSRC, new byte[160]));
        if (i % 20 == 19) {
          // ~1,000 packets/s (a busy video sender, not a flood), so the honest stream lasts >= 2 s
          // of flood on any machine speed.
          Thread.sleep(20);
        }
        while (peer.receivedRtp().poll() != null) {
          received++;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (received < HONEST_PACKETS && System.nanoTime() < deadline) {
        if (peer.receivedRtp().poll(50, TimeUnit.MILLISECONDS) != null) {
          received++;
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      stop.set(true);
      attacker.join(5_000);
      tuples.forEach(DatagramSocket::close);
      long drops = f.onLoop(socket::inboundDrops) - dropsBefore;
      long workerReceived = f.onLoop(socket::datagramsReceived) - receivedBefore;
      long kernel = socket.kernelCounters().drops() - kernelBefore;
      long badIntegrity = f.onLoop(() -> socket.dropCount(RtcDropReason.STUN_BAD_INTEGRITY))
          - badIntegrityBefore;
      long suppressed = f.onLoop(socket::stunErrorsSuppressed) - suppressedBefore;
      long peerKernel = kernelDrops(peer.localAddress().getPort()) - peerKernelBefore;
      long tupleKernel = f.onLoop(socket::tupleKernelDrops) - tupleKernelBefore;
      java.util.Map<String, Long> cpuAfter = threadCpu();
      StringBuilder cpu = new StringBuilder();
      cpuAfter.forEach((name, ns) -> {
        long d = ns - cpuBefore.getOrDefault(name, 0L);
        if (d > 50_000_000L) {
          cpu.append(String.format(" %s=%.2fs", name, d / 1e9));
        }
      });
      System.out.printf("[flood] worker socket read %d datagrams (%.0f/s), the kernel dropped %d at the worker's"
          + " shared socket (SO_RCVBUF %d), %d at the peer tuple's own reader, %d at the honest peer's socket; %d wrong-integrity checks, %d error"
          + " responses suppressed; thread cpu:%s%n", workerReceived, workerReceived / (seconds + 0.2),
          kernel, socket.receiveBufferBytes(), tupleKernel, peerKernel, badIntegrity, suppressed, cpu);
      long authFailed = WebRtcFixture.stat(t, "srtpUnprotectFailed") - failedBefore;
      System.gc();
      long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      double loss = 100.0 * (HONEST_PACKETS - received) / HONEST_PACKETS;
      System.out.printf(
          "[flood] %d foreign datagrams from %d tuples + %d bad-tag/replayed SRTP from the peer tuple in %.2f s"
              + " (%.0f datagrams/s); worker counted %d foreign drops, %d SRTP auth/replay failures%n"
              + "[flood] honest peer: %d/%d forwarded back (loss %.2f%%); heap after GC %.1f -> %.1f MiB; drops %s%n",
          attackSent.get(), ATTACK_TUPLES, badFromPeer.get(), seconds,
          (attackSent.get() + badFromPeer.get()) / seconds, drops, authFailed,
          received, HONEST_PACKETS, loss, heapBefore / 1048576.0, heapAfter / 1048576.0,
          f.onLoop(socket::stats).get("drops"));
      assertEquals(DtlsState.CONNECTED, t.dtlsState());
      assertEquals(0L, (long) f.onLoop(socket::unexpectedErrors));
      assertTrue(ATTACK_PER_MS == 0 || attackSent.get() >= 1_000L * ATTACK_PER_MS,
          "the flood was real (>= 1 s at the configured rate): " + attackSent.get());
      // Loss depends on how busy the machine is (13 % to 71 % at load average 9 on 2 cores), so
      // the default build asserts only that the peer is still served; a quiet nightly machine
      // sets a real bound: -Dsfu4j.flood.maxLossPct=5.
      assertTrue(received > 0, "the honest peer was served during the flood");
      String maxLoss = System.getProperty("sfu4j.flood.maxLossPct");
      if (maxLoss != null) {
        assertTrue(loss <= Double.parseDouble(maxLoss), "honest loss " + loss + "%");
      }
      assertTrue(!SPOOF_PEER || authFailed > 0, "bad tags and replays were rejected");
      assertTrue(badIntegrity > 0, "wrong-integrity checks are a counted drop");
      assertTrue(heapAfter - heapBefore < 32L << 20, "heap " + heapBefore + " -> " + heapAfter);
      c.close();
    }
  }

  /** Sum of the drops column of every /proc/net/udp[6] row bound to {@code port}. */
  static long kernelDrops(int port) {
    long sum = 0;
    String hexPort = String.format(":%04X", port);
    for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
      try {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 13 && f[1].endsWith(hexPort)) {
            sum += Long.parseLong(f[12]);
          }
        }
      } catch (Exception e) {
        // no such table
      }
    }
    return sum;
  }

  static java.util.Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> m = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (ti != null) {
        m.merge(ti.getThreadName(), Math.max(0, mx.getThreadCpuTime(ti.getThreadId())), Long::sum);
      }
    }
    return m;
  }

  private static byte[] check(WebRtcTransport t, String password) {
    ByteBuf b = Unpooled.buffer();
    try {
      String user = t.iceParameters().getUsernameFragment() + ":attacker";
      int n = new StunMessageWriter().writeBindingRequest(b, new byte[12], user, 12345, true, 7,
          password.getBytes(StandardCharsets.US_ASCII));
      return ByteBufUtil.getBytes(b, 0, n);
    } finally {
      b.release();
    }
  }

  /** A DTLS 1.2 record carrying a ClientHello-typed handshake with random body. */
  private static byte[] clientHello(Random rnd) {
    byte[] d = new byte[13 + 12 + 100];
    rnd.nextBytes(d);
    ByteBuffer b = ByteBuffer.wrap(d);
    b.put(0, (byte) 22).putShort(1, (short) 0xFEFD).putShort(3, (short) 0).putShort(11, (short) (d.length - 13));
    b.put(13, (byte) 1); // ClientHello
    return d;
  }
}
