package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sfu4j.ice.IceState;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.Transport;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.transport.ListenInfo;
import org.sfu4j.media.transport.WebRtcTransport;
import org.sfu4j.media.transport.WebRtcTransportOptions;
import org.sfu4j.srtp.DtlsParameters;
import org.sfu4j.srtp.DtlsState;
import org.sfu4j.signaling.media.MediaRouter.TransportOptions;

/**
 * The daemon's transports: real ICE-lite + DTLS-SRTP {@link WebRtcTransport}s on the configured
 * listen infos, so browsers (mediasoup-client) connect media. Client parameters, connect and ICE
 * restart use mediasoup's JSON shapes unchanged, which is what lets mediasoup-client's
 * {@code device.createSendTransport(...)} take the response as is.
 */
public final class WebRtcTransportFactory implements TransportFactory {
  private final List<ListenInfo> listenInfos;
  private final WebRtcNetworkCounters counters = new WebRtcNetworkCounters();

  /** {@code listenInfos}: UDP listen ip (+ announced address) of every transport, in preference order. */
  public WebRtcTransportFactory(List<ListenInfo> listenInfos) {
    if (listenInfos == null || listenInfos.isEmpty()) {
      throw new IllegalArgumentException("listenInfos must not be empty");
    }
    this.listenInfos = List.copyOf(listenInfos);
  }

  /** Socket drops and DTLS failures of every transport this factory created (for /metrics). */
  public WebRtcNetworkCounters counters() {
    return counters;
  }

  @Override
  public CompletableFuture<WebRtcTransport> create(Router router, TransportOptions options) {
    if (options.forceTcp()) {
      return CompletableFuture.failedFuture(
          new UnsupportedException("forceTcp: ICE-TCP is not implemented"));
    }
    WebRtcTransportOptions o = new WebRtcTransportOptions();
    List<ListenInfo> copies = new ArrayList<>(listenInfos.size());
    for (ListenInfo li : listenInfos) {
      ListenInfo c = new ListenInfo(li.protocol, li.ip, li.announcedAddress);
      c.port = li.port;
      copies.add(c);
    }
    o.listenInfos = copies;
    return router.createWebRtcTransport(o).thenApply(t -> {
      counters.track(router.worker(), t);
      return t;
    });
  }

  @Override
  public ObjectNode clientParameters(Transport transport) {
    WebRtcTransport t = (WebRtcTransport) transport;
    ObjectNode o = Ortc.JSON.createObjectNode();
    o.put("id", t.id());
    o.set("iceParameters", Ortc.JSON.valueToTree(t.iceParameters()));
    o.set("iceCandidates", Ortc.JSON.valueToTree(t.iceCandidates()));
    o.set("dtlsParameters", Ortc.JSON.valueToTree(t.dtlsParameters()));
    return o;
  }

  @Override
  public CompletableFuture<Void> connect(Transport transport, JsonNode dtlsParameters) {
    DtlsParameters remote;
    try {
      remote = Ortc.fromJson(dtlsParameters, DtlsParameters.class, "dtlsParameters");
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return ((WebRtcTransport) transport).connect(remote);
  }

  @Override
  public CompletableFuture<JsonNode> restartIce(Transport transport) {
    return ((WebRtcTransport) transport).restartIce().thenApply(p -> Ortc.JSON.valueToTree(p));
  }

  /**
   * One word from ICE and DTLS: "closed", "failed" (DTLS), "disconnected" (ICE consent lost),
   * "connected" (DTLS up), "connecting" (ICE or DTLS under way), else "new".
   */
  @Override
  public String state(Transport transport) {
    WebRtcTransport t = (WebRtcTransport) transport;
    return stateOf(t.closed(), t.iceState(), t.dtlsState());
  }

  static String stateOf(boolean closed, IceState ice, DtlsState dtls) {
    if (closed || ice == IceState.CLOSED || dtls == DtlsState.CLOSED) {
      return dtls == DtlsState.FAILED ? "failed" : "closed";
    }
    if (dtls == DtlsState.FAILED) {
      return "failed";
    }
    if (ice == IceState.DISCONNECTED) {
      return "disconnected";
    }
    if (dtls == DtlsState.CONNECTED) {
      return "connected";
    }
    if (dtls == DtlsState.CONNECTING || ice == IceState.CONNECTED || ice == IceState.COMPLETED) {
      return "connecting";
    }
    return "new";
  }
}
