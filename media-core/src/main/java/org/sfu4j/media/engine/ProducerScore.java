package org.sfu4j.media.engine;

/**
 * mediasoup's {@code ProducerScore} entry: the 0..10 quality of one received stream (a simulcast
 * encoding or the single stream), from its loss after repair over the last report intervals.
 * Immutable bean for JSON; {@code rid} is null without RID.
 */
public final class ProducerScore {
  public final int encodingIdx;
  public final long ssrc;
  public final String rid;
  public final int score;

  public ProducerScore(int encodingIdx, long ssrc, String rid, int score) {
    this.encodingIdx = encodingIdx;
    this.ssrc = ssrc;
    this.rid = rid;
    this.score = score;
  }

  @Override
  public String toString() {
    return "ProducerScore{" + encodingIdx + " ssrc=" + ssrc + (rid != null ? " rid=" + rid : "")
        + " score=" + score + "}";
  }
}
