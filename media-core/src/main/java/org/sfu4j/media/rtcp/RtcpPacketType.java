package org.sfu4j.media.rtcp;

/** RTCP packet types (RFC 3550, 3611, 4585) and the feedback formats (FMT) sfu4j understands. */
public final class RtcpPacketType {
  public static final int SR = 200;
  public static final int RR = 201;
  public static final int SDES = 202;
  public static final int BYE = 203;
  public static final int APP = 204;
  public static final int RTPFB = 205;
  public static final int PSFB = 206;
  public static final int XR = 207;

  /** RTPFB FMT: generic NACK (RFC 4585 6.2.1). */
  public static final int FMT_NACK = 1;
  /** RTPFB FMT: transport-wide congestion control feedback (draft-holmer-rmcat-twcc-01). */
  public static final int FMT_TRANSPORT_CC = 15;
  /** PSFB FMT: picture loss indication (RFC 4585 6.3.1). */
  public static final int FMT_PLI = 1;
  /** PSFB FMT: full intra request (RFC 5104 4.3.1). */
  public static final int FMT_FIR = 4;
  /** PSFB FMT: application layer feedback, used by REMB. */
  public static final int FMT_AFB = 15;

  private RtcpPacketType() {}

  /** True for the first byte pair of an RTCP packet per RFC 5761 demux (PT 192..223). */
  public static boolean isRtcp(int secondByte) {
    int pt = secondByte & 0xFF;
    return pt >= 192 && pt <= 223;
  }
}
