package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NtpTimeTest {
  @Test
  void rfc3550RoundTripExample() {
    // RFC 3550 6.4.1 figure: A = b710:8000, LSR = b705:2030, DLSR = 0005:4000 -> 0006:1fd0,
    // which the RFC rounds to 6.125 s; exactly 6.1243 s
    assertEquals(6124, NtpTime.rttMs(0xB7108000L, 0xB7052030L, 0x00054000L));
  }

  @Test
  void rttWithoutLsrOrNegativeIsHandled() {
    assertEquals(-1, NtpTime.rttMs(0x10000, 0, 0));
    assertEquals(0, NtpTime.rttMs(0x10000, 0x10000, 0x100));
    // wraps across 2^32 of the compact clock
    assertEquals(1000, NtpTime.rttMs(0x0000_8000L, 0xFFFF_8000L, 0));
  }

  @Test
  void unixConversions() {
    long ntp = NtpTime.fromUnixMs(0);
    assertEquals(NtpTime.UNIX_EPOCH_OFFSET_SECONDS << 32, ntp);
    assertEquals(1_700_000_000_123L, NtpTime.toUnixMs(NtpTime.fromUnixMs(1_700_000_000_123L)));
    long half = NtpTime.fromUnixMs(1500);
    assertEquals(0x8000_0000L, half & 0xFFFF_FFFFL);
    assertEquals(NtpTime.fromUnixMs(2_250), NtpTime.plusMs(NtpTime.fromUnixMs(1_500), 750));
    assertEquals(1_000, NtpTime.toUnixMs(NtpTime.plusMs(NtpTime.fromUnixMs(1_999), -999)));
    assertEquals(0x8000, NtpTime.msToCompact(500));
    assertEquals(500, NtpTime.compactToMs(0x8000));
    assertEquals(0x12345678L, NtpTime.compact(0x0000_1234_5678_0000L));
  }
}
