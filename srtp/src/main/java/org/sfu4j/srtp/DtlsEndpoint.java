package org.sfu4j.srtp;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 side of one transport: handshake with {@code use_srtp}, remote certificate
 * fingerprint check, SRTP key export, then alerts and close_notify.
 *
 * <p><b>Threads.</b> {@link #receive} is called on the transport's event loop and only copies the
 * datagram into a bounded queue (drops and counts when full). The handshake runs on a
 * {@link DtlsHandshakeExecutor} thread, which blocks in BouncyCastle reading from that queue. As
 * a server the handshake is submitted on the first datagram (the ClientHello), so idle transports
 * hold no thread; as a client it is submitted by {@link #start}. After the handshake no thread is
 * held: later DTLS records (alerts, close_notify, retransmitted Finished) are processed inside
 * {@link #receive}, on the caller's thread, without blocking.
 *
 * <p><b>Callbacks</b> ({@link Listener}) may arrive on a handshake thread, on the thread calling
 * {@link #receive} or on the thread calling {@link #close}: the transport posts them to its loop.
 * Exactly one terminal callback is delivered: {@code onConnected} may be followed by
 * {@code onFailed} or {@code onClosed}; a fingerprint mismatch yields {@code onFailed}, never
 * {@code onConnected}. A local {@link #close} delivers no callback.
 */
public final class DtlsEndpoint implements AutoCloseable {
  /** Reason given when the executor's admission queue is full. */
  public static final String REASON_CAPACITY = "handshake capacity";
  /** Reason given when the handshake deadline passed. */
  public static final String REASON_TIMEOUT = "handshake timeout";
  /** Reason given when the remote certificate is not the signalled one. */
  public static final String REASON_FINGERPRINT = "remote certificate fingerprint mismatch";

  /**
   * Datagrams queued per endpoint before we drop: a handshake flight is a handful, so 32 absorbs
   * retransmissions while capping an endpoint's buffered bytes at 32 * {@link #MAX_DATAGRAM}.
   */
  static final int QUEUE_CAPACITY = 32;
  /** Largest datagram we accept; bigger ones are dropped and counted. */
  static final int MAX_DATAGRAM = 2048;
  /** Handshake fragments we send fit a 1200-byte path (TURN/IPv6 safe). */
  static final int SEND_LIMIT = 1200;

  private static final byte[] WAKE_UP = new byte[0];
  private static final InterruptedIOException DRAINED = new DrainedException();

  /** What the endpoint tells its transport. */
  public interface Listener {
    /** A datagram to send to the remote tuple. The array is the callee's. */
    void onOutgoing(byte[] datagram);

    /** Handshake done, certificate verified, keys exported. */
    void onConnected(SrtpProfile profile, SrtpKeys keys);

    /** Handshake failed, or a fatal alert arrived later; the endpoint is dead. */
    void onFailed(String reason);

    /** The remote sent close_notify after the handshake. */
    void onClosed();
  }

  private final DtlsCertificate certificate;
  private final DtlsHandshakeExecutor executor;
  private final Listener listener;
  private final BcTlsCrypto crypto = new BcTlsCrypto();
  private final ArrayBlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicReference<DtlsState> state = new AtomicReference<>(DtlsState.NEW);
  private final AtomicLong droppedDatagrams = new AtomicLong();
  private final AtomicLong ignoredRecords = new AtomicLong();
  private final Pipe pipe = new Pipe();
  private final Object recordLock = new Object();

  private volatile DtlsRole role;
  private volatile List<DtlsFingerprint> remoteFingerprints;
  private volatile boolean handshakeSubmitted;
  private volatile boolean closed;
  private volatile DTLSTransport transport;
  private volatile SrtpProfile profile;
  private volatile SrtpKeys keys;
  private volatile boolean closeNotifyReceived;
  private volatile long deadlineNanos;
  /** Our place at the executor (queued or running), to withdraw on close. */
  private volatile DtlsHandshakeExecutor.Admission admission;
  private byte[] recordBuffer;

  public DtlsEndpoint(DtlsCertificate certificate, DtlsHandshakeExecutor executor,
      Listener listener) {
    this.certificate = certificate;
    this.executor = executor;
    this.listener = listener;
  }

  /**
   * Starts the handshake in {@code localRole} (CLIENT or SERVER; resolve AUTO first) and accepts
   * only a remote certificate matching one of {@code remoteFingerprints}. Call once.
   *
   * @throws IllegalArgumentException for AUTO or no usable fingerprint
   * @throws IllegalStateException when already started or closed
   */
  public void start(DtlsRole localRole, List<DtlsFingerprint> remoteFingerprints) {
    if (localRole == null || localRole == DtlsRole.AUTO) {
      throw new IllegalArgumentException("local DTLS role must be CLIENT or SERVER");
    }
    if (remoteFingerprints == null || remoteFingerprints.stream()
        .noneMatch(f -> DtlsCertificate.isSupportedAlgorithm(f.getAlgorithm())
            && f.getValue() != null)) {
      throw new IllegalArgumentException("no remote fingerprint with a supported algorithm");
    }
    this.role = localRole;
    this.remoteFingerprints = List.copyOf(remoteFingerprints);
    if (!state.compareAndSet(DtlsState.NEW, DtlsState.CONNECTING)) {
      throw new IllegalStateException("DTLS endpoint is " + state.get());
    }
    if (localRole == DtlsRole.CLIENT || !inbound.isEmpty()) {
      submitHandshake();
    }
  }

  /**
   * Feeds one DTLS datagram from the remote. Copies its readable bytes and returns; never
   * retains or releases {@code datagram} nor changes its indexes. Before {@link #start} the copy
   * waits in the queue (a ClientHello may beat the signalling). Safe on the event loop: it never
   * blocks.
   */
  public void receive(ByteBuf datagram) {
    DtlsState s = state.get();
    int len = datagram.readableBytes();
    if (closed || s == DtlsState.FAILED || s == DtlsState.CLOSED || len == 0
        || len > MAX_DATAGRAM) {
      droppedDatagrams.incrementAndGet();
      return;
    }
    byte[] copy = new byte[len];
    datagram.getBytes(datagram.readerIndex(), copy);
    if (!inbound.offer(copy)) {
      droppedDatagrams.incrementAndGet();
      return;
    }
    if (transport != null) {
      processPostHandshakeRecords();
    } else if (s == DtlsState.CONNECTING && role == DtlsRole.SERVER && !handshakeSubmitted) {
      submitHandshake();
    }
  }

  /**
   * Sends close_notify when connected, stops a running handshake and drops queued datagrams.
   * Delivers no listener callback. Idempotent; callable from any thread.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    DtlsState s = state.getAndSet(DtlsState.CLOSED);
    synchronized (recordLock) {
      DTLSTransport t = transport;
      if (t != null && s == DtlsState.CONNECTED) {
        try {
          t.close();
        } catch (IOException | RuntimeException e) {
          // Best effort: the peer learns from ICE consent otherwise.
        }
      }
      transport = null;
      recordBuffer = null;
    }
    DtlsHandshakeExecutor.Admission a = admission;
    if (a != null) {
      executor.cancel(a);
    }
    inbound.clear();
    inbound.offer(WAKE_UP);
  }

  public DtlsState state() {
    return state.get();
  }

  /** The negotiated profile once connected, else null. */
  public SrtpProfile profile() {
    return profile;
  }

  /** Datagrams dropped: queue full, oversized, or arriving after failure/close. */
  public long droppedDatagrams() {
    return droppedDatagrams.get();
  }

  /** Post-handshake application-data records we ignored (no data channels here). */
  public long ignoredRecords() {
    return ignoredRecords.get();
  }

  private void submitHandshake() {
    synchronized (this) {
      if (handshakeSubmitted) {
        return;
      }
      handshakeSubmitted = true;
    }
    // The deadline counts from here: time spent waiting in the executor's queue is part of it.
    deadlineNanos = System.nanoTime() + executor.deadline().toNanos();
    DtlsHandshakeExecutor.Admission a = executor.trySubmit(this, deadlineNanos);
    if (a == null) {
      fail(REASON_CAPACITY);
      return;
    }
    admission = a;
    if (closed) {
      executor.cancel(a);
    }
  }

  /** The executor gave up on our queued handshake (deadline passed, or it closed). */
  void failQueued(String reason) {
    fail(reason);
  }

  /** On an executor thread: the blocking handshake, within what is left of the deadline. */
  void runHandshake() {
    DTLSTransport t;
    try {
      if (closed) {
        return;
      }
      if (role == DtlsRole.SERVER) {
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        // ICE already proved the tuple: skip the cookie round trip (as browsers' peers do).
        protocol.setVerifyRequests(false);
        t = protocol.accept(new Server(), pipe);
      } else {
        t = new DTLSClientProtocol().connect(new Client(), pipe);
      }
    } catch (TlsFatalAlertReceived e) {
      fail("received fatal alert " + AlertDescription.getText(e.getAlertDescription()));
      return;
    } catch (IOException | RuntimeException e) {
      fail(reasonFor(e));
      return;
    }
    synchronized (recordLock) {
      if (closed || !state.compareAndSet(DtlsState.CONNECTING, DtlsState.CONNECTED)) {
        try {
          t.close();
        } catch (IOException | RuntimeException e) {
          // closing anyway
        }
        return;
      }
      transport = t;
    }
    listener.onConnected(profile, keys);
    processPostHandshakeRecords();
  }

  private String reasonFor(Exception e) {
    if (e instanceof TlsFatalAlert && e.getMessage() != null
        && e.getMessage().contains(DtlsPeerSupport.FINGERPRINT_MISMATCH)) {
      return REASON_FINGERPRINT;
    }
    // Ours or BouncyCastle's own handshake timer (set to the same deadline), whichever fires first.
    if (e instanceof DeadlineException || e instanceof TlsTimeoutException) {
      return REASON_TIMEOUT;
    }
    if (closed) {
      return "closed";
    }
    if (e instanceof TlsFatalAlert) {
      TlsFatalAlert alert = (TlsFatalAlert) e;
      return "fatal alert " + AlertDescription.getText(alert.getAlertDescription())
          + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }
    return "handshake error: " + e;
  }

  /**
   * Lets BouncyCastle consume queued post-handshake records without blocking: the pipe throws
   * {@link #DRAINED} when the queue is empty.
   */
  private void processPostHandshakeRecords() {
    boolean closedByPeer = false;
    String fatal = null;
    synchronized (recordLock) {
      DTLSTransport t = transport;
      if (t == null) {
        return;
      }
      if (recordBuffer == null) {
        recordBuffer = new byte[MAX_DATAGRAM];
      }
      while (!inbound.isEmpty() && !closeNotifyReceived) {
        try {
          int n = t.receive(recordBuffer, 0, recordBuffer.length, 1);
          if (n >= 0) {
            ignoredRecords.incrementAndGet();
          }
        } catch (DrainedException e) {
          break;
        } catch (TlsFatalAlertReceived e) {
          fatal = "received fatal alert " + AlertDescription.getText(e.getAlertDescription());
          break;
        } catch (IOException | RuntimeException e) {
          fatal = "DTLS error: " + e;
          break;
        }
      }
      if (closeNotifyReceived) {
        closedByPeer = true;
      }
      if (closedByPeer || fatal != null) {
        transport = null;
        inbound.clear();
      }
    }
    if (closedByPeer) {
      if (state.compareAndSet(DtlsState.CONNECTED, DtlsState.CLOSED)) {
        listener.onClosed();
      }
    } else if (fatal != null) {
      fail(fatal);
    }
  }

  private void fail(String reason) {
    DtlsState s = state.get();
    while (s != DtlsState.FAILED && s != DtlsState.CLOSED) {
      if (state.compareAndSet(s, DtlsState.FAILED)) {
        inbound.clear();
        listener.onFailed(reason);
        return;
      }
      s = state.get();
    }
  }

  private void onAlertReceived(short level, short description) {
    if (description == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    }
  }

  /** What is left of the deadline (it counts from submission, queue wait included). */
  private int handshakeTimeoutMillis() {
    long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, leftMs));
  }

  /** The datagram pipe BouncyCastle reads from (our queue) and writes to (the listener). */
  private final class Pipe implements DatagramTransport {
    @Override
    public int getReceiveLimit() {
      return MAX_DATAGRAM;
    }

    @Override
    public int getSendLimit() {
      return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      byte[] d;
      if (transport != null) {
        d = inbound.poll();
        if (d == null) {
          throw DRAINED;
        }
      } else {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          throw new DeadlineException();
        }
        try {
          d = inbound.poll(Math.min(TimeUnit.MILLISECONDS.toNanos(Math.max(waitMillis, 1)),
              remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("handshake interrupted");
        }
      }
      if (closed) {
        throw new IOException("endpoint closed");
      }
      if (d == null || d == WAKE_UP || d.length > len) {
        return -1;
      }
      System.arraycopy(d, 0, buf, off, d.length);
      return d.length;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
      listener.onOutgoing(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void close() {
      // The owner's socket outlives us.
    }
  }

  /**
   * Our certificate as BC credentials, for the server's ECDSA signature and the client's
   * certificate alike.
   */
  private TlsCredentialedSigner signer(TlsContext context) throws IOException {
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
        certificate.privateKey(), DtlsPeerSupport.tlsCertificate(crypto, certificate),
        DtlsPeerSupport.ECDSA_SHA256);
  }

  /** Both roles, once the Finished messages verified: export the SRTP keys, then publish them. */
  private void onHandshakeComplete(TlsContext context, SrtpProfile chosen, boolean localIsClient) {
    keys = DtlsPeerSupport.exportKeys(context, chosen, localIsClient);
    profile = chosen;
  }

  private final class Server extends DefaultTlsServer {
    private SrtpProfile chosen;

    Server() {
      super(crypto);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsPeerSupport.ECDSA_SUITES);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
      return signer(context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
      return new CertificateRequest(
          new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
          TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
      DtlsPeerSupport.verifyFingerprint(clientCertificate, remoteFingerprints);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
      super.processClientExtensions(clientExtensions);
      chosen = DtlsPeerSupport.select(clientExtensions);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getServerExtensions() throws IOException {
      Hashtable ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
      TlsSRTPUtils.addUseSRTPExtension(ext, new org.bouncycastle.tls.UseSRTPData(
          new int[] {chosen.protectionProfileId()}, TlsUtils.EMPTY_BYTES));
      return ext;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      onHandshakeComplete(context, chosen, false);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
      return handshakeTimeoutMillis();
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
      onAlertReceived(alertLevel, alertDescription);
    }
  }

  private final class Client extends DefaultTlsClient {
    private SrtpProfile chosen;

    Client() {
      super(crypto);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsPeerSupport.CLIENT_SUITES);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
      Hashtable ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
      TlsSRTPUtils.addUseSRTPExtension(ext, DtlsPeerSupport.offer());
      return ext;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
      super.processServerExtensions(serverExtensions);
      chosen = DtlsPeerSupport.selected(serverExtensions);
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate serverCertificate)
            throws IOException {
          DtlsPeerSupport.verifyFingerprint(serverCertificate.getCertificate(),
              remoteFingerprints);
        }

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
          return signer(context);
        }
      };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      onHandshakeComplete(context, chosen, true);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
      return handshakeTimeoutMillis();
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
      onAlertReceived(alertLevel, alertDescription);
    }
  }

  /** The handshake deadline passed while waiting for the peer. */
  private static final class DeadlineException extends IOException {
    DeadlineException() {
      super(REASON_TIMEOUT);
    }
  }

  /** Signals "no more queued datagrams" to the post-handshake loop; never escapes. */
  private static final class DrainedException extends InterruptedIOException {
    DrainedException() {
      super("drained");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }


}
