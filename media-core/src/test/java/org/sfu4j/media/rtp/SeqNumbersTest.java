package org.sfu4j.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeqNumbersTest {
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
    // a, b, isNewer(a,b), diff(a,b)
    "1, 0, true, 1",
    "0, 1, false, -1",
    "5, 5, false, 0",
    "0, 65535, true, 1",
    "65535, 0, false, -1",
    "10, 65530, true, 16",
    "32767, 0, true, 32767",
    "32768, 0, true, -32768", // exactly half: the larger value counts as newer
    "0, 32768, false, -32768",
    "32769, 0, false, -32767",
    "0, 32769, true, 32767",
    "65536, 65535, true, 1", // inputs are masked to 16 bits
  })
  void sequenceTable(int a, int b, boolean newer, int diff) {
    assertEquals(newer, SeqNumbers.isNewer(a, b));
    assertEquals(diff, SeqNumbers.diff(a, b));
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
    "1, 0, true, 1",
    "0, 4294967295, true, 1",
    "4294967295, 0, false, -1",
    "2147483648, 0, true, -2147483648",
    "0, 2147483648, false, -2147483648",
    "2147483647, 0, true, 2147483647",
    "90000, 4294900000, true, 157296",
    "7, 7, false, 0",
  })
  void timestampTable(long a, long b, boolean newer, int diff) {
    assertEquals(newer, SeqNumbers.isNewerTimestamp(a, b));
    assertEquals(diff, SeqNumbers.timestampDiff(a, b));
  }

  @ParameterizedTest
  @CsvSource({"65535, 1, 0", "0, -1, 65535", "100, 5, 105"})
  void add(int seq, int delta, int expected) {
    assertEquals(expected, SeqNumbers.add(seq, delta));
  }

  @org.junit.jupiter.api.Test
  void newerIsTotalAndAntisymmetric() {
    for (int a = 0; a < 65536; a += 7) {
      for (int b = 0; b < 65536; b += 331) {
        if (a != b) {
          assertNotEquals(SeqNumbers.isNewer(a, b), SeqNumbers.isNewer(b, a), a + " " + b);
        }
      }
    }
  }
}
