package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.sfu4j.signaling.protoo.ProtooCodec;

/** The mediasoup-client payloads captured from Chromium (shared/fixtures/mediasoup-client). */
public final class Fixtures {
  private static final java.util.concurrent.atomic.AtomicInteger MID = new java.util.concurrent.atomic.AtomicInteger();

  private Fixtures() {}

  public static ObjectNode load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      return (ObjectNode) ProtooCodec.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode deviceCaps() {
    return load("chrome-device-rtpCapabilities.json");
  }

  /** produce data for {@code transportId} from a fixture (vp8 simulcast, opus, h264, vp9). */
  public static ObjectNode produce(String fixture, String transportId) {
    ObjectNode f = load(fixture);
    ObjectNode data = WsClient.obj();
    data.put("transportId", transportId);
    data.set("kind", f.get("kind"));
    ObjectNode rtp = (ObjectNode) f.get("rtpParameters");
    // A real mediasoup-client gives every sender of a transport its own mid.
    rtp.put("mid", Integer.toString(MID.getAndIncrement()));
    data.set("rtpParameters", rtp);
    data.set("appData", f.get("appData"));
    return data;
  }

  public static ObjectNode dtls(String fixture) {
    JsonNode d = load(fixture).get("connectDtlsParameters");
    return (ObjectNode) d;
  }
}
