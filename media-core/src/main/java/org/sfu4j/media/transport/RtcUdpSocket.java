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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.sfu4j.ice.StunMessage;
import org.sfu4j.ice.StunParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Flood isolation (epoll): every tuple ICE validated gets its own UDP socket, bound to the same
 * address and port with {@code SO_REUSEPORT} and {@code connect}ed to the remote. The kernel
 * delivers a datagram to the most specific matching socket, so a validated peer's datagrams queue
 * apart from the shared socket that takes everything from unknown tuples: a flood from other
 * sources fills the shared queue and is dropped there, not in the honest peer's queue. All
 * channels feed the same demux ({@link #onDatagram}), so a datagram that lands on another of them
 * (the short window between bind and connect) is handled exactly the same. Outbound datagrams
 * always leave through the shared socket.
 *
 * <p>Threading: the channel is registered on the worker's event loop; every method except
 * {@link #open} must be called on that loop.
 */
public final class RtcUdpSocket {
  /** What the demux delivers to; implemented by {@link WebRtcTransport}. Called on the loop. */
  interface Endpoint {
    /**
     * A STUN message for this endpoint; {@code stun} is a valid view, valid only during the call.
     * Returns false when it failed MESSAGE-INTEGRITY (counted as {@link
     * RtcDropReason#STUN_BAD_INTEGRITY} instead of delivered).
     */
    boolean onStun(StunMessage stun, InetSocketAddress remote, long nowMs);

    /** A DTLS datagram; neither retained nor released by the callee. */
    void onDtls(ByteBuf datagram, InetSocketAddress remote);

    /** An SRTP or SRTCP datagram (maybe direct); neither retained nor released by the callee. */
    void onSrtp(ByteBuf datagram, InetSocketAddress remote, long nowMs);
  }

  /** Largest datagram read; bigger ones are truncated by the kernel and then fail to authenticate. */
  static final int MAX_DATAGRAM = 2048;
  /**
   * Unflushed outbound bytes that force a flush: ~200 media datagrams, so consumer sends still leave
   * in large {@code sendmmsg} batches while the channel's outbound buffer stays far below its low
   * water mark (1 MiB) and never reaches the high one (4 MiB: NOT_WRITABLE drops).
   */
  static final int FLUSH_EVERY_BYTES = 256 * 1024;
  /** Datagrams per {@code recvmmsg} call with epoll. */
  static final int DATAGRAMS_PER_READ = 16;
  /**
   * SO_RCVBUF asked for. Linux caps it at {@code net.core.rmem_max} (and then doubles it for
   * bookkeeping); a smaller buffer overflows sooner under a flood, honest datagrams included.
   */
  static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
  /**
   * Datagrams a validated tuple's reader may take per loop wake-up. The shared socket stops after
   * one {@code recvmmsg} batch ({@link #DATAGRAMS_PER_READ}) because its batches rarely fill the
   * buffer; a connected reader reads one datagram per call and would stop after one. Letting it
   * drain up to this many gives validated peers priority over unknown tuples under a flood.
   */
  static final int TUPLE_DATAGRAMS_PER_WAKE = 64;

  private static final Logger LOG = LoggerFactory.getLogger(RtcUdpSocket.class);
  private static final AtomicBoolean CLAMP_WARNED = new AtomicBoolean();

  private final Channel channel;
  private final InetSocketAddress localAddress;
  private final LongSupplier clock;
  private final StunMessage stun = new StunMessage();
  private final HashMap<String, Endpoint> byUfrag = new HashMap<>();
  private final HashMap<InetSocketAddress, Endpoint> byTuple = new HashMap<>();
  /** One connected reader per validated tuple (epoll only); see the class javadoc. */
  private final HashMap<InetSocketAddress, Channel> tupleChannels = new HashMap<>();
  private final HashMap<InetSocketAddress, KernelUdpCounters> tupleKernel = new HashMap<>();
  private final Holder holder;
  private final long[] drops = new long[RtcDropReason.values().length];
  private final StunErrorBudget stunErrors = new StunErrorBudget();
  private final KernelUdpCounters kernel;
  private final int receiveBufferBytes;

  private boolean inReadBatch;
  private boolean flushPending;
  /** Bytes written since the last flush; a flush is forced at {@link #FLUSH_EVERY_BYTES}. */
  private int unflushedBytes;
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
  private long stunErrorsTooLarge;
  private long tupleChannelFailures;
  private long portUnreachable;

  private RtcUdpSocket(Channel channel, Holder holder, LongSupplier clock) {
    this.channel = channel;
    this.holder = holder;
    this.localAddress = (InetSocketAddress) channel.localAddress();
    this.clock = clock;
    this.kernel = KernelUdpCounters.forFd(
        channel instanceof EpollDatagramChannel e ? e.fd().intValue() : -1);
    this.receiveBufferBytes = ((DatagramChannel) channel).config().getReceiveBufferSize();
    warnIfClamped(receiveBufferBytes, localAddress);
  }

  /**
   * Logs once per process when the kernel gave less receive buffer than {@link
   * #RECEIVE_BUFFER_BYTES} (Linux reports twice the granted size, so 4 MiB asked reads back 8 MiB).
   */
  static boolean warnIfClamped(int effective, InetSocketAddress local) {
    if (effective >= RECEIVE_BUFFER_BYTES) {
      return false;
    }
    if (CLAMP_WARNED.compareAndSet(false, true)) {
      LOG.warn("UDP receive buffer of {} is {} bytes, {} asked: the kernel capped it, so a flood "
          + "overflows it sooner (honest packets included). Raise it: sysctl -w "
          + "net.core.rmem_max={}", local, effective, RECEIVE_BUFFER_BYTES, RECEIVE_BUFFER_BYTES);
    }
    return true;
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
          if (ch instanceof EpollDatagramChannel) {
            // Only now: bound without it, a port another worker holds still fails to bind (so two
            // workers never share a port); set after bind, it lets the per-tuple readers join.
            ch.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
          }
          RtcUdpSocket socket = new RtcUdpSocket(ch, holder, clock);
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
    ch.config().setOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
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

  /**
   * Maps a tuple ICE validated; a newer transport on the same tuple takes it over. With epoll the
   * tuple also gets its own connected reader (class javadoc).
   */
  void mapTuple(InetSocketAddress remote, Endpoint endpoint) {
    byTuple.put(remote, endpoint);
    if (isEpoll() && channel.isOpen() && !tupleChannels.containsKey(remote)) {
      openTupleChannel(remote);
    }
  }

  /** Unmaps {@code remote} only when it still points at {@code endpoint}; closes its reader. */
  void unmapTuple(InetSocketAddress remote, Endpoint endpoint) {
    if (byTuple.remove(remote, endpoint)) {
      Channel c = tupleChannels.remove(remote);
      tupleKernel.remove(remote);
      if (c != null) {
        c.close();
      }
    }
  }

  private void openTupleChannel(InetSocketAddress remote) {
    DatagramChannel ch = newChannel();
    ch.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
    FixedRecvByteBufAllocator reads = new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ);
    reads.respectMaybeMoreData(false);
    reads.maxMessagesPerRead(TUPLE_DATAGRAMS_PER_WAKE);
    ch.config().setRecvByteBufAllocator(reads);
    ch.pipeline().addLast(holder);
    tupleChannels.put(remote, ch);
    tupleKernel.put(remote, KernelUdpCounters.forFd(((EpollDatagramChannel) ch).fd().intValue()));
    channel.eventLoop().register(ch).addListener(reg -> {
      if (!reg.isSuccess()) {
        tupleChannelFailed(remote, ch);
        return;
      }
      ch.bind(localAddress).addListener(b -> {
        if (!b.isSuccess()) {
          tupleChannelFailed(remote, ch);
          return;
        }
        ch.connect(remote).addListener(c -> {
          if (!c.isSuccess()) {
            tupleChannelFailed(remote, ch);
          }
        });
      });
    });
  }

  /** The shared socket still serves the tuple; only the isolation is lost. Counted. */
  private void tupleChannelFailed(InetSocketAddress remote, Channel ch) {
    if (tupleChannels.remove(remote, ch)) { // not when unmapTuple closed it first
      tupleChannelFailures++;
      tupleKernel.remove(remote);
    }
    ch.close();
  }

  /** Kernel drops summed over the open per-tuple readers' own queues. Loop only; reads /proc. */
  public long tupleKernelDrops() {
    return KernelUdpCounters.sumDrops(tupleKernel.values());
  }

  /** Connected per-tuple readers open now (epoll). Loop only. */
  int tupleChannelCount() {
    return tupleChannels.size();
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
    int bytes = datagram.readableBytes();
    datagramsSent++;
    bytesSent += bytes;
    DatagramPacket packet = new DatagramPacket(datagram, remote);
    channel.write(packet, channel.voidPromise());
    unflushedBytes += bytes;
    if (unflushedBytes >= FLUSH_EVERY_BYTES) {
      // A fan-out burst (a read batch of up to 64 packets, each to hundreds of consumers) would
      // otherwise queue megabytes before the batch's one flush, cross the high water mark and be
      // dropped as NOT_WRITABLE (measured: 247,540 drops in 15 s at 1,000 consumers).
      flushNow();
    } else if (inReadBatch) {
      flushPending = true;
    } else if (!flushScheduled) {
      flushScheduled = true;
      channel.eventLoop().execute(flushTask);
    }
  }

  private void flushNow() {
    unflushedBytes = 0;
    flushPending = false;
    channel.flush();
  }

  private void flushScheduledWrites() {
    flushScheduled = false;
    flushNow();
  }

  /** Closes the channel; further sends are dropped. Loop only; idempotent. */
  void close() {
    byUfrag.clear();
    byTuple.clear();
    for (Channel c : tupleChannels.values()) {
      c.close();
    }
    tupleChannels.clear();
    tupleKernel.clear();
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
    if (e.onStun(msg, remote, clock.getAsLong())) {
      stunDelivered++;
    } else {
      drops[RtcDropReason.STUN_BAD_INTEGRITY.ordinal()]++;
    }
  }

  /**
   * Whether a STUN error response to {@code remote} answering a {@code requestLength}-byte request
   * may be sent: never more bytes than were received (no amplification), and within the per-source
   * and per-socket budgets ({@link StunErrorBudget}). Counts the suppressed ones. Loop only.
   */
  boolean mayAnswerWithError(InetSocketAddress remote, int requestLength, int responseLength,
      long nowMs) {
    if (responseLength > requestLength) {
      stunErrorsTooLarge++;
      return false;
    }
    return stunErrors.tryAcquire(remote, nowMs);
  }

  private void onReadComplete() {
    inReadBatch = false;
    if (flushPending) {
      flushNow();
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

  /** STUN error responses not sent: over a rate budget, or larger than the request. Loop only. */
  public long stunErrorsSuppressed() {
    return stunErrors.suppressed() + stunErrorsTooLarge;
  }

  /** SO_RCVBUF as the kernel reports it (Linux: twice the granted size). */
  public int receiveBufferBytes() {
    return receiveBufferBytes;
  }

  /**
   * The kernel's counters for this socket: datagrams it dropped because the receive queue was
   * full (before sfu4j saw them) and bytes queued now. Reads /proc; any thread; not per packet.
   */
  public KernelUdpCounters.Sample kernelCounters() {
    return kernel.sample();
  }

  /** Exceptions caught at the channel edge (a bug if ever non-zero). */
  public long unexpectedErrors() {
    return unexpectedErrors;
  }

  /**
   * Counters for stats/metrics: received/delivered/sent and one entry per drop reason. Loop only;
   * the kernel's counters are not in it (see {@link #kernelProbe()}: they are read off the loop).
   */
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
    s.put("stunErrorsSuppressed", stunErrorsSuppressed());
    s.put("tupleChannels", tupleChannels.size());
    s.put("tupleChannelFailures", tupleChannelFailures);
    s.put("portUnreachable", portUnreachable);
    s.put("receiveBufferBytes", receiveBufferBytes);
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
   * A copy of which kernel sockets back this one (the shared socket and the per-tuple readers),
   * taken on the loop, so their /proc counters can be read OFF the loop: reading /proc/net/udp is
   * blocking file I/O that grows with the host's socket count. Loop only.
   */
  KernelProbe kernelProbe() {
    return new KernelProbe(kernel, new ArrayList<>(tupleKernel.values()));
  }

  /** The kernel-side counters of one {@link RtcUdpSocket}; any thread, not per packet. */
  static final class KernelProbe {
    private final KernelUdpCounters shared;
    private final List<KernelUdpCounters> tuples;

    KernelProbe(KernelUdpCounters shared, List<KernelUdpCounters> tuples) {
      this.shared = shared;
      this.tuples = tuples;
    }

    /**
     * Adds {@code kernelDrops}, {@code kernelReceiveQueueBytes} (shared socket) and {@code
     * tupleKernelDrops} (the validated peers' own queues: a flood reached them too) to {@code
     * stats}. Reads /proc: never call it on an event loop.
     */
    void addTo(Map<String, Object> stats) {
      KernelUdpCounters.Sample k = shared.sample();
      stats.put("kernelDrops", k.drops());
      stats.put("kernelReceiveQueueBytes", k.receiveQueueBytes());
      stats.put("tupleKernelDrops", KernelUdpCounters.sumDrops(tuples));
    }
  }

  /**
   * The handler of the shared channel and of every per-tuple reader: unwraps {@link
   * DatagramPacket}s into {@link #onDatagram} and releases each exactly once. Bound before the
   * socket object exists (bind is asynchronous).
   */
  @io.netty.channel.ChannelHandler.Sharable
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
        if (cause instanceof java.net.PortUnreachableException) {
          s.portUnreachable++; // ICMP for a connected reader: the peer's port went away
        } else {
          s.unexpectedErrors++;
        }
      }
    }
  }
}
