package org.sfu4j.media.rtcp;

import io.netty.buffer.ByteBuf;

/** Up to 31 report blocks held in primitive arrays for the SR/RR builders (no per-block objects). */
final class ReportBlocks {
  static final int MAX = 31;

  private final long[] ssrc = new long[MAX];
  private final int[] fractionLost = new int[MAX];
  private final int[] cumulativeLost = new int[MAX];
  private final long[] extendedHighestSeq = new long[MAX];
  private final long[] jitter = new long[MAX];
  private final long[] lastSr = new long[MAX];
  private final long[] delaySinceLastSr = new long[MAX];
  private int count;

  /**
   * SR and RR alike: the header check plus "the count field's blocks fit behind the fixed part",
   * so report blocks below the count can be read without further bounds checks. Does not retain or
   * release {@code buf}.
   */
  static RtcpDropReason check(ByteBuf buf, int off, int len, int type, int fixedLength) {
    RtcpDropReason r = RtcpHeader.check(buf, off, len, type, fixedLength);
    if (r != RtcpDropReason.OK) {
      return r;
    }
    int rc = RtcpHeader.count(buf, off);
    if (fixedLength + rc * ReportBlock.SIZE > RtcpHeader.contentLength(buf, off, len)) {
      return RtcpDropReason.BAD_COUNT;
    }
    return RtcpDropReason.OK;
  }

  boolean add(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSeq,
      long jitter, long lastSr, long delaySinceLastSr) {
    if (count == MAX) {
      return false;
    }
    this.ssrc[count] = ssrc;
    this.fractionLost[count] = fractionLost;
    this.cumulativeLost[count] = cumulativeLost;
    this.extendedHighestSeq[count] = extendedHighestSeq;
    this.jitter[count] = jitter;
    this.lastSr[count] = lastSr;
    this.delaySinceLastSr[count] = delaySinceLastSr;
    count++;
    return true;
  }

  int count() {
    return count;
  }

  void clear() {
    count = 0;
  }

  void writeTo(ByteBuf dst) {
    for (int i = 0; i < count; i++) {
      ReportBlock.write(dst, ssrc[i], fractionLost[i], cumulativeLost[i], extendedHighestSeq[i],
          jitter[i], lastSr[i], delaySinceLastSr[i]);
    }
  }
}
