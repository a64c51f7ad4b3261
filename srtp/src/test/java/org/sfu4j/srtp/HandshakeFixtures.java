package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DatagramTransport;

/** Shared by the handshake flood and admission-queue tests: a real ClientHello and a listener. */
final class HandshakeFixtures {
  private HandshakeFixtures() {}

  /**
   * A real BouncyCastle ClientHello datagram from a client holding {@code certificate}, captured
   * from its first flight and then aborted (nothing is sent anywhere).
   */
  static byte[] clientHello(DtlsCertificate certificate) throws Exception {
    List<byte[]> sent = new CopyOnWriteArrayList<>();
    DatagramTransport capture = new DatagramTransport() {
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
        throw new IOException("captured");
      }

      @Override
      public void send(byte[] buf, int off, int len) {
        sent.add(Arrays.copyOfRange(buf, off, off + len));
      }

      @Override
      public void close() {}
    };
    try {
      new DTLSClientProtocol().connect(new BcPeer.Client(certificate, 0x0001), capture);
    } catch (IOException expected) {
      // aborted after the first flight
    }
    byte[] hello = sent.get(0);
    assertEquals(22, hello[0], "handshake record");
    assertEquals(1, hello[13], "client_hello");
    return hello;
  }

  /** Records what a {@link DtlsEndpoint} reports. */
  static final class Recorder implements DtlsEndpoint.Listener {
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CompletableFuture<SrtpProfile> connected = new CompletableFuture<>();
    volatile int outgoing;

    @Override
    public void onOutgoing(byte[] datagram) {
      outgoing++;
    }

    @Override
    public void onConnected(SrtpProfile profile, SrtpKeys keys) {
      connected.complete(profile);
    }

    @Override
    public void onFailed(String reason) {
      failed.complete(reason);
    }

    @Override
    public void onClosed() {}
  }
}
