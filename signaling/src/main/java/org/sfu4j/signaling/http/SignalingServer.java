package org.sfu4j.signaling.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sfu4j.signaling.SignalingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty HTTP + WebSocket server: upgrades {@code /ws} and {@code /} (with roomId and peerId)
 * to protoo WebSockets, hands other requests to the {@link HttpRoute}s. Epoll when available,
 * NIO otherwise.
 */
public final class SignalingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);

  /** The largest accepted WebSocket message (PROTOCOL.md); bigger closes with 1009. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /** Upper bound on a plain HTTP request body (there are no uploads). */
  static final int MAX_HTTP_REQUEST_BYTES = 16 * 1024;

  private final SignalingService service;
  private final List<HttpRoute> routes;
  private final EventLoopGroup group;
  private final Class<? extends ServerChannel> channelClass;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private Channel serverChannel;

  public SignalingServer(SignalingService service, List<HttpRoute> routes, int ioThreads) {
    this.service = service;
    this.routes = List.copyOf(routes);
    IoHandlerFactory io;
    if (Epoll.isAvailable()) {
      io = EpollIoHandler.newFactory();
      channelClass = EpollServerSocketChannel.class;
    } else {
      io = NioIoHandler.newFactory();
      channelClass = NioServerSocketChannel.class;
    }
    group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("sfu4j-http", true), io);
  }

  /** Binds and returns the bound address (port 0 picks a free port). */
  public InetSocketAddress bind(String ip, int port) throws InterruptedException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(channelClass)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    ch.pipeline()
                        .addLast("http", new HttpServerCodec())
                        .addLast("aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES))
                        .addLast("router", new HttpRequestRouter(service, routes));
                  }
                });
    serverChannel = b.bind(ip, port).sync().channel();
    InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
    LOG.info("HTTP/WebSocket listening on {}:{} ({})", ip, bound.getPort(),
        Epoll.isAvailable() ? "epoll" : "nio");
    return bound;
  }

  /** Open client connections (HTTP and WebSocket). */
  public int openConnections() {
    return channels.size();
  }

  /** Stops accepting, closes every connection and the event loops. */
  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    }
    channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
