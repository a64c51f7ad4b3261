package org.sfu4j.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RrtrHistoryTest {
  private static final long NTP = NtpTime.fromUnixMs(1_700_000_000_000L);

  @Test
  void rttIsNowMinusSendTimeMinusDlrr() {
    RrtrHistory h = new RrtrHistory();
    h.onRrtrSent(NTP, 10_000);
    h.onRrtrSent(NtpTime.plusMs(NTP, 1000), 11_000);
    // Answer to the first RRTR: held 300 ms by the peer, back 2350 ms after we sent it.
    assertEquals(2050, h.onDlrr(NtpTime.compact(NTP), NtpTime.msToCompact(300), 12_350));
    assertEquals(50, h.onDlrr(NtpTime.compact(NtpTime.plusMs(NTP, 1000)),
        NtpTime.msToCompact(1300), 12_350));
  }

  @Test
  void unknownZeroAndEvictedLastRrGiveMinusOneAndNegativeClampsToZero() {
    RrtrHistory h = new RrtrHistory();
    assertEquals(-1, h.onDlrr(0, 0, 1000));
    for (int i = 0; i < 9; i++) {
      h.onRrtrSent(NtpTime.plusMs(NTP, 1000L * i), 1000L * i);
    }
    assertEquals(-1, h.onDlrr(NtpTime.compact(NTP), 0, 9000)); // overwritten by the 9th
    long last = NtpTime.compact(NtpTime.plusMs(NTP, 8000));
    assertEquals(-1, h.onDlrr(last + 1, 0, 9000));
    assertEquals(0, h.onDlrr(last, NtpTime.msToCompact(5000), 9000)); // peer claims too much delay
  }
}
