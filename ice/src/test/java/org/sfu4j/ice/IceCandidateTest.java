package org.sfu4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IceCandidateTest {

  @Test
  void rfc8445PriorityFormula() {
    // 126 << 24 | 65535 << 8 | 255
    assertEquals(2130706431L, IceCandidate.computePriority(126, 65535, 1));
    assertEquals((126L << 24) + (10000L << 8) + 255, IceCandidate.computePriority(126, 10000, 1));
    assertEquals(0L + 255, IceCandidate.computePriority(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> IceCandidate.computePriority(127, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> IceCandidate.computePriority(1, 65536, 1));
    assertThrows(IllegalArgumentException.class, () -> IceCandidate.computePriority(1, 1, 0));
  }

  @Test
  void hostCandidatesInMediasoupShape() {
    IceCandidate udp = IceCandidate.host("203.0.113.7", "UDP", 40000, 65535);
    assertEquals("udp", udp.getProtocol());
    assertEquals("host", udp.getType());
    assertEquals("203.0.113.7", udp.getAddress());
    assertEquals("203.0.113.7", udp.getIp());
    assertEquals(40000, udp.getPort());
    assertEquals(2130706431L, udp.getPriority());
    assertNull(udp.getTcpType());

    int tcpPref = IceCandidate.tcpLocalPreference(IceCandidate.TCP_PASSIVE_DIRECTION_PREFERENCE, 0);
    assertEquals(4 << 13, tcpPref);
    IceCandidate tcp = IceCandidate.host("203.0.113.7", "tcp", 40000, tcpPref);
    assertEquals("passive", tcp.getTcpType());
    assertEquals((126L << 24) + ((long) tcpPref << 8) + 255, tcp.getPriority());
    assertNotEquals(udp.getFoundation(), tcp.getFoundation());
    assertEquals(udp.getFoundation(), IceCandidate.host("203.0.113.7", "udp", 1, 1).getFoundation());
    assertNotEquals(udp.getFoundation(), IceCandidate.host("::1", "udp", 1, 1).getFoundation());
    assertThrows(IllegalArgumentException.class, () -> IceCandidate.host("::1", "sctp", 1, 1));
  }

  @Test
  void iceStateJsonNames() {
    assertEquals("new", IceState.NEW.jsonName());
    assertEquals("connected", IceState.CONNECTED.jsonName());
    assertEquals("completed", IceState.COMPLETED.jsonName());
    assertEquals("disconnected", IceState.DISCONNECTED.jsonName());
    assertEquals("closed", IceState.CLOSED.jsonName());
  }
}
