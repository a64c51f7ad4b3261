package org.sfu4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real loopback UDP between our endpoint and a peer socket. One reader thread plays the
 * transport's event loop: it hands each datagram to {@link DtlsEndpoint#receive} and releases it
 * afterwards, checking the endpoint neither released nor retained it.
 */
final class UdpHarness implements DtlsEndpoint.Listener, AutoCloseable {
  final DatagramSocket endpointSocket;
  final DatagramSocket peerSocket;
  final CompletableFuture<SrtpKeys> connected = new CompletableFuture<>();
  final CompletableFuture<String> failed = new CompletableFuture<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  final AtomicInteger outgoing = new AtomicInteger();
  volatile SrtpProfile profile;
  volatile DtlsEndpoint endpoint;
  private final Thread reader;
  private volatile boolean stop;

  UdpHarness() throws java.io.IOException {
    InetAddress lo = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    endpointSocket = new DatagramSocket(new InetSocketAddress(lo, 0));
    peerSocket = new DatagramSocket(new InetSocketAddress(lo, 0));
    peerSocket.connect(endpointSocket.getLocalSocketAddress());
    reader = new Thread(this::readLoop, "harness-loop");
    reader.setDaemon(true);
  }

  void attach(DtlsEndpoint e) {
    endpoint = e;
    reader.start();
  }

  private void readLoop() {
    byte[] buf = new byte[4096];
    while (!stop) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        endpointSocket.receive(p);
      } catch (Exception e) {
        return;
      }
      ByteBuf b = Unpooled.buffer(p.getLength());
      b.writeBytes(buf, 0, p.getLength());
      try {
        endpoint.receive(b);
        assertEquals(1, b.refCnt());
      } finally {
        b.release();
      }
    }
  }

  @Override
  public void onOutgoing(byte[] datagram) {
    outgoing.incrementAndGet();
    try {
      endpointSocket.send(new DatagramPacket(datagram, datagram.length,
          peerSocket.getLocalSocketAddress()));
    } catch (Exception e) {
      // socket closed at test end
    }
  }

  @Override
  public void onConnected(SrtpProfile p, SrtpKeys keys) {
    profile = p;
    connected.complete(keys);
  }

  @Override
  public void onFailed(String reason) {
    failed.complete(reason);
  }

  @Override
  public void onClosed() {
    closed.complete(null);
  }

  @Override
  public void close() {
    stop = true;
    endpointSocket.close();
    peerSocket.close();
  }
}
