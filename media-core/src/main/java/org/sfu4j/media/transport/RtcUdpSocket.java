package org.sfu4j.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.sfu4j.ice.StunMessage;
import org.sfu4j.ice.StunParseResult;

/**
 * The one UDP socket of a worker (per listen ip) that serves every WebRTC transport on it.
 *
 * <p>Inbound datagrams are demultiplexed by their first byte (RFC 7983): STUN (0-3) is parsed
 * with one reusable {@link StunMessage} view and routed by the local ufrag of its USERNAME
 * (the part before ':'); DTLS (20-63) and RTP/RTCP (128-191) are routed by the remote 5-tuple,
 * which a transport maps only after ICE validated it. Both lookups are one {@link HashMap} get.
 * Anything else is dropped and counted by {@link RtcDropReason}; nothing here throws on input.
 *
 * <p>Buffers: the channel reads into pooled direct buffers (epoll always does; with epoll and
 * {@code recvmmsg} many datagrams share one read buffer as slices). This class releases every
 * inbound datagram exactly once, after the transport returned; transports that need a heap
 * array (SRTP) copy once. Outbound: {@link #send} writes without flush while a read batch is in
 * progress (the forwarding path) and flushes once in {@code channelReadComplete}; outside a read
 * batch (the router tick's RTCP, DTLS flights posted from handshake threads) it flushes at the
 * end of the current loop task, so e.g. the tick's Sender Reports leave in one {@code sendmmsg}
 * instead of one {@code sendto} each.
 *
 * <p>Threading: the channel is registered on the worker's event loop; every method except
 * {@link #open} must be called on that loop.
 */
public final class RtcUdpSocket {
  /** What the demux delivers to; implemented by {@link WebRtcTransport}. Called on the loop. */
  interface Endpoint {
    /** A STUN message for this endpoint; {@code stun} is a valid view, valid only during the call. */
    void onStun(StunMessage stun, InetSocketAddress remote, long nowMs);

    /** A DTLS datagram; neither retained nor released by the callee. */
    void onDtls(ByteBuf datagram, InetSocketAddress remote);

    /** An SRTP or SRTCP datagram (maybe direct); neither retained nor released by the callee. */
    void onSrtp(ByteBuf datagram, InetSocketAddress remote, long nowMs);
  }

  /** Largest datagram read; bigger ones are truncated by the kernel and then fail to authenticate. */
  static final int MAX_DATAGRAM = 2048;
  /** Datagrams per {@code recvmmsg} call with epoll. */
  static final int DATAGRAMS_PER_READ = 16;

  private final Channel channel;
  private final InetSocketAddress localAddress;
  private final LongSupplier clock;
  private final StunMessage stun = new StunMessage();
  private final HashMap<String, Endpoint> byUfrag = new HashMap<>();
  private final HashMap<InetSocketAddress, Endpoint> byTuple = new HashMap<>();
  private final long[] drops = new long[RtcDropReason.values().length];

  private boolean inReadBatch;
  private boolean flushPending;
  /** A {@link #flushTask} is queued on the loop (sends made outside a read batch). */
  private boolean flushScheduled;
  private final Runnable flushTask = this::flushScheduledWrites;
  private long datagramsReceived;
  private long bytesReceived;
  private long stunDelivered;
  private long dtlsDelivered;
  private long srtpDelivered;
  private long datagramsSent;
  private long bytesSent;
  private long unexpectedErrors;

  private RtcUdpSocket(Channel channel, LongSupplier clock) {
    this.channel = channel;
    this.localAddress = (InetSocketAddress) channel.localAddress();
    this.clock = clock;
  }

  /**
   * Binds a UDP socket on {@code ip} to a free port of {@code [minPort, maxPort]} (random start,
   * then upwards, wrapping), registered on {@code loop}. {@code minPort == 0} binds an ephemeral
   * port. Runs on the loop; completes exceptionally when no port is free.
   */
  static CompletableFuture<RtcUdpSocket> open(EventLoop loop, InetAddress ip, int minPort,
      int maxPort, LongSupplier clock) {
    CompletableFuture<RtcUdpSocket> result = new CompletableFuture<>();
    if (minPort < 0 || maxPort > 65535 || minPort > maxPort) {
      result.completeExceptionally(
          new IllegalArgumentException("bad port range " + minPort + "-" + maxPort));
      return result;
    }
    int span = minPort == 0 ? 1 : maxPort - minPort + 1;
    int start = minPort == 0 ? 0 : ThreadLocalRandom.current().nextInt(span);
    loop.execute(() -> tryBind(loop, ip, minPort, span, start, 0, clock, result));
    return result;
  }

