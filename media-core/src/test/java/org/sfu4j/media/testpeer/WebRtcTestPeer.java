package org.sfu4j.media.testpeer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.IceParameters;
import org.sfu4j.media.transport.WebRtcTransport;
import org.sfu4j.srtp.DtlsFingerprint;
import org.sfu4j.srtp.DtlsParameters;
import org.sfu4j.srtp.DtlsRole;

/**
 * A small WebRTC endpoint for tests and the load tool, built from independent parts: its own
 * STUN encoder (controlling ICE client: USERNAME remote:local, PRIORITY, ICE-CONTROLLING,
 * USE-CANDIDATE, MESSAGE-INTEGRITY with the server's password, FINGERPRINT), BouncyCastle's own
 * {@link DTLSClientProtocol} / {@link DTLSServerProtocol} with its own certificate, and jitsi-srtp
 * contexts keyed from BouncyCastle's exported keying material (RFC 5764 §4.2). It talks from a
 * real {@link DatagramSocket} on 127.0.0.1; one receiver thread demultiplexes by first byte.
 *
 * <p>Thread-safe for one sending thread plus the receiver thread. Close it.
 */
public final class WebRtcTestPeer implements AutoCloseable {
  /** Every profile, AEAD first, as browsers offer them. Ids per RFC 5764/7714. */
  public static final int[] ALL_PROFILES = {0x0008, 0x0007, 0x0001, 0x0002};

