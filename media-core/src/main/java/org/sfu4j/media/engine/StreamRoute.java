package org.sfu4j.media.engine;

import org.sfu4j.media.stream.RtpStreamRecv;

/** Value of a transport's SSRC table: which producer stream an inbound SSRC feeds, and whether it is its RTX. */
final class StreamRoute {
  final Producer producer;
  final RtpStreamRecv stream;
  final boolean rtx;

  StreamRoute(Producer producer, RtpStreamRecv stream, boolean rtx) {
    this.producer = producer;
    this.stream = stream;
    this.rtx = rtx;
  }
}
