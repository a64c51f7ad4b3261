package org.sfu4j.daemon;

import java.util.List;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.transport.ListenInfo;
import org.sfu4j.signaling.media.EngineMediaBackend;
import org.sfu4j.signaling.media.WebRtcTransportFactory;

/**
 * Builds the media backend: media-core workers (each with one UDP socket per listen ip, bound
 * within rtc.minPort..rtc.maxPort) with one router per room, and WebRtcTransports announcing
 * rtc.announcedIp (or the listen ip) in their ICE candidates.
 */
final class MediaBackends {
  private MediaBackends() {}

  /** The engine backend and the transport factory whose network counters /metrics reads. */
  record Media(EngineMediaBackend backend, WebRtcTransportFactory transports) {}

  static Media create(DaemonConfig config) {
    WorkerSettings settings = new WorkerSettings()
        .pendingConsumerTimeoutMs(config.pendingConsumerTimeoutMs)
        .rtcMinPort(config.rtc.minPort)
        .rtcMaxPort(config.rtc.maxPort)
        .dtlsHandshakeConcurrency(config.rtc.dtlsHandshakeConcurrency)
        .dtlsHandshakeQueue(config.rtc.dtlsHandshakeQueue);
    WebRtcTransportFactory transports = new WebRtcTransportFactory(List.of(listenInfo(config.rtc)));
    EngineMediaBackend backend = new EngineMediaBackend(
        config.effectiveWorkers(),
        settings,
        EngineMediaBackend.defaultMediaCodecs(),
        transports);
    return new Media(backend, transports);
  }

  static ListenInfo listenInfo(DaemonConfig.Rtc rtc) {
    String announced = rtc.announcedIp == null || rtc.announcedIp.isBlank() ? null : rtc.announcedIp;
    return new ListenInfo("udp", rtc.listenIp, announced);
  }
}