  private static final Logger JITSI_JUL = Logger.getLogger("org.jitsi");
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    JITSI_JUL.setLevel(Level.OFF);
  }

  private final DatagramSocket socket;
  private final PeerCertificate certificate = PeerCertificate.generate();
  private final String localUfrag = randomToken(8);
  private final long tieBreaker = RANDOM.nextLong();
  private final BlockingQueue<byte[]> stunResponses = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> dtlsIn = new LinkedBlockingQueue<>(256);
  private final BlockingQueue<byte[]> rtpIn = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> rtcpIn = new LinkedBlockingQueue<>();
  private final AtomicLong unprotectFailures = new AtomicLong();
  private final AtomicLong datagramsReceived = new AtomicLong();
  private final Thread receiver;

  private volatile InetSocketAddress remote;
  private volatile IceParameters remoteIce;
  private volatile boolean closed;
  private volatile DTLSTransport dtls;
  private volatile int srtpProfileId = -1;
  private volatile byte[] remoteCertificateDer;
  private int[] offeredProfiles = ALL_PROFILES;
  private Srtp srtp;

  private WebRtcTestPeer(InetAddress bindAddress) throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(bindAddress, 0));
    receiver = new Thread(this::receiveLoop, "webrtc-test-peer-" + socket.getLocalPort());
    receiver.setDaemon(true);
    receiver.start();
  }

  /** A peer on 127.0.0.1 with a fresh certificate and ICE ufrag. */
  public static WebRtcTestPeer create() {
    return create(InetAddress.getLoopbackAddress());
  }

  /** A peer bound to {@code bindAddress} (a loopback address: 127.0.0.0/8 or ::1). */
  public static WebRtcTestPeer create(InetAddress bindAddress) {
    if (!bindAddress.isLoopbackAddress()) {
      throw new IllegalArgumentException("test peers only bind to loopback: " + bindAddress);
    }
    try {
      return new WebRtcTestPeer(bindAddress);
    } catch (SocketException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Restricts the use_srtp profiles offered/accepted (ids like 0x0001). Before DTLS. */
  public WebRtcTestPeer srtpProfiles(int... profileIds) {
    this.offeredProfiles = profileIds.clone();
    return this;
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public String localUfrag() {
    return localUfrag;
  }

  /** This peer's DTLS parameters as it would signal them: given role, sha-256 fingerprint. */
  public DtlsParameters dtlsParameters(DtlsRole role) {
    return new DtlsParameters(role,
        List.of(new DtlsFingerprint("sha-256", PeerCertificate.fingerprint("SHA-256", certificate.der))));
  }

  /** The negotiated SRTP profile id after DTLS, else -1. */
  public int srtpProfileId() {
    return srtpProfileId;
  }

  /** DER of the certificate the SFU presented. */
  public byte[] remoteCertificateDer() {
    return remoteCertificateDer;
  }

  /** SRTP/SRTCP packets that failed to decrypt here. */
  public long unprotectFailures() {
    return unprotectFailures.get();
  }

  public long datagramsReceived() {
    return datagramsReceived.get();
  }

  /** Decrypted RTP packets (full RTP headers) in arrival order. */
  public BlockingQueue<byte[]> receivedRtp() {
    return rtpIn;
  }

  /** Decrypted RTCP compound packets in arrival order. */
  public BlockingQueue<byte[]> receivedRtcp() {
    return rtcpIn;
  }

  // ------------------------------------------------------------------ ICE

  /**
   * Connects ICE and DTLS to {@code t} (which gets {@code connect()} with this peer's parameters
   * in {@code peerRole}), then waits for the handshake. Convenience for the common case.
   */
  public void connect(WebRtcTransport t, DtlsRole peerRole, Duration timeout) throws Exception {
    IceCandidate c = t.iceCandidates().get(0);
    connectIce(t.iceParameters(), new InetSocketAddress(c.getAddress(), c.getPort()), timeout);
    t.connect(dtlsParameters(peerRole)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    connectDtls(peerRole, t.dtlsParameters().getFingerprints(), timeout);
  }

  /**
   * Sends nominating connectivity checks to {@code server} until a success response arrives
   * (every 50 ms, as a controlling agent retransmits). Returns the round trips it took.
   */
  public int connectIce(IceParameters serverIce, InetSocketAddress server, Duration timeout)
      throws Exception {
    this.remoteIce = serverIce;
    this.remote = server;
    long deadline = System.nanoTime() + timeout.toNanos();
    int attempts = 0;
    while (System.nanoTime() < deadline) {
      attempts++;
      int type = check(true, Duration.ofMillis(50));
      if (type == 0x0101) {
        return attempts;
      }
      if (type == 0x0111) {
        throw new IllegalStateException("binding error response from " + server);
      }
    }
    throw new IllegalStateException("ICE: no binding success from " + server + " in " + timeout);
  }

  /**
   * Sends one check with the current server credentials and waits up to {@code wait} for its
   * response. Returns the response's message type (0x0101 success, 0x0111 error) or -1.
   */
  public int check(boolean useCandidate, Duration wait) throws Exception {
    IceParameters ice = remoteIce;
    byte[] tid = new byte[12];
    RANDOM.nextBytes(tid);
    byte[] req = PeerStun.bindingRequest(tid, ice.getUsernameFragment() + ":" + localUfrag,
        ice.getPassword(), IceCandidate.computePriority(110, 65535, 1), tieBreaker, useCandidate);
    sendRaw(req);
    long deadline = System.nanoTime() + wait.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      byte[] r = stunResponses.poll(left, TimeUnit.NANOSECONDS);
      if (r != null && PeerStun.transactionIdEquals(r, tid)) {
        return PeerStun.messageType(r, r.length);
      }
    }
    return -1;
  }

  /** After an ICE restart: new server credentials (same server address). */
  public void updateRemoteIce(IceParameters serverIce) {
    this.remoteIce = serverIce;
  }

  // ------------------------------------------------------------------ DTLS

  /**
   * Runs the DTLS handshake with BouncyCastle as {@code role} (CLIENT: DTLSClientProtocol,
   * SERVER: DTLSServerProtocol), accepting only a server certificate matching one of
   * {@code remoteFingerprints}, then keys jitsi-srtp. Blocks; throws on failure.
   */
  public void connectDtls(DtlsRole role, List<DtlsFingerprint> remoteFingerprints,
      Duration timeout) throws IOException {
    Pipe pipe = new Pipe();
    Handshake h = new Handshake(remoteFingerprints);
    if (role == DtlsRole.SERVER) {
      DTLSServerProtocol server = new DTLSServerProtocol();
      Server s = new Server(h, (int) timeout.toMillis());
      dtls = server.accept(s, pipe);
    } else {
      Client c = new Client(h, (int) timeout.toMillis());
      dtls = new DTLSClientProtocol().connect(c, pipe);
    }
    srtp = new Srtp(h.profileId, h.material, role != DtlsRole.SERVER);
    srtpProfileId = h.profileId;
  }

  /** Sends close_notify (the SFU transport should then close). */
  public void closeDtls() throws IOException {
    DTLSTransport t = dtls;
    if (t != null) {
      t.close();
    }
  }

  // ------------------------------------------------------------------ media

  /** Protects a plaintext RTP packet and sends it to the server tuple. */
  public void sendRtp(byte[] rtp) throws Exception {
    sendRaw(srtp.protectRtp(rtp));
  }

  /** Protects a plaintext RTCP compound packet and sends it. */
  public void sendRtcp(byte[] rtcp) throws Exception {
    sendRaw(srtp.protectRtcp(rtcp));
  }

  /** Protects without sending (for tests that tamper with or truncate the ciphertext). */
  public byte[] protectRtp(byte[] rtp) throws Exception {
    return srtp.protectRtp(rtp);
  }

  /** Sends raw bytes to the server tuple. */
  public void sendRaw(byte[] datagram) throws IOException {
    socket.send(new DatagramPacket(datagram, datagram.length, remote));
  }

  @Override
  public void close() {
    closed = true;
    socket.close();
    try {
      receiver.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ receive side

  private void receiveLoop() {
    byte[] buf = new byte[4096];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    while (!closed) {
      try {
        p.setLength(buf.length);
        socket.receive(p);
      } catch (IOException e) {
        return;
      }
      datagramsReceived.incrementAndGet();
      int len = p.getLength();
      if (len == 0) {
        continue;
      }
      byte[] d = Arrays.copyOf(buf, len);
      int first = d[0] & 0xff;
      if (first <= 3) {
        if (PeerStun.messageType(d, len) >= 0) {
          stunResponses.offer(d);
        }
      } else if (first >= 20 && first <= 63) {
        dtlsIn.offer(d);
      } else if (first >= 128 && first <= 191 && len >= 2) {
        Srtp s = srtp;
        if (s == null) {
          unprotectFailures.incrementAndGet();
          continue;
        }
        int second = d[1] & 0xff;
        byte[] plain;
        try {
          plain = second >= 192 && second <= 223 ? s.unprotectRtcp(d) : s.unprotectRtp(d);
        } catch (Exception e) {
          plain = null;
        }
        if (plain == null) {
          unprotectFailures.incrementAndGet();
        } else if (second >= 192 && second <= 223) {
          rtcpIn.offer(plain);
        } else {
          rtpIn.offer(plain);
        }
      }
    }
  }

  /** BouncyCastle's datagram view: reads what the receiver thread queued, writes to the socket. */
  private final class Pipe implements DatagramTransport {
    @Override
    public int getReceiveLimit() {
      return 1500;
    }

    @Override
    public int getSendLimit() {
      return 1200;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      try {
        byte[] d = dtlsIn.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (d == null) {
          return -1;
        }
        int n = Math.min(len, d.length);
        System.arraycopy(d, 0, buf, off, n);
        return n;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
      socket.send(new DatagramPacket(buf, off, len, remote));
    }

    @Override
    public void close() {}
  }

  // ------------------------------------------------------------------ BouncyCastle peers

  /** Both roles: our certificate is ECDSA, like a browser's; AEAD suites only. */
  private static final int[] ECDSA_GCM_SUITES = {
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384};

  /** State both BC roles share: expected fingerprints, chosen profile, exported keys. */
  private final class Handshake {
    final List<DtlsFingerprint> expected;
    volatile int profileId = -1;
    volatile byte[] material;

    Handshake(List<DtlsFingerprint> expected) {
      this.expected = expected;
    }

    void verify(Certificate chain) throws IOException {
      if (chain == null || chain.isEmpty()) {
        throw new TlsFatalAlert(AlertDescription.bad_certificate);
      }
      byte[] der = chain.getCertificateAt(0).getEncoded();
      remoteCertificateDer = der;
      for (DtlsFingerprint f : expected) {
        String jca = f.getAlgorithm().toUpperCase(java.util.Locale.ROOT);
        try {
          if (PeerCertificate.fingerprint(jca, der).equalsIgnoreCase(f.getValue())) {
            return;
          }
        } catch (IllegalStateException e) {
          // unknown digest name: try the next
        }
      }
      throw new TlsFatalAlert(AlertDescription.bad_certificate);
    }

    void export(TlsContext context) {
      int key = profileId == 0x0008 ? 32 : 16;
      int salt = profileId == 0x0007 || profileId == 0x0008 ? 12 : 14;
      material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, 2 * (key + salt));
    }

    TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) throws IOException {
      Certificate chain = new Certificate(
          new TlsCertificate[] {crypto.createCertificate(certificate.der)});
      return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
          certificate.privateKey, chain,
          SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }
  }

  private final class Client extends DefaultTlsClient {
    private final Handshake h;
    private final int timeoutMillis;

    Client(Handshake h, int timeoutMillis) {
      super(new BcTlsCrypto(RANDOM));
      this.h = h;
      this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return ECDSA_GCM_SUITES.clone();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
      Hashtable ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
      TlsSRTPUtils.addUseSRTPExtension(ext, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
      return ext;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
      super.processServerExtensions(serverExtensions);
      UseSRTPData d = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
      if (d == null || d.getProtectionProfiles().length != 1) {
        throw new TlsFatalAlert(AlertDescription.illegal_parameter);
      }
      h.profileId = d.getProtectionProfiles()[0];
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate serverCertificate)
            throws IOException {
          h.verify(serverCertificate.getCertificate());
        }

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
          return h.signer(context, (BcTlsCrypto) getCrypto());
        }
      };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      h.export(context);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
      return timeoutMillis;
    }
  }

  private final class Server extends DefaultTlsServer {
    private final Handshake h;
    private final int timeoutMillis;

    Server(Handshake h, int timeoutMillis) {
      super(new BcTlsCrypto(RANDOM));
      this.h = h;
      this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return ECDSA_GCM_SUITES.clone();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
      return h.signer(context, (BcTlsCrypto) getCrypto());
    }

    @Override
    public CertificateRequest getCertificateRequest() {
      return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign},
          TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
      h.verify(clientCertificate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
      super.processClientExtensions(clientExtensions);
      UseSRTPData d = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
      if (d == null) {
        throw new TlsFatalAlert(AlertDescription.handshake_failure);
      }
      for (int mine : offeredProfiles) {
        for (int theirs : d.getProtectionProfiles()) {
          if (mine == theirs) {
            h.profileId = mine;
            return;
          }
        }
      }
      throw new TlsFatalAlert(AlertDescription.handshake_failure);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
      Hashtable ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
      TlsSRTPUtils.addUseSRTPExtension(ext,
          new UseSRTPData(new int[] {h.profileId}, TlsUtils.EMPTY_BYTES));
      return ext;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      h.export(context);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
      return timeoutMillis;
    }
  }

  // ------------------------------------------------------------------ jitsi-srtp

  /** jitsi-srtp contexts from the raw exported material, split here per RFC 5764 §4.2. */
  private static final class Srtp {
    private final SrtpContextFactory send;
    private final SrtpContextFactory recv;
    private final Map<Integer, SrtpCryptoContext> sendRtp = new HashMap<>();
    private final Map<Integer, SrtpCryptoContext> recvRtp = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> sendRtcp = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> recvRtcp = new HashMap<>();

    Srtp(int profileId, byte[] m, boolean weAreClient) {
      boolean gcm = profileId == 0x0007 || profileId == 0x0008;
      int k = profileId == 0x0008 ? 32 : 16;
      int s = gcm ? 12 : 14;
      byte[] clientKey = Arrays.copyOfRange(m, 0, k);
      byte[] serverKey = Arrays.copyOfRange(m, k, 2 * k);
      byte[] clientSalt = Arrays.copyOfRange(m, 2 * k, 2 * k + s);
      byte[] serverSalt = Arrays.copyOfRange(m, 2 * k + s, 2 * k + 2 * s);
      SrtpPolicy rtp;
      SrtpPolicy rtcp;
      if (gcm) {
        rtp = new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, k, SrtpPolicy.NULL_AUTHENTICATION, 0,
            16, s);
        rtcp = rtp;
      } else {
        rtp = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, k, SrtpPolicy.HMACSHA1_AUTHENTICATION,
            20, profileId == 0x0002 ? 4 : 10, s);
        rtcp = new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, k, SrtpPolicy.HMACSHA1_AUTHENTICATION,
            20, 10, s);
      }
      LoggerImpl log = new LoggerImpl("webrtc-test-peer");
      log.setLevelOff();
      send = new SrtpContextFactory(true, weAreClient ? clientKey : serverKey,
          weAreClient ? clientSalt : serverSalt, rtp, rtcp, log);
      recv = new SrtpContextFactory(false, weAreClient ? serverKey : clientKey,
          weAreClient ? serverSalt : clientSalt, rtp, rtcp, log);
    }

    synchronized byte[] protectRtp(byte[] plain) throws Exception {
      int ssrc = readInt(plain, 8);
      SrtpCryptoContext c = sendRtp.get(ssrc);
      if (c == null) {
        c = send.deriveContext(ssrc, 0);
        sendRtp.put(ssrc, c);
      }
      Buf b = new Buf(plain);
      if (c.transformPacket(b) != SrtpErrorStatus.OK) {
        throw new IllegalStateException("protect failed");
      }
      return b.bytes();
    }

    synchronized byte[] protectRtcp(byte[] plain) throws Exception {
      int ssrc = readInt(plain, 4);
      SrtcpCryptoContext c = sendRtcp.get(ssrc);
      if (c == null) {
        c = send.deriveControlContext(ssrc);
        sendRtcp.put(ssrc, c);
      }
      Buf b = new Buf(plain);
      if (c.transformPacket(b) != SrtpErrorStatus.OK) {
        throw new IllegalStateException("protect failed");
      }
      return b.bytes();
    }

    byte[] unprotectRtp(byte[] d) throws Exception {
      if (d.length < 12) {
        return null;
      }
      int ssrc = readInt(d, 8);
      SrtpCryptoContext c = recvRtp.computeIfAbsent(ssrc, x -> derive(x));
      Buf b = new Buf(d);
      return c.reverseTransformPacket(b, false) == SrtpErrorStatus.OK ? b.bytes() : null;
    }

    byte[] unprotectRtcp(byte[] d) throws Exception {
      if (d.length < 8) {
        return null;
      }
      int ssrc = readInt(d, 4);
      SrtcpCryptoContext c = recvRtcp.get(ssrc);
      if (c == null) {
        c = recv.deriveControlContext(ssrc);
        recvRtcp.put(ssrc, c);
      }
      Buf b = new Buf(d);
      return c.reverseTransformPacket(b) == SrtpErrorStatus.OK ? b.bytes() : null;
    }

    private SrtpCryptoContext derive(int ssrc) {
      try {
        return recv.deriveContext(ssrc, 0);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static int readInt(byte[] b, int off) {
      return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
          | (b[off + 3] & 0xff);
    }
  }

  /** A growable byte[] view for jitsi-srtp (tags are appended in place). */
  private static final class Buf implements ByteArrayBuffer {
    private byte[] data;
    private int offset;
    private int length;

    Buf(byte[] packet) {
      data = Arrays.copyOf(packet, packet.length + 64);
      length = packet.length;
    }

    byte[] bytes() {
      return Arrays.copyOfRange(data, offset, offset + length);
    }

    @Override
    public byte[] getBuffer() {
      return data;
    }

    @Override
    public int getOffset() {
      return offset;
    }

    @Override
    public int getLength() {
      return length;
    }

    @Override
    public void setLength(int len) {
      length = len;
    }

    @Override
    public void setOffset(int off) {
      offset = off;
    }

    @Override
    public boolean isInvalid() {
      return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
      System.arraycopy(data, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
      if (offset + length + howMuch > data.length) {
        data = Arrays.copyOf(data, offset + length + howMuch);
      }
    }

    @Override
    public void append(byte[] src, int len) {
      grow(len);
      System.arraycopy(src, 0, data, offset + length, len);
      length += len;
    }

    @Override
    public void shrink(int len) {
      length = Math.max(0, length - len);
    }
  }

  private static String randomToken(int n) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
    }
    return sb.toString();
  }
}
