package org.sfu4j.daemon;

import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.signaling.media.EngineMediaBackend;
import org.sfu4j.signaling.media.MediaBackend;
import org.sfu4j.signaling.media.TransportFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the media backend: media-core workers with one router per room. Until media-core has a
 * WebRtcTransport, peers get in-process DirectTransports (the protocol works end to end, but a
 * browser cannot connect media), and the daemon says so at startup.
 */
final class MediaBackends {
  private static final Logger LOG = LoggerFactory.getLogger(MediaBackends.class);

  private MediaBackends() {}

  static MediaBackend create(DaemonConfig config) {
    // TODO(transport): a TransportFactory creating WebRtcTransports on rtc.listenIp/announcedIp
    // within rtc.minPort..rtc.maxPort, once media-core provides WebRtcTransport.
    LOG.warn("WebRtcTransport not available yet: transports are in-process DirectTransports"
        + " (signaling works, browsers cannot connect media)");
    return new EngineMediaBackend(
        config.effectiveWorkers(),
        new WorkerSettings().pendingConsumerTimeoutMs(config.pendingConsumerTimeoutMs),
        EngineMediaBackend.defaultMediaCodecs(),
        TransportFactory.direct());
  }
}
