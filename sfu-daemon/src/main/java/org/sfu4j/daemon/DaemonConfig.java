package org.sfu4j.daemon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sfu4j.signaling.SignalingConfig;

/**
 * The daemon's configuration file (YAML or JSON), as a plain Jackson tree. Unknown keys are an
 * error: a misspelt key silently ignored is a production incident.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class DaemonConfig {
  public Http http = new Http();
  public Rtc rtc = new Rtc();
  /** Media workers; 0 means one per available core. */
  public int workers = 0;
  public Auth auth = new Auth();
  public Limits limits = new Limits();
  public long pendingConsumerTimeoutMs = 30_000;

  /** HTTP + WebSocket listener. */
  public static final class Http {
    public String ip = "0.0.0.0";
    public int port = 4443;
  }

  /** Media UDP. */
  public static final class Rtc {
    public String listenIp = "0.0.0.0";
    public String announcedIp;
    public int minPort = 40000;
    public int maxPort = 49999;
    /** DTLS handshakes running at once per worker (threads); more wait in the queue. */
    public int dtlsHandshakeConcurrency = 32;
    /** DTLS handshakes waiting per worker (FIFO, within their 10 s deadline); more are refused. */
    public int dtlsHandshakeQueue = 512;
  }

  /** Token authentication; no secret means everyone may do everything. */
  public static final class Auth {
    public String secret;
  }

  /** Per-room/peer/socket limits (PROTOCOL.md "Limits"). */
  public static final class Limits {
    public int maxPeersPerRoom = 100;
    public int maxProducersPerPeer = 16;
    public int maxConsumersPerTransport = 500;
    public int maxTransportsPerPeer = 8;
    public int maxPendingPerPeer = 64;
    public double requestsPerSecond = 50;
    public int requestBurst = 100;
  }

  static ObjectMapper mapperFor(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    ObjectMapper m = lower.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return m;
  }

  public static DaemonConfig load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return mapperFor(file.getFileName().toString()).readValue(in, DaemonConfig.class);
    }
  }

  /** The embedded {@code --dev} configuration. */
  public static DaemonConfig dev() throws IOException {
    try (InputStream in = DaemonConfig.class.getResourceAsStream("/sfu4j-dev.yaml")) {
      if (in == null) {
        throw new IOException("sfu4j-dev.yaml missing from the classpath");
      }
      return mapperFor("sfu4j-dev.yaml").readValue(in, DaemonConfig.class);
    }
  }

  public int effectiveWorkers() {
    return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
  }

  /** Throws IllegalArgumentException naming the first invalid setting. */
  public void validate() {
    requirePort("http.port", http.port, true);
    requirePort("rtc.minPort", rtc.minPort, false);
    requirePort("rtc.maxPort", rtc.maxPort, false);
    if (rtc.minPort > rtc.maxPort) {
      throw new IllegalArgumentException("rtc.minPort must be <= rtc.maxPort");
    }
    if (rtc.dtlsHandshakeConcurrency < 1 || rtc.dtlsHandshakeConcurrency > 4096
        || rtc.dtlsHandshakeQueue < 0 || rtc.dtlsHandshakeQueue > 1_000_000) {
      throw new IllegalArgumentException(
          "rtc.dtlsHandshakeConcurrency must be in [1, 4096], rtc.dtlsHandshakeQueue in [0, 1000000]");
    }
    if (http.ip == null || http.ip.isBlank()) {
      throw new IllegalArgumentException("http.ip is required");
    }
    if (rtc.listenIp == null || rtc.listenIp.isBlank()) {
      throw new IllegalArgumentException("rtc.listenIp is required");
    }
    if (workers < 0 || workers > 1024) {
      throw new IllegalArgumentException("workers must be in [0, 1024] (0 = one per core)");
    }
    if (pendingConsumerTimeoutMs < 100) {
      throw new IllegalArgumentException("pendingConsumerTimeoutMs must be >= 100");
    }
    if (limits.maxPeersPerRoom < 1 || limits.maxProducersPerPeer < 1
        || limits.maxConsumersPerTransport < 1 || limits.maxTransportsPerPeer < 1
        || limits.maxPendingPerPeer < 0 || limits.requestsPerSecond <= 0 || limits.requestBurst < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  private static void requirePort(String name, int port, boolean zeroOk) {
    if (port < (zeroOk ? 0 : 1) || port > 65535) {
      throw new IllegalArgumentException(name + " must be a port number, got " + port);
    }
  }

  SignalingConfig toSignalingConfig() {
    return new SignalingConfig(
        limits.maxPeersPerRoom,
        limits.maxProducersPerPeer,
        limits.maxConsumersPerTransport,
        limits.maxTransportsPerPeer,
        limits.maxPendingPerPeer,
        limits.requestsPerSecond,
        limits.requestBurst,
        pendingConsumerTimeoutMs,
        10_000);
  }
}
