package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sfu4j.ice.IceCandidate;
import org.sfu4j.ice.StunMessageWriter;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.testpeer.WebRtcTestPeer;
import org.sfu4j.srtp.DtlsRole;
import org.sfu4j.srtp.DtlsState;

/**
 * Bad input at the worker's real UDP port while a transport is connected and forwarding:
 * 100,000 seeded random datagrams plus every truncation of a valid STUN check, a DTLS record and
 * an SRTP packet, from an unknown tuple and (SRTP) from the connected peer's own tuple. Nothing
 * escapes (unexpectedErrors stays 0), nothing leaks (paranoid detector), every datagram from the
 * unknown tuple is a counted drop, every bad SRTP from the peer is a counted SRTP failure, and
 * forwarding still works afterwards.
 */
class RtcUdpSocketAbuseTest {
  private static final long SSRC = 0x0A0B0C0DL;
  private static final int RANDOM_DATAGRAMS = 100_000;
  private static final int BURST = 64;

  @Test
  void randomAndTruncatedDatagramsAreCountedDropsAndForwardingContinues() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        WebRtcTestPeer peer = WebRtcTestPeer.create();
        DatagramSocket attacker = new DatagramSocket(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      WebRtcTransport t = f.transport();
      peer.connect(t, DtlsRole.CLIENT, WebRtcFixture.TIMEOUT);
      WebRtcFixture.await("dtls connected", () -> t.dtlsState() == DtlsState.CONNECTED);
      Producer p = WebRtcFixture.get(t.produce(WebRtcFixture.opus(SSRC)));
      Consumer c = WebRtcFixture.get(t.consume(new ConsumerOptions(p.id(),
          WebRtcFixture.deviceCaps())));
      int seq = 100;
      seq = forwardsOk(peer, seq);

      RtcUdpSocket socket = f.socket();
      IceCandidate cand = t.iceCandidates().get(0);
      InetSocketAddress port = new InetSocketAddress(cand.getAddress(), cand.getPort());
      long received0 = f.onLoop(socket::datagramsReceived);
      long drops0 = f.onLoop(socket::inboundDrops);
      long delivered0 = f.onLoop(socket::datagramsDelivered);

      // 1) Seeded random datagrams from an unknown tuple, first byte spread over all classes.
      Random random = new Random(0x5EED);
      Sender s = new Sender(f, socket, attacker, port, received0);
      for (int i = 0; i < RANDOM_DATAGRAMS; i++) {
        byte[] d = new byte[random.nextInt(1400)];
        random.nextBytes(d);
        if (d.length >= 8 && random.nextInt(4) == 0) {
          // a quarter look like STUN headers with the magic cookie, to reach the parser
          d[0] = (byte) random.nextInt(4);
          ByteBuffer.wrap(d).putInt(4, 0x2112A442);
          ByteBuffer.wrap(d).putShort(2, (short) Math.max(0, (d.length - 20) & ~3));
        }
        s.send(d);
      }
      // 2) Every truncation of a valid check carrying the transport's real ufrag and password.
      byte[] check = validCheck(t);
      for (int len = 0; len < check.length; len++) {
        s.send(Arrays.copyOf(check, len));
      }
      // 3) Every truncation of a DTLS record and of a valid SRTP packet (unknown tuple).
      byte[] dtls = new byte[120];
      random.nextBytes(dtls);
      dtls[0] = 22;
      dtls[1] = (byte) 0xFE;
      dtls[2] = (byte) 0xFD;
      byte[] srtp = peer.protectRtp(WebRtcForwardingEndToEndTest.rtp(111, 110, 1, SSRC,
          new byte[100]));
      for (int len = 0; len <= dtls.length; len++) {
        s.send(Arrays.copyOf(dtls, len));
      }
      for (int len = 0; len <= srtp.length; len++) {
        s.send(Arrays.copyOf(srtp, len));
      }
      s.drain();
      long attackerSent = s.sent;
      long drops = f.onLoop(socket::inboundDrops) - drops0;
      long delivered = f.onLoop(socket::datagramsDelivered) - delivered0;
      assertEquals(attackerSent, drops, "every datagram from the unknown tuple is a counted drop");
      assertEquals(0, delivered, "nothing from the unknown tuple reached a transport");
      assertEquals(0L, (long) f.onLoop(socket::unexpectedErrors));
      System.out.println("[abuse] drops by reason: " + f.onLoop(socket::stats).get("drops"));

      // 4) From the connected peer's own tuple: every truncation of a valid SRTP packet and
      //    random RTP-range junk reach the transport and fail SRTP, counted.
      long failed0 = WebRtcFixture.stat(t, "srtpUnprotectFailed");
      byte[] good = peer.protectRtp(WebRtcForwardingEndToEndTest.rtp(111, 120, 1, SSRC,
          new byte[100]));
      int bad = 0;
      Sender fromPeer = new Sender(f, socket, null, null, f.onLoop(socket::datagramsReceived));
      for (int len = 0; len < good.length; len++) {
        fromPeer.sendVia(peer, Arrays.copyOf(good, len));
        bad++;
      }
      for (int i = 0; i < 2000; i++) {
        byte[] d = new byte[2 + random.nextInt(300)];
        random.nextBytes(d);
        d[0] = (byte) (0x80 | (d[0] & 0x3F));
        fromPeer.sendVia(peer, d);
        bad++;
      }
      fromPeer.drain();
      // len 0 is a BAD_FIRST_BYTE drop at the socket, not an SRTP failure
      assertEquals(bad - 1, WebRtcFixture.stat(t, "srtpUnprotectFailed") - failed0);
      assertEquals(0L, (long) f.onLoop(socket::unexpectedErrors));

      // 5) Still connected and forwarding.
      forwardsOk(peer, 130); // jitsi's sender refuses to go back in sequence
      assertEquals(DtlsState.CONNECTED, t.dtlsState());
      System.out.println("[abuse] " + attackerSent + " datagrams from an unknown tuple, " + bad
          + " bad SRTP from the peer tuple: all counted, forwarding intact");
    }
  }

  private static int forwardsOk(WebRtcTestPeer peer, int seq) throws Exception {
    for (int i = 0; i < 5; i++, seq++) {
      byte[] payload = ("payload " + seq).getBytes(StandardCharsets.US_ASCII);
      peer.sendRtp(WebRtcForwardingEndToEndTest.rtp(111, seq, 960L * seq, SSRC, payload));
      byte[] back = peer.receivedRtp().poll(5, TimeUnit.SECONDS);
      assertNotNull(back, "forwarded packet " + seq);
      assertArrayEquals(payload,
          Arrays.copyOfRange(back, back.length - payload.length, back.length));
    }
    return seq;
  }

  private static byte[] validCheck(WebRtcTransport t) {
    ByteBuf b = Unpooled.buffer();
    try {
      String user = t.iceParameters().getUsernameFragment() + ":attacker";
      byte[] tid = new byte[12];
      int n = new StunMessageWriter().writeBindingRequest(b, tid, user, 12345, true, 7,
          t.iceParameters().getPassword().getBytes(StandardCharsets.US_ASCII));
      return ByteBufUtil.getBytes(b, 0, n);
    } finally {
      b.release();
    }
  }

  /**
   * Sends in bursts and waits until the worker counted each burst, so the kernel's receive buffer
   * never overflows: every datagram sent is one the socket saw (and must account for).
   */
  private static final class Sender {
    final WebRtcFixture f;
    final RtcUdpSocket socket;
    final DatagramSocket from;
    final InetSocketAddress to;
    final long base;
    long sent;

    Sender(WebRtcFixture f, RtcUdpSocket socket, DatagramSocket from, InetSocketAddress to,
        long base) {
      this.f = f;
      this.socket = socket;
      this.from = from;
      this.to = to;
      this.base = base;
    }

    void send(byte[] d) throws Exception {
      from.send(new DatagramPacket(d, d.length, to));
      afterSend();
    }

    void sendVia(WebRtcTestPeer peer, byte[] d) throws Exception {
      peer.sendRaw(d);
      afterSend();
    }

    private void afterSend() {
      sent++;
      if (sent % BURST == 0) {
        drain();
      }
    }

    void drain() {
      WebRtcFixture.await("worker received " + sent,
          () -> f.onLoop(socket::datagramsReceived) - base >= sent);
      assertEquals(sent, f.onLoop(socket::datagramsReceived) - base, "no stray datagrams");
    }
  }
}
