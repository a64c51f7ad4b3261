package org.sfu4j.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "limit" of the report: the cheapest SFU-shaped thing one can write on Netty. One UDP socket
 * on one event-loop thread (epoll with {@code recvmmsg} batches when available), no SRTP and no
 * RTP logic: a datagram from a registered publisher is written, as a retained duplicate of the
 * same buffer, to each of that publisher's subscribers, with one flush per read batch.
 *
 * <p>Registration, so that the same load tool drives it: {@code 'J' 'P' u32 publisher} from a
 * publisher's socket, {@code 'J' 'S' u32 publisher} from a subscriber's socket; both answered
 * with {@code 'A'}. Run standalone: {@code java -cp sfu4j-load.jar
 * org.sfu4j.bench.load.BareUdpRelay --port 40000} (loopback only).
 */
public final class BareUdpRelay implements AutoCloseable {
  public static final String THREAD_PREFIX = "bare-relay";
  static final byte JOIN = 'J';
  static final byte PUBLISHER = 'P';
  static final byte SUBSCRIBER = 'S';
  static final byte ACK = 'A';

  private final EventLoopGroup group;
  private final Channel channel;

  private BareUdpRelay(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Binds to {@code bind} (a loopback address; port 0 for any). */
  public static BareUdpRelay start(InetSocketAddress bind) throws InterruptedException {
    if (!bind.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("loopback only: " + bind);
    }
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory(THREAD_PREFIX, true),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Bootstrap b = new Bootstrap().group(group)
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, 4 << 20)
        .option(ChannelOption.SO_SNDBUF, 4 << 20)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8 << 20, 16 << 20))
        .handler(new Relay());
    if (epoll) {
      b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, 1500)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(1500 * 32));
    }
    try {
      Channel ch = b.bind(bind).sync().channel();
      return new BareUdpRelay(group, ch);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  public boolean epoll() {
    return channel instanceof EpollDatagramChannel;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Fan-out state, touched only by the relay's one thread. */
  private static final class Relay extends SimpleChannelInboundHandler<DatagramPacket> {
    private final Map<InetSocketAddress, InetSocketAddress[]> subscribersOfSender = new HashMap<>();
    private final Map<Integer, List<InetSocketAddress>> subscribers = new HashMap<>();
    private final Map<Integer, List<InetSocketAddress>> publishers = new HashMap<>();

    /** Uses {@code msg} during the call; the superclass releases it afterwards. */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
      ByteBuf c = msg.content();
      InetSocketAddress from = msg.sender();
      if (c.readableBytes() == 6 && c.getByte(c.readerIndex()) == JOIN) {
        join(ctx, c, from);
        return;
      }
      InetSocketAddress[] subs = subscribersOfSender.get(from);
      if (subs == null) {
        return;
      }
      for (InetSocketAddress to : subs) {
        ctx.write(new DatagramPacket(c.retainedDuplicate(), to), ctx.voidPromise());
      }
    }

    private void join(ChannelHandlerContext ctx, ByteBuf c, InetSocketAddress from) {
      byte role = c.getByte(c.readerIndex() + 1);
      int pub = c.getInt(c.readerIndex() + 2);
      if (role == PUBLISHER) {
        publishers.computeIfAbsent(pub, k -> new ArrayList<>()).add(from);
      } else if (role == SUBSCRIBER) {
        List<InetSocketAddress> l = subscribers.computeIfAbsent(pub, k -> new ArrayList<>());
        if (!l.contains(from)) {
          l.add(from);
        }
      } else {
        return;
      }
      InetSocketAddress[] subs = subscribers.getOrDefault(pub, List.of())
          .toArray(new InetSocketAddress[0]);
      for (InetSocketAddress p : publishers.getOrDefault(pub, List.of())) {
        subscribersOfSender.put(p, subs);
      }
      ByteBuf ack = ctx.alloc().buffer(1).writeByte(ACK);
      ctx.writeAndFlush(new DatagramPacket(ack, from), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A relay for measurements: drop and carry on (e.g. ICMP port unreachable on loopback).
    }
  }

  /** {@code --ip 127.0.0.1 --port 40000 [--seconds 600]}: runs, then exits by itself. */
  public static void main(String[] args) throws Exception {
    String ip = "127.0.0.1";
    int port = 40000;
    int seconds = 600;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--ip" -> ip = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Math.min(3600, Integer.parseInt(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (BareUdpRelay r = start(new InetSocketAddress(ip, port))) {
      System.out.println("RELAY listening=" + r.localAddress() + " epoll=" + r.epoll()
          + " pid=" + ProcessHandle.current().pid());
      System.out.flush();
      Thread.sleep(seconds * 1000L);
    }
  }
}
