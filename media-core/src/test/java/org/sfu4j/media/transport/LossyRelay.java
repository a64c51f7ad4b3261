package org.sfu4j.media.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny UDP relay on 127.0.0.1 between one test peer and the SFU: the peer sends to {@link
 * #peerFacingAddress()}, the relay forwards from its own socket to the server and back. RTP/RTCP
 * datagrams (first byte 128..191) are dropped with a seeded probability per direction (STUN and
 * DTLS pass, so connectivity and consent are not what is tested); the server-to-peer direction can
 * be shaped by a token bucket with a bounded queue (a bottleneck link: queueing delay first, then
 * tail drop), which is what a delay-based estimator must see.
 */
final class LossyRelay implements AutoCloseable {
  private final DatagramSocket peerSide;
  private final DatagramSocket serverSide;
  private final InetSocketAddress server;
  private final Random upRandom;
  private final Random downRandom;
  private volatile InetSocketAddress peer;
  private volatile double lossToServer;
  private volatile double lossToPeer;
  private volatile long rateToPeerBps;
  private final long maxQueueMs;
  private long nextFreeNanos;
  private final DelayQueue<Delayed> shaped = new DelayQueue<>();
  private volatile boolean closed;
  private final Thread up;
  private final Thread down;
  private final Thread shaper;
  final AtomicLong droppedToServer = new AtomicLong();
  final AtomicLong droppedToPeer = new AtomicLong();
  final AtomicLong policedToPeer = new AtomicLong();
  final AtomicLong mediaToPeer = new AtomicLong();
  final AtomicLong mediaToServer = new AtomicLong();

  LossyRelay(InetSocketAddress server, long seed, long maxQueueMs) throws SocketException {
    this.server = server;
    this.upRandom = new Random(seed);
    this.downRandom = new Random(seed * 31 + 7);
    this.maxQueueMs = maxQueueMs;
    InetAddress lo = InetAddress.getLoopbackAddress();
    peerSide = new DatagramSocket(new InetSocketAddress(lo, 0));
    serverSide = new DatagramSocket(new InetSocketAddress(lo, 0));
    peerSide.setReceiveBufferSize(1 << 20);
    serverSide.setReceiveBufferSize(1 << 20);
    up = new Thread(this::upLoop, "relay-up");
    down = new Thread(this::downLoop, "relay-down");
    shaper = new Thread(this::shaperLoop, "relay-shaper");
    for (Thread t : new Thread[] {up, down, shaper}) {
      t.setDaemon(true);
      t.start();
    }
  }

  InetSocketAddress peerFacingAddress() {
    return (InetSocketAddress) peerSide.getLocalSocketAddress();
  }

  /** Loss probability of RTP/RTCP datagrams, both directions. */
  void setLoss(double toServer, double toPeer) {
    lossToServer = toServer;
    lossToPeer = toPeer;
  }

  /** Token-bucket rate towards the peer in bps; 0 = unlimited. */
  void setRateToPeer(long bps) {
    rateToPeerBps = bps;
  }

  private static boolean isMedia(byte[] b, int len) {
    return len > 0 && (b[0] & 0xFF) >= 128 && (b[0] & 0xFF) <= 191;
  }

  private void upLoop() {
    byte[] buf = new byte[2048];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    while (!closed) {
      try {
        p.setLength(buf.length);
        peerSide.receive(p);
        peer = (InetSocketAddress) p.getSocketAddress();
        if (isMedia(buf, p.getLength())) {
          mediaToServer.incrementAndGet();
          if (upRandom.nextDouble() < lossToServer) {
            droppedToServer.incrementAndGet();
            continue;
          }
        }
        serverSide.send(new DatagramPacket(buf, p.getLength(), server));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void downLoop() {
    byte[] buf = new byte[2048];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    while (!closed) {
      try {
        p.setLength(buf.length);
        serverSide.receive(p);
        InetSocketAddress to = peer;
        if (to == null) {
          continue;
        }
        int len = p.getLength();
        if (isMedia(buf, len)) {
          mediaToPeer.incrementAndGet();
          if (downRandom.nextDouble() < lossToPeer) {
            droppedToPeer.incrementAndGet();
            continue;
          }
          long rate = rateToPeerBps;
          if (rate > 0) {
            long now = System.nanoTime();
            long start = Math.max(now, nextFreeNanos);
            if (start - now > maxQueueMs * 1_000_000L) {
              policedToPeer.incrementAndGet(); // queue full: tail drop
              continue;
            }
            nextFreeNanos = start + (len + 28) * 8L * 1_000_000_000L / rate;
            shaped.add(new Item(Arrays.copyOf(buf, len), to, nextFreeNanos));
            continue;
          }
        }
        peerSide.send(new DatagramPacket(buf, len, to));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void shaperLoop() {
    while (!closed) {
      try {
        Item i = (Item) shaped.poll(50, TimeUnit.MILLISECONDS);
        if (i != null) {
          peerSide.send(new DatagramPacket(i.data, i.data.length, i.to));
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private static final class Item implements Delayed {
    final byte[] data;
    final InetSocketAddress to;
    final long atNanos;

    Item(byte[] data, InetSocketAddress to, long atNanos) {
      this.data = data;
      this.to = to;
      this.atNanos = atNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(atNanos, ((Item) o).atNanos);
    }
  }

  @Override
  public void close() {
    closed = true;
    peerSide.close();
    serverSide.close();
    shaper.interrupt();
    try {
      up.join(1000);
      down.join(1000);
      shaper.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
