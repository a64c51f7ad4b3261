package org.sfu4j.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The load tool's single receive thread: an event loop (epoll with recvmmsg when available)
 * hosting every subscriber socket on 127.0.0.1. The meter lives on this thread.
 */
final class SubscriberLoop implements AutoCloseable {
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Bootstrap bootstrap;

  SubscriberLoop() {
    boolean epoll = Epoll.isAvailable();
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load-rx", true),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    loop = group.next();
    bootstrap = new Bootstrap().group(loop)
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, 1 << 20);
    if (epoll) {
      bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, 1500)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(1500 * 16));
    }
  }

  /** A new socket on 127.0.0.1 (ephemeral port) handled by {@code handler}. */
  Channel open(ChannelHandler handler) throws InterruptedException {
    return bootstrap.clone().handler(handler).bind(new InetSocketAddress("127.0.0.1", 0)).sync()
        .channel();
  }

  <T> T call(Callable<T> task) throws Exception {
    return loop.submit(task).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
