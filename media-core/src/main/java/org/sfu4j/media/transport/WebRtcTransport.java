package org.sfu4j.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.IceLiteAgent;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.ice.IceState;
import org.sfu4j.ice.StunMessage;
import org.sfu4j.media.InvalidStateException;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.Transport;
import org.sfu4j.media.engine.TransportContext;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.srtp.DtlsCertificate;
import org.sfu4j.srtp.CryptoWarmUp;
import org.sfu4j.srtp.DtlsEndpoint;
import org.sfu4j.srtp.DtlsHandshakeExecutor;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsParameters;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;
import org.sfu4j.srtp.SrtpKeys;
import org.sfu4j.srtp.SrtpProfile;
import org.sfu4j.srtp.SrtpResult;
import org.sfu4j.srtp.SrtpSession;

/**
 * mediasoup's WebRtcTransport: ICE-lite + DTLS-SRTP over the worker's shared UDP socket.
 *
 * <p>Life: created with local ICE credentials, host candidates (one per listen info, on the
 * worker's port for that ip) and DTLS parameters (role "auto", the worker certificate's
 * fingerprints). Connectivity checks with our ufrag validate remote tuples, which are then mapped
 * in the socket's tuple demux; the nominated one is the selected tuple every send goes to.
 * {@link #connect} resolves the DTLS role like mediasoup (remote "client" → we are server; remote
 * "server" or "auto" → we are client, since a lite agent is ICE-controlled) and the handshake runs
 * on the worker's handshake executor — as client once ICE is connected. On DTLS connected the
 * exported keys make one {@link SrtpSession} (both directions) and the transport becomes ready.
 * ICE consent expiry (no valid check for 30 s) makes it "disconnected", 30 s later "closed", and a
 * closed ICE or a failed/closed DTLS closes the transport, releasing ufrag, tuples, DTLS endpoint
 * and SRTP contexts.
 *
 * <p>Packet path (loop): SRTP from a mapped tuple → copied once into a pooled heap buffer →
 * unprotected in place → RTCP when the second byte is 192-223 (RFC 5761) else RTP → engine.
 * Outbound engine buffers are protected in place (they carry SRTP tail room) and written to the
 * selected tuple without flush during a read batch.
 */
public final class WebRtcTransport extends Transport {
  /** ICE/DTLS events, delivered on the worker's loop. */
  public interface StateListener {
    default void onIceStateChange(IceState state) {}

    default void onIceSelectedTupleChange(TransportTuple tuple) {}

    default void onDtlsStateChange(DtlsState state, String reason) {}
  }

  /** One listen socket of this transport; the socket's demux calls into it. */
  private final class Binding implements RtcUdpSocket.Endpoint {
    final RtcUdpSocket socket;

    Binding(RtcUdpSocket socket) {
      this.socket = socket;
    }

    @Override
    public boolean onStun(StunMessage stun, InetSocketAddress remote, long nowMs) {
      return handleStun(this, stun, remote, nowMs);
    }

    @Override
    public void onDtls(ByteBuf datagram, InetSocketAddress remote) {
      handleDtls(datagram);
    }

    @Override
    public void onSrtp(ByteBuf datagram, InetSocketAddress remote, long nowMs) {
      handleSrtp(datagram, nowMs);
    }
  }

  private final WorkerRtcNetwork network;
  private final EventLoop loop;
  private final IceLiteAgent ice;
  private final List<Binding> bindings;
  private final List<IceCandidate> candidates;
  private final DtlsCertificate certificate;
  private final DtlsEndpoint dtls;
  private final Map<InetSocketAddress, Binding> tupleBindings = new HashMap<>(4);
  private final List<StateListener> stateListeners = new ArrayList<>();

  private volatile IceParameters iceParameters;
  private volatile IceState iceState = IceState.NEW;
  private volatile TransportTuple selectedTupleView;
  private volatile DtlsState dtlsState = DtlsState.NEW;
  private volatile DtlsRole localRole = DtlsRole.AUTO;
  private volatile SrtpProfile srtpProfile;

  /** The binding whose socket delivered the STUN message being handled (for tuple mapping). */
  private Binding stunBinding;
  private InetSocketAddress selectedTuple;
  private Binding selectedBinding;
  private List<DtlsFingerprint> remoteFingerprints;
  private boolean dtlsStarted;
  private SrtpSession srtp;
  private boolean transportClosed;

  private long srtpNotReady;
  private long srtpUnprotectFailed;
  private long srtpProtectFailed;
  private long sendNotReady;
  private long outboundCopies;
  private long dtlsNoTuple;

