package org.sfu4j.media.rtcp;

/** Golden RTCP packets, hand-assembled from the RFC layouts; every field value is documented. */
final class RtcpVectors {
  private RtcpVectors() {}

  static byte[] hex(String s) {
    String h = s.replaceAll("[^0-9a-fA-F]", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  /**
   * SR, RC=1: sender 0x11223344, NTP 0xe35a4b2c.80000000, RTP ts 90000, 100 packets, 100000
   * octets; block for 0x55667788: fraction 0x40, cumulative 5, ext. highest 0x00010010, jitter
   * 32, LSR 0x4b2c8000, DLSR 0x00010000 (1 s).
   */
  static final byte[] SR = hex("81c8000c 11223344 e35a4b2c 80000000 00015f90 00000064 000186a0"
      + "55667788 40000005 00010010 00000020 4b2c8000 00010000");

  /** RR, RC=2: sender 0x01020304; blocks for 0xaaaaaaaa (lost -1) and 0xbbbbbbbb. */
  static final byte[] RR = hex("82c9000d 01020304"
      + "aaaaaaaa 00ffffff 0000ffff 00000000 00000000 00000000"
      + "bbbbbbbb ff7fffff 00020001 00001000 12345678 9abcdef0");

  /** RR with no report blocks (RFC 3550 allows RC=0). */
  static final byte[] RR_EMPTY = hex("80c90001 01020304");

  /** SDES, one chunk: SSRC 0x11223344, CNAME "abc", END, pad to 32 bits. */
  static final byte[] SDES = hex("81ca0003 11223344 01036162 63000000");

  /** SDES, two chunks: NOTE "hi" then CNAME "x"; second chunk CNAME "zy". Parse only. */
  static final byte[] SDES_TWO = hex("82ca0006 00000001 07026869 01017800 00000002 01027a79 00000000");

  /** BYE, SC=2 with reason "bye!!". */
  static final byte[] BYE = hex("82cb0004 11223344 55667788 05627965 21210000");

  /** APP, subtype 5, SSRC 0x11223344, name "TEST", 4 data bytes. */
  static final byte[] APP = hex("85cc0003 11223344 54455354 01020304");

  /** Generic NACK: sender 1, media 0xabcd, PID 1000, BLP 0x0005 -> lost 1000, 1001, 1003. */
  static final byte[] NACK = hex("81cd0003 00000001 0000abcd 03e80005");

  /** PLI: sender 1, media 0x55667788. */
  static final byte[] PLI = hex("81ce0002 00000001 55667788");

  /** FIR: sender 1, media 0 (unused), entry SSRC 0x55667788 seq 7. */
  static final byte[] FIR = hex("84ce0004 00000001 00000000 55667788 07000000");

  /** REMB: sender 1, 1 SSRC (0x55667788), exp 2, mantissa 250000 -> 1,000,000 bps. */
  static final byte[] REMB = hex("8fce0005 00000001 00000000 52454d42 010bd090 55667788");

  /**
   * XR from 0x11223344: RRTR block with NTP 0xe35a4b2c.80000000, DLRR block with one sub-block
   * (SSRC 0x55667788, LRR 0x4b2c8000, DLRR 0x00010000).
   */
  static final byte[] XR = hex("80cf0008 11223344 04000002 e35a4b2c 80000000"
      + "05000003 55667788 4b2c8000 00010000");

  /**
   * TWCC: sender 1, media 0xabcd, base seq 100, 4 statuses [small 4, not received, small 8,
   * large -4] in one two-bit status vector 0xd180, reference time 16 (1.024 s), fb count 3,
   * deltas 04 08 fffc, RTCP padding of 2 bytes (P bit).
   */
  static final byte[] TWCC = hex("afcd0006 00000001 0000abcd 00640004 00001003 d1800408 fffc0002");

  /** TWCC: base seq 65530, 20 received with delta 1 tick as one run-length chunk 0x2014. */
  static final byte[] TWCC_RUN = hex("afcd000a 00000001 00000002 fffa0014 00000100 2014"
      + "01010101 01010101 01010101 01010101 01010101 0002");

  /** TWCC: 14 statuses 1,1,0 x11,1 as a one-bit status vector 0xb001, deltas 1 2 3, pad 3. */
  static final byte[] TWCC_BITS = hex("afcd0006 00000001 00000002 0001000e 00000000 b001010203 000003");
}
