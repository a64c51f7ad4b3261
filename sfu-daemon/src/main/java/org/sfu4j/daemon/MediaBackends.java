package org.sfu4j.daemon;

import org.sfu4j.signaling.media.MediaBackend;
import org.sfu4j.signaling.media.SignalingOnlyBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the media backend. Until the engine's WebRtcTransport is wired in, the daemon runs the
 * signaling-only backend (full protocol, no media) and says so loudly at startup.
 */
final class MediaBackends {
  private static final Logger LOG = LoggerFactory.getLogger(MediaBackends.class);

  private MediaBackends() {}

  static MediaBackend create(DaemonConfig config) {
    // TODO(engine): return an EngineMediaBackend with WebRtcTransport on rtc.listenIp/announcedIp
    // and rtc.minPort..maxPort once media-core has Worker/Router/WebRtcTransport.
    LOG.warn("media engine not wired yet: running signaling-only backend (no media is forwarded)");
    return new SignalingOnlyBackend(config.effectiveWorkers());
  }
}