  private WebRtcTransport(TransportContext ctx, WorkerRtcNetwork network,
      List<RtcUdpSocket> sockets, List<IceCandidate> candidates, WebRtcTransportOptions o) {
    super(ctx, o.appData);
    this.network = network;
    this.loop = ctx.eventLoop();
    this.ice = new IceLiteAgent(new IceEvents());
    this.iceParameters = ice.iceParameters();
    this.candidates = Collections.unmodifiableList(candidates);
    this.certificate = network.certificate();
    this.dtls = new DtlsEndpoint(certificate, network.handshakes(), new DtlsEvents());
    List<Binding> bs = new ArrayList<>(sockets.size());
    for (RtcUdpSocket s : sockets) {
      Binding b = new Binding(s);
      bs.add(b);
      s.mapUfrag(ice.usernameFragment(), b);
    }
    this.bindings = Collections.unmodifiableList(bs);
    network.add(this);
  }

  /**
   * Creates a transport on {@code router}: opens (or reuses) the worker's UDP socket per listen
   * ip, then registers the transport through the router's transport seam. Completes
   * exceptionally with IllegalArgumentException/UnsupportedException for bad options.
   */
  public static CompletableFuture<WebRtcTransport> create(Router router,
      WebRtcTransportOptions options) {
    List<ListenInfo> infos;
    List<InetAddress> ips;
    try {
      infos = validate(options);
      ips = new ArrayList<>();
      for (ListenInfo li : infos) {
        ips.add(literalAddress(li.ip));
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Worker worker = router.worker();
    CompletableFuture<List<RtcUdpSocket>> socketsFuture = onLoop(worker.eventLoop(), () -> {
      WorkerRtcNetwork net = WorkerRtcNetwork.of(worker);
      List<CompletableFuture<RtcUdpSocket>> fs = new ArrayList<>();
      for (InetAddress ip : ips) {
        fs.add(net.socket(ip));
      }
      // The first transport of a worker also waits (off the loop) for its DTLS certificate.
      return CompletableFuture.allOf(CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0])),
              net.certificateReady())
          .thenApply(v -> {
            List<RtcUdpSocket> l = new ArrayList<>();
            for (CompletableFuture<RtcUdpSocket> f : fs) {
              l.add(f.join());
            }
            return l;
          });
    }).thenCompose(f -> f);
    return socketsFuture.thenCompose(sockets -> router.createTransport(ctx -> {
      WorkerRtcNetwork net = WorkerRtcNetwork.of(worker);
      List<IceCandidate> cands = new ArrayList<>();
      for (int i = 0; i < infos.size(); i++) {
        ListenInfo li = infos.get(i);
        String announced = li.announcedAddress != null && !li.announcedAddress.isEmpty()
            ? li.announcedAddress : li.ip;
        // Earlier listen infos are preferred, as in mediasoup.
        int localPreference = Math.max(0, 65535 - i * 1000);
        cands.add(IceCandidate.host(announced, "udp", sockets.get(i).localAddress().getPort(),
            localPreference));
      }
      return new WebRtcTransport(ctx, net, sockets, cands, options);
    }));
  }

  private static List<ListenInfo> validate(WebRtcTransportOptions o) {
    if (o == null) {
      throw new IllegalArgumentException("options are required");
    }
    if (!o.enableUdp && !o.enableTcp) {
      throw new IllegalArgumentException("at least one of enableUdp and enableTcp is required");
    }
    if (!o.enableUdp) {
      throw new UnsupportedException("ICE-TCP is not implemented: enableUdp is required");
    }
    if (o.listenInfos == null || o.listenInfos.isEmpty()) {
      throw new IllegalArgumentException("listenInfos must not be empty");
    }
    List<ListenInfo> udp = new ArrayList<>();
    for (ListenInfo li : o.listenInfos) {
      if (li == null || li.ip == null || li.ip.isEmpty()) {
        throw new IllegalArgumentException("listenInfos[].ip is required");
      }
      String proto = li.protocol == null ? "udp" : li.protocol.toLowerCase(Locale.ROOT);
      if (proto.equals("udp")) {
        udp.add(li);
      } else if (!proto.equals("tcp")) {
        throw new IllegalArgumentException("listenInfos[].protocol must be udp or tcp: "
            + li.protocol);
      }
    }
    if (udp.isEmpty()) {
      throw new UnsupportedException("no udp listenInfo (ICE-TCP is not implemented)");
    }
    return udp;
  }

  /** Parses an IP literal without DNS (a hostname here is a configuration error). */
  private static InetAddress literalAddress(String ip) {
    boolean literal = ip.indexOf(':') >= 0 || ip.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    if (!literal) {
      throw new IllegalArgumentException("listenInfos[].ip must be an IP address: " + ip);
    }
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad listen ip: " + ip);
    }
  }

  private static <T> CompletableFuture<T> onLoop(EventLoop loop, Supplier<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Runnable r = () -> {
      try {
        f.complete(work.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    };
    if (loop.inEventLoop()) {
      r.run();
    } else {
      try {
        loop.execute(r);
      } catch (RejectedExecutionException e) {
        f.completeExceptionally(new InvalidStateException("worker closed"));
      }
    }
    return f;
  }

  private void post(Runnable r) {
    try {
      loop.execute(r);
    } catch (RejectedExecutionException e) {
      // worker gone: nothing left to update
    }
  }

  // ------------------------------------------------------------------ public API

  /** Current local ICE parameters {@code {usernameFragment, password, iceLite: true}}. */
  public IceParameters iceParameters() {
    return iceParameters;
  }

  /** Host candidates, one per UDP listen info. */
  public List<IceCandidate> iceCandidates() {
    return candidates;
  }

  /**
   * Local DTLS parameters: role "auto" until {@link #connect}, then the resolved local role (as
   * mediasoup reports it); fingerprints of the worker certificate, sha-1 .. sha-512.
   */
  public DtlsParameters dtlsParameters() {
    return new DtlsParameters(localRole, certificate.fingerprints());
  }

  public IceState iceState() {
    return iceState;
  }

  /** The selected tuple, or null before ICE connected / after consent loss. */
  public TransportTuple iceSelectedTuple() {
    return selectedTupleView;
  }

  public DtlsState dtlsState() {
    return dtlsState;
  }

  /** The negotiated SRTP profile once DTLS connected, else null. */
  public SrtpProfile srtpProfile() {
    return srtpProfile;
  }

  /** "controlled": an ICE-lite agent never controls. */
  public String iceRole() {
    return "controlled";
  }

  public void addStateListener(StateListener listener) {
    post(() -> stateListeners.add(listener));
  }

  public void removeStateListener(StateListener listener) {
    post(() -> stateListeners.remove(listener));
  }

  /**
   * Gives the remote DTLS parameters. Role: remote "client" → local server; remote "server" or
   * "auto" (or absent) → local client. May be called once.
   */
  public CompletableFuture<Void> connect(DtlsParameters remote) {
    return onLoop(loop, () -> {
      connectNow(remote);
      return null;
    });
  }

  private void connectNow(DtlsParameters remote) {
    if (transportClosed) {
      throw new InvalidStateException("transport closed");
    }
    if (remoteFingerprints != null) {
      throw new InvalidStateException("connect() already called");
    }
    if (remote == null || remote.getFingerprints() == null
        || remote.getFingerprints().isEmpty()) {
      throw new IllegalArgumentException("dtlsParameters.fingerprints must not be empty");
    }
    boolean usable = false;
    for (DtlsFingerprint fp : remote.getFingerprints()) {
      if (fp != null && DtlsCertificate.isSupportedAlgorithm(fp.getAlgorithm())
          && fp.getValue() != null) {
        usable = true;
      }
    }
    if (!usable) {
      throw new IllegalArgumentException("dtlsParameters.fingerprints: no supported algorithm");
    }
    DtlsRole remoteRole = remote.getRole() == null ? DtlsRole.AUTO : remote.getRole();
    localRole = remoteRole == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
    remoteFingerprints = new ArrayList<>(remote.getFingerprints());
    mayStartDtls();
  }

  /**
   * mediasoup's MayRunDtlsTransport: a server may start at once (it waits for the ClientHello,
   * which may already be queued); a client needs a selected tuple to send its ClientHello to.
   */
  private void mayStartDtls() {
    if (dtlsStarted || remoteFingerprints == null || transportClosed) {
      return;
    }
    if (localRole == DtlsRole.CLIENT
        && !(iceState == IceState.CONNECTED || iceState == IceState.COMPLETED)) {
      return;
    }
    dtlsStarted = true;
    setDtlsState(DtlsState.CONNECTING, null);
    try {
      dtls.start(localRole, remoteFingerprints);
    } catch (RuntimeException e) {
      setDtlsState(DtlsState.FAILED, e.getMessage());
      close();
    }
  }

  /**
   * ICE restart: new ufrag and password; the old ufrag is released from the demux at once,
   * tuples, selected tuple, DTLS, SRTP, producers and consumers stay.
   */
  public CompletableFuture<IceParameters> restartIce() {
    return onLoop(loop, () -> {
      if (transportClosed) {
        throw new InvalidStateException("transport closed");
      }
      String old = ice.usernameFragment();
      IceParameters p = ice.restartIce();
      for (Binding b : bindings) {
        b.socket.unmapUfrag(old, b);
        b.socket.mapUfrag(ice.usernameFragment(), b);
      }
      iceParameters = p;
      return p;
    });
  }

  /**
   * Counters of the worker's UDP socket(s) this transport listens on: copies taken on the loop,
   * the kernel's per-socket counters read from /proc off the loop.
   */
  public CompletableFuture<List<Map<String, Object>>> socketStats() {
    return onLoop(loop, () -> {
      List<RtcUdpSocket> sockets = new ArrayList<>();
      for (Binding b : bindings) {
        sockets.add(b.socket);
      }
      return WorkerRtcNetwork.withKernel(sockets);
    }).thenCompose(f -> f);
  }

  /**
   * The worker's DTLS handshake executor, shared by all its transports and outliving them; its
   * counters are thread-safe reads (for /metrics). Do not close it: the worker does.
   */
  public DtlsHandshakeExecutor handshakeExecutor() {
    return network.handshakes();
  }

  // ------------------------------------------------------------------ inbound (loop)

  /**
   * Lets the ICE agent answer {@code stun}; error responses go out only within the socket's
   * budget. Returns false when the request failed MESSAGE-INTEGRITY.
   */
  private boolean handleStun(Binding binding, StunMessage stun, InetSocketAddress remote,
      long nowMs) {
    if (transportClosed) {
      return true;
    }
    long badBefore = ice.badIntegrity();
    stunBinding = binding;
    ByteBuf response;
    try {
      response = ice.handleRequest(stun, remote, allocator(), nowMs);
    } finally {
      stunBinding = null;
    }
    if (response != null) {
      if (isErrorResponse(response) && !binding.socket.mayAnswerWithError(remote, stun.length(),
          response.readableBytes(), nowMs)) {
        response.release();
      } else {
        binding.socket.send(response, remote);
      }
    }
    return ice.badIntegrity() == badBefore;
  }

  /** STUN class bits (RFC 8489 §5: C1 = 0x0100, C0 = 0x0010) both set: an error response. */
  private static boolean isErrorResponse(ByteBuf stun) {
    return (stun.getUnsignedShort(stun.readerIndex()) & 0x0110) == 0x0110;
  }

  private void handleDtls(ByteBuf datagram) {
    if (!transportClosed) {
      dtls.receive(datagram);
    }
  }

  /** SRTP/SRTCP from a validated tuple. Neither retains nor releases {@code datagram}. */
  private void handleSrtp(ByteBuf datagram, long nowMs) {
    SrtpSession session = srtp;
    if (session == null || transportClosed) {
      srtpNotReady++;
      return;
    }
    int len = datagram.readableBytes();
    if (len < 2) {
      srtpUnprotectFailed++;
      return;
    }
    ByteBuf heap = datagram;
    if (!datagram.hasArray()) {
      // The one copy of the receive path: epoll reads into direct memory, jitsi-srtp needs an array.
      heap = allocator().heapBuffer(len, len);
      heap.writeBytes(datagram, datagram.readerIndex(), len);
    }
    try {
      int second = heap.getUnsignedByte(heap.readerIndex() + 1);
      if (second >= 192 && second <= 223) {
        if (session.unprotectRtcp(heap) != SrtpResult.OK) {
          srtpUnprotectFailed++;
          return;
        }
        receiveRtcp(heap, nowMs);
      } else {
        if (session.unprotectRtp(heap) != SrtpResult.OK) {
          srtpUnprotectFailed++;
          return;
        }
        receiveRtp(heap, nowMs);
      }
    } finally {
      if (heap != datagram) {
        heap.release();
      }
    }
  }

  // ------------------------------------------------------------------ outbound (loop)

  /** Protects {@code packet} in place and writes it to the selected tuple. TAKES OWNERSHIP. */
  @Override
  protected void sendRtp(Consumer consumer, ByteBuf packet) {
    sendProtected(packet, false);
  }

  /** Protects an engine RTCP packet and writes it to the selected tuple. TAKES OWNERSHIP. */
  @Override
  protected void sendRtcp(ByteBuf packet) {
    sendProtected(packet, true);
  }

  /** TAKES OWNERSHIP of {@code packet}: it is sent (the socket releases it) or released here. */
  private void sendProtected(ByteBuf packet, boolean rtcp) {
    SrtpSession session = srtp;
    Binding b = selectedBinding;
    if (session == null || b == null || transportClosed) {
      sendNotReady++;
      packet.release();
      return;
    }
    ByteBuf out = packet;
    try {
      out = protectable(packet, session.profile());
    } finally {
      if (out != packet) {
        packet.release();
      }
    }
    SrtpResult r = rtcp ? session.protectRtcp(out) : session.protectRtp(out);
    if (r != SrtpResult.OK) {
      srtpProtectFailed++;
      out.release();
      return;
    }
    b.socket.send(toDirect(out), selectedTuple);
  }

  /**
   * The native socket sends from direct memory only, so Netty would copy a heap datagram into a
   * new direct buffer (and a new packet wrapper) on write anyway; copying here instead hands the
   * heap buffer back at once, so the engine reuses it for the next packet (see the engine's
   * reusable send buffer) instead of allocating and freeing one per forwarded packet.
   * RELEASES {@code packet} when it returns a copy; the caller owns what is returned.
   */
  private ByteBuf toDirect(ByteBuf packet) {
    if (packet.isDirect()) {
      return packet;
    }
    int len = packet.readableBytes();
    ByteBuf direct = allocator().directBuffer(len, len);
    try {
      direct.writeBytes(packet, packet.readerIndex(), len);
    } finally {
      packet.release();
    }
    return direct;
  }

  /**
   * {@code packet} itself when it is a heap buffer with room for the SRTP trailer, else a pooled
   * heap copy with room (the engine's RTP buffers always qualify; RTCP may not). Neither releases
   * nor retains {@code packet}.
   */
  private ByteBuf protectable(ByteBuf packet, SrtpProfile profile) {
    int room = profile.maxOverhead();
    if (packet.hasArray() && packet.capacity() - packet.writerIndex() >= room) {
      return packet;
    }
    outboundCopies++;
    int len = packet.readableBytes();
    ByteBuf copy = allocator().heapBuffer(len + room);
    copy.writeBytes(packet, packet.readerIndex(), len);
    return copy;
  }

  @Override
  protected boolean isReadyToSend() {
    return srtp != null && selectedBinding != null;
  }

  // ------------------------------------------------------------------ ICE (loop)

  void tickConsent(long nowMs) {
    if (!transportClosed) {
      ice.tick(nowMs);
    }
  }

  private final class IceEvents implements IceLiteAgent.Listener {
    @Override
    public void onStateChange(IceState state) {
      iceState = state;
      for (StateListener l : new ArrayList<>(stateListeners)) {
        l.onIceStateChange(state);
      }
      if (state == IceState.CONNECTED || state == IceState.COMPLETED) {
        mayStartDtls();
      } else if (state == IceState.DISCONNECTED) {
        selectedTuple = null;
        selectedBinding = null;
        selectedTupleView = null;
      } else if (state == IceState.CLOSED) {
        close();
      }
    }

    @Override
    public void onSelectedTupleChange(InetSocketAddress tuple) {
      Binding b = tupleBindings.get(tuple);
      if (b == null) {
        return;
      }
      selectedTuple = tuple;
      selectedBinding = b;
      TransportTuple view = TransportTuple.udp(b.socket.localAddress(), tuple);
      selectedTupleView = view;
      for (StateListener l : new ArrayList<>(stateListeners)) {
        l.onIceSelectedTupleChange(view);
      }
    }

    @Override
    public void onTupleAdded(InetSocketAddress tuple) {
      Binding b = stunBinding;
      if (b == null) {
        return;
      }
      tupleBindings.put(tuple, b);
      b.socket.mapTuple(tuple, b);
    }

    @Override
    public void onTupleRemoved(InetSocketAddress tuple) {
      Binding b = tupleBindings.remove(tuple);
      if (b != null) {
        b.socket.unmapTuple(tuple, b);
      }
    }
  }

  // ------------------------------------------------------------------ DTLS (any thread → loop)

  private final class DtlsEvents implements DtlsEndpoint.Listener {
    @Override
    public void onOutgoing(byte[] datagram) {
      post(() -> sendDtls(datagram));
    }

    /**
     * Posted only once the process' crypto warm-up finished (at once in practice: it starts with
     * the worker), so the SRTP session and the first packets never run a cold crypto path on the
     * loop. Never blocks.
     */
    @Override
    public void onConnected(SrtpProfile profile, SrtpKeys keys) {
      CryptoWarmUp.start().thenRun(() -> post(() -> onDtlsConnected(profile, keys)));
    }

    @Override
    public void onFailed(String reason) {
      post(() -> onDtlsEnded(DtlsState.FAILED, reason));
    }

    @Override
    public void onClosed() {
      post(() -> onDtlsEnded(DtlsState.CLOSED, "close_notify"));
    }
  }

  private void sendDtls(byte[] datagram) {
    Binding b = selectedBinding;
    if (transportClosed || b == null) {
      dtlsNoTuple++;
      return;
    }
    ByteBuf buf = allocator().buffer(datagram.length);
    buf.writeBytes(datagram);
    b.socket.send(buf, selectedTuple);
  }

  private void onDtlsConnected(SrtpProfile profile, SrtpKeys keys) {
    if (transportClosed) {
      return;
    }
    srtp = SrtpSession.create(profile, keys);
    srtpProfile = profile;
    setDtlsState(DtlsState.CONNECTED, null);
  }

  private void onDtlsEnded(DtlsState state, String reason) {
    if (transportClosed) {
      return;
    }
    setDtlsState(state, reason);
    close();
  }

  private void setDtlsState(DtlsState state, String reason) {
    if (dtlsState == state) {
      return;
    }
    dtlsState = state;
    for (StateListener l : new ArrayList<>(stateListeners)) {
      l.onDtlsStateChange(state, reason);
    }
  }

  // ------------------------------------------------------------------ close, stats

  @Override
  protected void onClose() {
    transportClosed = true;
    network.remove(this);
    for (Binding b : bindings) {
      b.socket.unmapUfrag(ice.usernameFragment(), b);
      b.socket.unmapUfrag(ice.previousUsernameFragment(), b);
    }
    for (Map.Entry<InetSocketAddress, Binding> e : tupleBindings.entrySet()) {
      e.getValue().socket.unmapTuple(e.getKey(), e.getValue());
    }
    tupleBindings.clear();
    ice.close();
    iceState = IceState.CLOSED;
    selectedTuple = null;
    selectedBinding = null;
    selectedTupleView = null;
    dtls.close();
    if (dtlsState != DtlsState.FAILED) {
      dtlsState = DtlsState.CLOSED;
    }
    if (srtp != null) {
      srtp.close();
      srtp = null;
    }
    stateListeners.clear();
  }

  /** Remote tuples mapped in the socket demux for this transport (tests: 0 after close). */
  int mappedTupleCount() {
    return tupleBindings.size();
  }

  @Override
  protected void fillStats(Map<String, Object> stats) {
    stats.put("iceRole", iceRole());
    stats.put("iceState", iceState.jsonName());
    TransportTuple t = selectedTupleView;
    if (t != null) {
      Map<String, Object> tuple = new LinkedHashMap<>();
      tuple.put("localAddress", t.getLocalAddress());
      tuple.put("localPort", t.getLocalPort());
      tuple.put("remoteIp", t.getRemoteIp());
      tuple.put("remotePort", t.getRemotePort());
      tuple.put("protocol", t.getProtocol());
      stats.put("iceSelectedTuple", tuple);
    }
    stats.put("dtlsState", dtlsState.name().toLowerCase(Locale.ROOT));
    stats.put("iceRequestsOk", ice.requestsOk());
    stats.put("iceBadIntegrity", ice.badIntegrity());
    stats.put("iceUnknownUfrag", ice.unknownUsernameFragment());
    stats.put("iceMalformed", ice.malformed());
    stats.put("iceRoleConflicts", ice.roleConflicts());
    stats.put("dtlsDroppedDatagrams", dtls.droppedDatagrams());
    stats.put("srtpNotReady", srtpNotReady);
    stats.put("srtpUnprotectFailed", srtpUnprotectFailed);
    stats.put("srtpProtectFailed", srtpProtectFailed);
    stats.put("sendNotReady", sendNotReady);
    stats.put("outboundCopies", outboundCopies);
    stats.put("dtlsNoTuple", dtlsNoTuple);
    SrtpSession s = srtp;
    if (s != null) {
      stats.put("srtpAuthFailed", s.counters().authFailed());
      stats.put("srtpReplayed", s.counters().replayed());
    }
  }

  @Override
  protected String typeName() {
    return "webrtc-transport";
  }
}
