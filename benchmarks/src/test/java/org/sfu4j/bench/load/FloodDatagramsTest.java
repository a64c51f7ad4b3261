package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.transport.KernelUdpCounters;
import org.sfu4j.ice.StunMessage;
import org.sfu4j.ice.StunMessageClass;
import org.sfu4j.ice.StunParseResult;

/** The attacker's datagrams are what they claim, and the /proc and /metrics parsing of the run. */
class FloodDatagramsTest {
  private static final String UFRAG = "Srv1ufrag";

  @Test
  void stunWithKnownUfragParsesAndFailsOnlyIntegrity() {
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      byte[] d = FloodDatagrams.build(FloodDatagrams.Kind.STUN_BAD_INTEGRITY, r, UFRAG);
      ByteBuf b = Unpooled.wrappedBuffer(d);
      try {
        StunMessage m = new StunMessage();
        assertTrue(StunMessage.isStun(b, 0, d.length));
        assertEquals(StunParseResult.OK, m.parse(b, 0, d.length));
        assertEquals(StunMessageClass.REQUEST, m.messageClass());
        assertEquals(StunMessage.METHOD_BINDING, m.method());
        assertEquals(UFRAG, m.usernameFragmentLocal());
        assertTrue(m.usernameFragmentLocalEquals(UFRAG.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(m.hasMessageIntegrity());
        assertTrue(m.hasFingerprint());
        assertTrue(m.verifyFingerprint(), "a right FINGERPRINT: it reaches the integrity check");
        assertTrue(m.hasPriority() && m.hasIceControlling());
        // the daemon's real password (any 22 chars) never verifies
        assertFalse(m.verifyMessageIntegrity("0123456789abcdefghijkl".getBytes(
            StandardCharsets.US_ASCII)));
      } finally {
        b.release();
      }
    }
  }

  @Test
  void stunWithUnknownUfragIsValidStunForAnotherUfrag() {
    Random r = new Random(2);
    for (int i = 0; i < 200; i++) {
      byte[] d = FloodDatagrams.build(FloodDatagrams.Kind.STUN_UNKNOWN_UFRAG, r, UFRAG);
      ByteBuf b = Unpooled.wrappedBuffer(d);
      try {
        StunMessage m = new StunMessage();
        assertEquals(StunParseResult.OK, m.parse(b, 0, d.length));
        assertNotEquals(UFRAG, m.usernameFragmentLocal());
        assertTrue(m.usernameFragmentLocal().startsWith("zz"));
        assertTrue(m.verifyFingerprint());
      } finally {
        b.release();
      }
    }
  }

  @Test
  void dtlsClientHelloIsOneConsistentRecord() {
    byte[] d = FloodDatagrams.build(FloodDatagrams.Kind.DTLS_CLIENT_HELLO, new Random(3), UFRAG);
    assertEquals(22, d[0]); // handshake; RFC 7983 DTLS range 20..63
    assertEquals((byte) 0xFE, d[1]);
    assertEquals((byte) 0xFD, d[2]);
    assertEquals(0, d[3] | d[4]); // epoch 0
    int recordLength = ((d[11] & 0xFF) << 8) | (d[12] & 0xFF);
    assertEquals(d.length - 13, recordLength);
    assertEquals(1, d[13]); // client_hello
    int body = ((d[14] & 0xFF) << 16) | ((d[15] & 0xFF) << 8) | (d[16] & 0xFF);
    assertEquals(recordLength - 12, body);
    int fragmentLength = ((d[22] & 0xFF) << 16) | ((d[23] & 0xFF) << 8) | (d[24] & 0xFF);
    assertEquals(body, fragmentLength, "unfragmented");
    assertEquals((byte) 0xFE, d[25]);
    assertEquals((byte) 0xFD, d[26]);
    assertEquals(0, d[25 + 2 + 32]); // empty session id
    assertEquals(0, d[25 + 2 + 32 + 1]); // empty cookie: a first flight
    ByteBuf b = Unpooled.wrappedBuffer(d);
    try {
      assertFalse(StunMessage.isStun(b, 0, d.length));
    } finally {
      b.release();
    }
  }

  @Test
  void rtpAndRtcpLookLikeMedia() {
    Random r = new Random(4);
    for (int i = 0; i < 100; i++) {
      byte[] rtp = FloodDatagrams.build(FloodDatagrams.Kind.RTP, r, UFRAG);
      assertEquals(0x80, rtp[0] & 0xFF);
      assertEquals(96, rtp[1] & 0x7F); // RTP, not RTCP (RFC 5761 demux: 96 < 192)
      assertTrue(rtp.length >= 112 && rtp.length <= 1112);
      byte[] rtcp = FloodDatagrams.build(FloodDatagrams.Kind.RTCP, r, UFRAG);
      assertEquals(0x80, rtcp[0] & 0xFF);
      assertEquals(200, rtcp[1] & 0xFF);
      assertEquals(rtcp.length / 4 - 1, ((rtcp[2] & 0xFF) << 8) | (rtcp[3] & 0xFF));
    }
  }

  @Test
  void randomBytesStayWithinBounds() {
    Random r = new Random(5);
    for (int i = 0; i < 10_000; i++) {
      byte[] d = FloodDatagrams.build(FloodDatagrams.Kind.RANDOM, r, UFRAG);
      assertTrue(d.length >= 1 && d.length <= FloodDatagrams.MAX_RANDOM_LENGTH);
    }
  }

  @Test
  void procNetUdpRowsAreClassifiedByPlace() {
    String text = String.join("\n",
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
            + "  timeout inode ref pointer drops",
        // daemon shared socket on 42900 (0xA794), unconnected
        "  100: 0100007F:A794 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
            + "        0 5001 2 0000000000000000 1234",
        // daemon per-tuple reader, connected to 127.0.0.1:50000 (0xC350)
        "  101: 0100007F:A794 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0"
            + "        0 5002 2 0000000000000000 7",
        // the tool's honest peer socket on 50000
        "  102: 0100007F:C350 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
            + "        0 6001 2 0000000000000000 3",
        // the tool's attack socket on 50001 (0xC351)
        "  103: 0100007F:C351 0100007F:A794 01 00000000:00000000 00:00000000 00000000     0"
            + "        0 6002 2 0000000000000000 11",
        // someone else's socket
        "  104: 0100007F:1F90 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
            + "        0 9999 2 0000000000000000 99",
        "garbage line");
    List<KernelUdpCounters.Row> rows = KernelUdpCounters.parse(text);
    assertEquals(5, rows.size());
    assertEquals(new KernelUdpCounters.Row(42900, 0, 5001, 1234, 0), rows.get(0));
    assertEquals(new KernelUdpCounters.Row(42900, 50000, 5002, 7, 0), rows.get(1));
    UdpSocketTable.Drops d = UdpSocketTable.classify(rows, 42900, Set.of(6001L, 6002L),
        Set.of(50001));
    assertEquals(new UdpSocketTable.Drops(1234, 7, 1, 3, 11), d);
    UdpSocketTable.Drops before = new UdpSocketTable.Drops(1000, 2, 1, 0, 1);
    assertEquals(new UdpSocketTable.Drops(234, 5, 1, 3, 10), d.minus(before));
  }

  @Test
  void ipv6RowsParse() {
    String row = "  5: 00000000000000000000000001000000:A794 00000000000000000000000000000000:0000"
        + " 07 00000000:00000000 00:00000000 00000000  1000        0 777 2 0000000000000000 42";
    assertEquals(List.of(new KernelUdpCounters.Row(42900, 0, 777, 42, 0)),
        KernelUdpCounters.parse(row));
  }

  @Test
  void prometheusCountersAndDeltas() {
    String before = String.join("\n",
        "# HELP sfu4j_webrtc_socket_dropped_total drops",
        "# TYPE sfu4j_webrtc_socket_dropped_total counter",
        "sfu4j_webrtc_socket_dropped_total{reason=\"bad_first_byte\",worker=\"0\"} 10.0",
        "sfu4j_webrtc_socket_dropped_total{reason=\"stun_bad_integrity\",worker=\"0\"} 0.0",
        "sfu4j_dtls_handshakes_total{outcome=\"rejected\",worker=\"0\"} 1.0",
        "sfu4j_peers 3.0",
        "jvm_threads_live 20.0",
        "sfu4j_broken_line");
    String after = before.replace("} 10.0", "} 1510.0").replace("integrity\",worker=\"0\"} 0.0",
        "integrity\",worker=\"0\"} 2.5E3").replace("sfu4j_peers 3.0", "sfu4j_peers 4.0");
    Map<String, Double> b = PrometheusText.parse(before, "sfu4j_");
    Map<String, Double> a = PrometheusText.parse(after, "sfu4j_");
    assertEquals(4, b.size());
    assertEquals(4010.0, PrometheusText.sum(a, "sfu4j_webrtc_socket_dropped_total", null));
    assertEquals(2500.0, PrometheusText.sum(a, "sfu4j_webrtc_socket_dropped_total",
        "stun_bad_integrity"));
    assertEquals(1.0, PrometheusText.sum(a, "sfu4j_dtls_handshakes_total", "rejected"));
    assertEquals(0.0, PrometheusText.sum(a, "sfu4j_webrtc_socket_dropped", null), "exact name");
    // only counters (_total) that moved; gauges such as sfu4j_peers are left out
    assertEquals("\"sfu4j_webrtc_socket_dropped_total{reason='bad_first_byte',worker='0'}\":1500,"
        + "\"sfu4j_webrtc_socket_dropped_total{reason='stun_bad_integrity',worker='0'}\":2500",
        PrometheusText.deltaJson(b, a));
  }
}