  private static void tryBind(EventLoop loop, InetAddress ip, int minPort, int span, int start,
      int attempt, LongSupplier clock, CompletableFuture<RtcUdpSocket> result) {
    if (attempt >= span) {
      result.completeExceptionally(new IllegalStateException(
          "no free UDP port on " + ip.getHostAddress() + " in " + minPort + "-"
              + (minPort + span - 1)));
      return;
    }
    int port = minPort == 0 ? 0 : minPort + (start + attempt) % span;
    DatagramChannel ch = newChannel();
    Holder holder = new Holder();
    ch.pipeline().addLast(holder);
    loop.register(ch).addListener(reg -> {
      if (!reg.isSuccess()) {
        ch.close();
        result.completeExceptionally(reg.cause());
        return;
      }
      ChannelFuture bind = ch.bind(new InetSocketAddress(ip, port));
      bind.addListener(b -> {
        if (b.isSuccess()) {
          RtcUdpSocket socket = new RtcUdpSocket(ch, clock);
          holder.socket = socket;
          result.complete(socket);
        } else {
          ch.close();
          tryBind(loop, ip, minPort, span, start, attempt + 1, clock, result);
        }
      });
    });
  }

  private static DatagramChannel newChannel() {
    DatagramChannel ch;
    if (Epoll.isAvailable()) {
      ch = new EpollDatagramChannel();
      // recvmmsg: up to DATAGRAMS_PER_READ datagrams per syscall, as slices of one read buffer.
      ch.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM);
      ch.config().setRecvByteBufAllocator(
          new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ));
    } else {
      ch = new NioDatagramChannel();
      ch.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM));
    }
    ch.config().setOption(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024);
    ch.config().setOption(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024);
    ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024 * 1024, 4 * 1024 * 1024));
    return ch;
  }

  /** The bound local address (listen ip and port). */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Whether the channel is the native epoll one. */
  public boolean isEpoll() {
    return channel instanceof EpollDatagramChannel;
  }

  // ------------------------------------------------------------------ registration (loop)

  void mapUfrag(String ufrag, Endpoint endpoint) {
    byUfrag.put(ufrag, endpoint);
  }

  /** Unmaps {@code ufrag} only when it still points at {@code endpoint}. */
  void unmapUfrag(String ufrag, Endpoint endpoint) {
    if (ufrag != null) {
      byUfrag.remove(ufrag, endpoint);
    }
  }

  /** Maps a tuple ICE validated; a newer transport on the same tuple takes it over. */
  void mapTuple(InetSocketAddress remote, Endpoint endpoint) {
    byTuple.put(remote, endpoint);
  }

  /** Unmaps {@code remote} only when it still points at {@code endpoint}. */
  void unmapTuple(InetSocketAddress remote, Endpoint endpoint) {
    byTuple.remove(remote, endpoint);
  }

  int ufragCount() {
    return byUfrag.size();
  }

  int tupleCount() {
    return byTuple.size();
  }

  // ------------------------------------------------------------------ outbound (loop)

  /**
   * Sends {@code datagram}'s readable bytes to {@code remote}. TAKES OWNERSHIP of {@code
   * datagram} (released by Netty after the write, or here when dropped). Loop only.
   */
  void send(ByteBuf datagram, InetSocketAddress remote) {
    if (!channel.isActive()) {
      drops[RtcDropReason.SOCKET_CLOSED.ordinal()]++;
      datagram.release();
      return;
    }
    if (!channel.isWritable()) {
      drops[RtcDropReason.NOT_WRITABLE.ordinal()]++;
      datagram.release();
      return;
    }
    datagramsSent++;
    bytesSent += datagram.readableBytes();
    DatagramPacket packet = new DatagramPacket(datagram, remote);
    channel.write(packet, channel.voidPromise());
    if (inReadBatch) {
      flushPending = true;
    } else if (!flushScheduled) {
      flushScheduled = true;
      channel.eventLoop().execute(flushTask);
    }
  }

  private void flushScheduledWrites() {
    flushScheduled = false;
    channel.flush();
  }

  /** Closes the channel; further sends are dropped. Loop only; idempotent. */
  void close() {
    byUfrag.clear();
    byTuple.clear();
    if (flushScheduled) {
      channel.flush(); // what was sent before close still goes out
    }
    channel.close();
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  // ------------------------------------------------------------------ inbound (loop)

  /**
   * Demultiplexes one datagram. Does not release {@code content} (the caller does, once).
   * Never throws for any content.
   */
  void onDatagram(ByteBuf content, InetSocketAddress remote) {
    datagramsReceived++;
    int len = content.readableBytes();
    bytesReceived += len;
    if (len == 0) {
      drops[RtcDropReason.BAD_FIRST_BYTE.ordinal()]++;
      return;
    }
    int first = content.getUnsignedByte(content.readerIndex());
    if (first <= 3) {
      onStunDatagram(content, remote);
    } else if (first >= 20 && first <= 63) {
      Endpoint e = byTuple.get(remote);
      if (e == null) {
        drops[RtcDropReason.DTLS_UNKNOWN_TUPLE.ordinal()]++;
        return;
      }
      dtlsDelivered++;
      e.onDtls(content, remote);
    } else if (first >= 128 && first <= 191) {
      Endpoint e = byTuple.get(remote);
      if (e == null) {
        drops[RtcDropReason.RTP_UNKNOWN_TUPLE.ordinal()]++;
        return;
      }
      srtpDelivered++;
      e.onSrtp(content, remote, clock.getAsLong());
    } else {
      drops[RtcDropReason.BAD_FIRST_BYTE.ordinal()]++;
    }
  }

  private void onStunDatagram(ByteBuf content, InetSocketAddress remote) {
    StunMessage msg = stun;
    if (msg.parse(content, content.readerIndex(), content.readableBytes()) != StunParseResult.OK) {
      drops[RtcDropReason.STUN_MALFORMED.ordinal()]++;
      return;
    }
    Endpoint e;
    if (msg.hasUsername()) {
      // One String per STUN request (checks arrive every ~1-2.5 s per transport, not per packet).
      e = byUfrag.get(msg.usernameFragmentLocal());
      if (e == null) {
        drops[RtcDropReason.STUN_UNKNOWN_USERNAME.ordinal()]++;
        return;
      }
    } else {
      e = byTuple.get(remote);
      if (e == null) {
        drops[RtcDropReason.STUN_UNKNOWN_TUPLE.ordinal()]++;
        return;
      }
    }
    stunDelivered++;
    e.onStun(msg, remote, clock.getAsLong());
  }

  private void onReadComplete() {
    inReadBatch = false;
    if (flushPending) {
      flushPending = false;
      channel.flush();
    }
  }

  // ------------------------------------------------------------------ counters (loop)

  public long dropCount(RtcDropReason reason) {
    return drops[reason.ordinal()];
  }

  /** Sum of the inbound drop reasons (everything but NOT_WRITABLE and SOCKET_CLOSED). */
  public long inboundDrops() {
    long sum = 0;
    for (RtcDropReason r : RtcDropReason.values()) {
      if (r != RtcDropReason.NOT_WRITABLE && r != RtcDropReason.SOCKET_CLOSED) {
        sum += drops[r.ordinal()];
      }
    }
    return sum;
  }

  public long datagramsReceived() {
    return datagramsReceived;
  }

  /** Datagrams handed to a transport (STUN + DTLS + SRTP). */
  public long datagramsDelivered() {
    return stunDelivered + dtlsDelivered + srtpDelivered;
  }

  public long datagramsSent() {
    return datagramsSent;
  }

  /** Exceptions caught at the channel edge (a bug if ever non-zero). */
  public long unexpectedErrors() {
    return unexpectedErrors;
  }

  /** Counters for stats/metrics: received/delivered/sent and one entry per drop reason. */
  public Map<String, Object> stats() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("localAddress", localAddress.getAddress().getHostAddress());
    s.put("localPort", localAddress.getPort());
    s.put("epoll", isEpoll());
    s.put("datagramsReceived", datagramsReceived);
    s.put("bytesReceived", bytesReceived);
    s.put("stunDelivered", stunDelivered);
    s.put("dtlsDelivered", dtlsDelivered);
    s.put("srtpDelivered", srtpDelivered);
    s.put("datagramsSent", datagramsSent);
    s.put("bytesSent", bytesSent);
    s.put("unexpectedErrors", unexpectedErrors);
    s.put("ufrags", byUfrag.size());
    s.put("tuples", byTuple.size());
    Map<String, Long> d = new LinkedHashMap<>();
    for (RtcDropReason r : RtcDropReason.values()) {
      d.put(r.name(), drops[r.ordinal()]);
    }
    s.put("drops", d);
    return s;
  }

  /**
   * The channel's only handler: unwraps {@link DatagramPacket}s into {@link #onDatagram} and
   * releases each exactly once. Bound before the socket object exists (bind is asynchronous).
   */
  private static final class Holder extends ChannelInboundHandlerAdapter {
    RtcUdpSocket socket;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      RtcUdpSocket s = socket;
      if (!(msg instanceof DatagramPacket) || s == null) {
        io.netty.util.ReferenceCountUtil.release(msg);
        return;
      }
      DatagramPacket packet = (DatagramPacket) msg;
      s.inReadBatch = true;
      try {
        s.onDatagram(packet.content(), packet.sender());
      } catch (RuntimeException e) {
        s.unexpectedErrors++;
      } finally {
        packet.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      RtcUdpSocket s = socket;
      if (s != null) {
        s.onReadComplete();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // ICMP port unreachable and similar surface here on some platforms: count, keep serving.
      RtcUdpSocket s = socket;
      if (s != null) {
        s.unexpectedErrors++;
      }
    }
  }
}
