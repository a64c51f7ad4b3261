package org.sfu4j.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The attacker of {@code --mode flood}: {@code sockets} UDP sockets on 127.0.0.1 (one 5-tuple
 * each), connected to the daemon's worker port, sending in rotation a pre-built pool of
 * {@link FloodDatagrams} of every kind at {@code rate} datagrams/s (0 = as fast as one thread
 * can). Paced by a running total: after a stall it catches up in bursts of at most 256.
 *
 * <p>Replies (the daemon's budgeted STUN 401s) are read and discarded: every 32 sends one socket,
 * in rotation, is drained, so attack sockets never overflow their own queues and pollute the
 * host-wide UDP error counters. Runs on its own thread until {@link #stop}.
 */
final class FloodAttack implements Runnable {
  static final int POOL = 1536;
  private static final int MAX_BURST = 256;
  private static final int DRAIN_EVERY = 32;

  private final DatagramChannel[] channels;
  private final ByteBuffer[] pool;
  private final FloodDatagrams.Kind[] poolKinds;
  private final double rate;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong[] sentByKind = new AtomicLong[FloodDatagrams.Kind.values().length];
  private final AtomicLong sendErrors = new AtomicLong();
  private final AtomicLong replies = new AtomicLong();
  private final ByteBuffer replyBuffer = ByteBuffer.allocateDirect(2048);
  private volatile boolean running = true;

  FloodAttack(InetSocketAddress target, int sockets, double rate, String serverUfrag, long seed)
      throws IOException {
    LoadConfig.loopback(target.getHostString() + ":" + target.getPort());
    this.rate = rate;
    Random random = new Random(seed);
    FloodDatagrams.Kind[] kinds = FloodDatagrams.Kind.values();
    pool = new ByteBuffer[POOL];
    poolKinds = new FloodDatagrams.Kind[POOL];
    for (int i = 0; i < POOL; i++) {
      poolKinds[i] = kinds[i % kinds.length];
      byte[] d = FloodDatagrams.build(poolKinds[i], random, serverUfrag);
      pool[i] = ByteBuffer.allocateDirect(d.length).put(d).flip();
    }
    for (int k = 0; k < sentByKind.length; k++) {
      sentByKind[k] = new AtomicLong();
    }
    channels = new DatagramChannel[sockets];
    try {
      for (int i = 0; i < sockets; i++) {
        DatagramChannel c = DatagramChannel.open();
        channels[i] = c;
        c.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        c.bind(new InetSocketAddress(target.getAddress(), 0));
        c.connect(target);
        c.configureBlocking(false);
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** Local ports of the attack sockets (to tell their /proc/net/udp rows apart). */
  Set<Integer> localPorts() {
    Set<Integer> ports = new HashSet<>();
    for (DatagramChannel c : channels) {
      try {
        ports.add(((InetSocketAddress) c.getLocalAddress()).getPort());
      } catch (IOException | RuntimeException e) {
        // closed
      }
    }
    return ports;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    long n = 0;
    int socket = 0;
    int drain = 0;
    int kinds = sentByKind.length;
    long[] local = new long[kinds];
    while (running) {
      long due;
      if (rate > 0) {
        due = (long) ((System.nanoTime() - start) / 1e9 * rate);
        if (due <= n) {
          LockSupport.parkNanos(Math.max(20_000L, (long) (1e9 / rate)));
          continue;
        }
        due = Math.min(due, n + MAX_BURST);
      } else {
        due = n + MAX_BURST;
      }
      while (n < due) {
        int p = (int) (n % POOL);
        ByteBuffer d = pool[p];
        try {
          if (channels[socket].write(d.duplicate()) > 0) {
            local[poolKinds[p].ordinal()]++;
          } else {
            sendErrors.incrementAndGet(); // send buffer full: counted, not retried
          }
        } catch (IOException e) {
          sendErrors.incrementAndGet();
        }
        n++;
        socket = socket + 1 == channels.length ? 0 : socket + 1;
        if (n % DRAIN_EVERY == 0) {
          drainReplies(channels[drain]);
          drain = drain + 1 == channels.length ? 0 : drain + 1;
        }
      }
      sent.set(n);
      for (int k = 0; k < kinds; k++) {
        sentByKind[k].set(local[k]);
      }
    }
    for (DatagramChannel c : channels) {
      drainReplies(c);
    }
  }

  private void drainReplies(DatagramChannel c) {
    try {
      while (true) {
        replyBuffer.clear();
        if (c.read(replyBuffer) <= 0) {
          return;
        }
        replies.incrementAndGet();
      }
    } catch (IOException e) {
      // ICMP errors surface here on a connected socket: nothing to do
    }
  }

  /** Datagrams attempted so far (written or counted as send errors). */
  long attempted() {
    return sent.get();
  }

  long sentOk() {
    long s = 0;
    for (AtomicLong k : sentByKind) {
      s += k.get();
    }
    return s;
  }

  long sentOf(FloodDatagrams.Kind kind) {
    return sentByKind[kind.ordinal()].get();
  }

  long sendErrors() {
    return sendErrors.get();
  }

  long replies() {
    return replies.get();
  }

  /** Stops the sender loop and waits for {@code thread} (the one running this) to end. */
  void stop(Thread thread) throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }

  void close() {
    for (DatagramChannel c : channels) {
      if (c != null) {
        try {
          c.close();
        } catch (IOException e) {
          // closing
        }
      }
    }
  }
}
