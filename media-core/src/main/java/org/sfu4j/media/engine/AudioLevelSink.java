package org.sfu4j.media.engine;

/** Receives a producer's ssrc-audio-level byte (RFC 6464) per packet; must not allocate. */
interface AudioLevelSink {
  void onAudioLevel(int extensionByte);
}
