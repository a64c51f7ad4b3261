package org.sfu4j.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Plain-UDP scenario against a {@link BareUdpRelay}: publishers are blocking NIO datagram sockets
 * written by the sender thread; subscribers are Netty datagram channels on one receive loop that
 * read the probe straight from the received buffer (no copy) into the meter.
 */
public final class UdpRelaySession implements LoadSession {
  private final LoadConfig config;
  private final LoadMeter meter;
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Channel[] subscribers;
  private final DatagramChannel[] publishers;
  private final ByteBuffer[] sendBuffers;
  private final BareUdpRelay ownRelay;
  private final ProcessStats stats;
  private final long joinMillis;
  private int acks;

  public UdpRelaySession(LoadConfig config, LoadMeter meter) throws Exception {
    this.config = config;
    this.meter = meter;
    long t0 = System.nanoTime();
    InetSocketAddress relay = config.relay();
    if (relay == null) {
      ownRelay = BareUdpRelay.start(new InetSocketAddress("127.0.0.1", 0));
      relay = ownRelay.localAddress();
      stats = new ProcessStats(ProcessHandle.current().pid(), BareUdpRelay.THREAD_PREFIX, null);
    } else {
      ownRelay = null;
      stats = new ProcessStats(config.targetPid(), null, config.metricsUrl());
    }
    boolean epoll = Epoll.isAvailable();
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load-rx", true),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    loop = group.next();
    int n = config.subscribers();
    subscribers = new Channel[n];
    Bootstrap b = new Bootstrap().group(loop)
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, 1 << 20);
    if (epoll) {
      // recvmmsg: a backlogged subscriber socket is drained in batches of up to 16 datagrams.
      b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, 1500)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(1500 * 16));
    }
    for (int j = 0; j < n; j++) {
      subscribers[j] = b.clone().handler(new Subscriber(j))
          .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }
    publishers = new DatagramChannel[config.publishers()];
    sendBuffers = new ByteBuffer[config.publishers()];
    for (int p = 0; p < publishers.length; p++) {
      DatagramChannel d = DatagramChannel.open(StandardProtocolFamily.INET);
      d.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
      d.bind(new InetSocketAddress("127.0.0.1", 0));
      d.connect(relay);
      publishers[p] = d;
      sendBuffers[p] = ByteBuffer.allocateDirect(1500);
    }
    register(relay);
    joinMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  /** Joins every socket at the relay, retrying until each got its ack (max 10 s). */
  private void register(InetSocketAddress relay) throws Exception {
    int s = config.subscribersPerPublisher();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (int p = 0; p < publishers.length; p++) {
      ByteBuffer ack = ByteBuffer.allocate(16);
      publishers[p].configureBlocking(false);
      boolean acked = false;
      while (!acked && System.nanoTime() < deadline) {
        publishers[p].write(joinMessage(BareUdpRelay.PUBLISHER, p));
        for (int i = 0; i < 20 && !acked; i++) {
          Thread.sleep(5);
          ack.clear();
          acked = publishers[p].read(ack) > 0 && ack.get(0) == BareUdpRelay.ACK;
        }
      }
      publishers[p].configureBlocking(true);
      if (!acked) {
        throw new IOException("relay did not answer publisher " + p + " at " + relay);
      }
    }
    while (System.nanoTime() < deadline) {
      int got = onReceiveThread(() -> acks);
      if (got >= subscribers.length) {
        return;
      }
      for (int j = 0; j < subscribers.length; j++) {
        Subscriber h = subscribers[j].pipeline().get(Subscriber.class);
        if (!h.acked) {
          ByteBuf m = Unpooled.wrappedBuffer(joinMessage(BareUdpRelay.SUBSCRIBER, j / s));
          subscribers[j].writeAndFlush(new DatagramPacket(m, relay));
        }
      }
      Thread.sleep(100);
    }
    throw new IOException("relay did not answer all subscribers");
  }

  private static ByteBuffer joinMessage(byte role, int publisher) {
    ByteBuffer m = ByteBuffer.allocate(6);
    m.put(BareUdpRelay.JOIN).put(role).putInt(publisher).flip();
    return m;
  }

  @Override
  public void send(int publisher, int kind, byte[] packet, int length) throws IOException {
    ByteBuffer b = sendBuffers[publisher];
    b.clear();
    b.put(packet, 0, length).flip();
    publishers[publisher].write(b);
  }

  @Override
  public <T> T onReceiveThread(Callable<T> task) throws Exception {
    return loop.submit(task).get(10, TimeUnit.SECONDS);
  }

  @Override
  public ProcessStats targetStats() {
    return stats;
  }

  @Override
  public String setupJson() {
    return "\"join_ms\":" + joinMillis + ",\"relay_in_process\":" + (ownRelay != null);
  }

  @Override
  public void close() {
    for (DatagramChannel d : publishers) {
      try {
        d.close();
      } catch (IOException | RuntimeException e) {
        // closing
      }
    }
    for (Channel c : subscribers) {
      if (c != null) {
        c.close();
      }
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (ownRelay != null) {
      ownRelay.close();
    }
  }

  /** One subscriber socket: feeds the meter on the receive loop. */
  private final class Subscriber extends SimpleChannelInboundHandler<DatagramPacket> {
    private final int index;
    boolean acked;

    Subscriber(int index) {
      this.index = index;
    }

    /** Reads the probe in place; the superclass releases {@code msg}. */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
      ByteBuf c = msg.content();
      int off = c.readerIndex();
      int len = c.readableBytes();
      if (!Probe.present(c, off, len)) {
        if (len == 1 && c.getByte(off) == BareUdpRelay.ACK && !acked) {
          acked = true;
          acks++;
        }
        return;
      }
      int end = off + len;
      int stream = LoadSession.meterStream(index, config.subscribersPerPublisher(),
          Probe.streamId(c, end));
      meter.onPacket(stream, Probe.sequence(c, end), Probe.sendNanos(c, end), len,
          System.nanoTime());
    }
  }
}
