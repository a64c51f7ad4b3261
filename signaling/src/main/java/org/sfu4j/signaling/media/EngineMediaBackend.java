package org.sfu4j.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.sfu4j.media.UnsupportedException;
import org.sfu4j.media.engine.Consumer;
import org.sfu4j.media.engine.ConsumerLayers;
import org.sfu4j.media.engine.ConsumerOptions;
import org.sfu4j.media.engine.DownlinkBwe;
import org.sfu4j.media.engine.PendingConsumeOutcome;
import org.sfu4j.media.engine.PendingConsumeRequest;
import org.sfu4j.media.engine.Producer;
import org.sfu4j.media.engine.ProducerOptions;
import org.sfu4j.media.engine.Router;
import org.sfu4j.media.engine.RouterActiveSpeakerObserver;
import org.sfu4j.media.engine.RouterOptions;
import org.sfu4j.media.engine.Transport;
import org.sfu4j.media.engine.Worker;
import org.sfu4j.media.engine.WorkerSettings;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.Ortc;
import org.sfu4j.media.ortc.RtpCapabilities;
import org.sfu4j.media.ortc.RtpCodecCapability;
import org.sfu4j.media.ortc.RtpParameters;

/**
 * The seam implemented by media-core: {@link Worker}s, one {@link Router} per room on the
 * least-loaded worker, transports from a {@link TransportFactory}. JSON ↔ ORTC POJOs via
 * {@link Ortc#JSON}.
 */
public final class EngineMediaBackend implements MediaBackend {

  private final List<Worker> workers = new ArrayList<>();
  private final List<AtomicInteger> routerCounts = new ArrayList<>();
  private final List<RtpCodecCapability> mediaCodecs;
  private final TransportFactory transports;
  private final AtomicInteger liveObjects = new AtomicInteger();

  public EngineMediaBackend(
      int workerCount, WorkerSettings settings, List<RtpCodecCapability> mediaCodecs,
      TransportFactory transports) {
    for (int i = 0; i < workerCount; i++) {
      workers.add(Worker.create(settings));
      routerCounts.add(new AtomicInteger());
    }
    this.mediaCodecs = mediaCodecs;
    this.transports = transports;
  }

  /** opus, VP8, VP9 (profile 0), H264 (packetization-mode 1, 42e01f and 4d0032): the mediasoup-demo set. */
  public static List<RtpCodecCapability> defaultMediaCodecs() {
    List<RtpCodecCapability> l = new ArrayList<>();
    l.add(codec(MediaKind.AUDIO, "audio/opus", 48000, 2, Map.of()));
    l.add(codec(MediaKind.VIDEO, "video/VP8", 90000, null, Map.of()));
    l.add(codec(MediaKind.VIDEO, "video/VP9", 90000, null, Map.of("profile-id", 0)));
    l.add(codec(MediaKind.VIDEO, "video/H264", 90000, null,
        Map.of("packetization-mode", 1, "profile-level-id", "4d0032", "level-asymmetry-allowed", 1)));
    l.add(codec(MediaKind.VIDEO, "video/H264", 90000, null,
        Map.of("packetization-mode", 1, "profile-level-id", "42e01f", "level-asymmetry-allowed", 1)));
    return l;
  }

  private static RtpCodecCapability codec(
      MediaKind kind, String mime, int clockRate, Integer channels, Map<String, Object> params) {
    RtpCodecCapability c = new RtpCodecCapability();
    c.kind = kind;
    c.mimeType = mime;
    c.clockRate = clockRate;
    c.channels = channels;
    c.parameters = new HashMap<>(params);
    return c;
  }

  /** Routers, transports, producers, consumers and pending requests alive (leak checks). */
  public int liveObjects() {
    return liveObjects.get();
  }

  /** The engine workers, index = the {@code worker} label of metrics and /health. */
  public List<Worker> engineWorkers() {
    return Collections.unmodifiableList(workers);
  }

  @Override
  public CompletableFuture<MediaRouter> createRouter() {
    int best = 0;
    for (int i = 1; i < workers.size(); i++) {
      if (routerCounts.get(i).get() < routerCounts.get(best).get()) {
        best = i;
      }
    }
    AtomicInteger count = routerCounts.get(best);
    count.incrementAndGet();
    return workers.get(best).createRouter(new RouterOptions(mediaCodecs))
        .handle((router, error) -> {
          if (error != null) {
            count.decrementAndGet();
            throw error instanceof RuntimeException re ? re : new IllegalStateException(error);
          }
          liveObjects.incrementAndGet();
          router.addListener(new Router.Listener() {
            @Override
            public void onClose() {
              count.decrementAndGet();
              liveObjects.decrementAndGet();
            }
          });
          return new EngineRouter(router, router.createActiveSpeakerObserver(null));
        });
  }

  @Override
  public List<WorkerStatus> workers() {
    List<WorkerStatus> l = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      Worker w = workers.get(i);
      l.add(new WorkerStatus(i, w.closed() ? "closed" : "running", routerCounts.get(i).get(),
          w.eventLoopLagMs() * 1000));
    }
    return l;
  }

  @Override
  public CompletableFuture<Void> close() {
    return CompletableFuture.allOf(workers.stream().map(Worker::close).toArray(CompletableFuture[]::new));
  }

  static JsonNode tree(Object pojo) {
    return Ortc.JSON.valueToTree(pojo);
  }

  static Map<String, Object> map(ObjectNode appData) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = Ortc.JSON.convertValue(appData, Map.class);
    return m == null ? new HashMap<>() : m;
  }

  private final class EngineRouter implements MediaRouter {
    final Router router;
    /** One per router, closed with it; its events go to {@link #speakerListener}. */
    final CompletableFuture<RouterActiveSpeakerObserver> speaker;
    volatile ActiveSpeakerListener speakerListener;

    EngineRouter(Router router, CompletableFuture<RouterActiveSpeakerObserver> speaker) {
      this.router = router;
      this.speaker = speaker;
      speaker.thenAccept(o -> o.addListener(producerId -> {
        ActiveSpeakerListener l = speakerListener;
        if (l != null) {
          l.onDominantSpeaker(producerId);
        }
      }));
    }

    @Override
    public void setActiveSpeakerListener(ActiveSpeakerListener listener) {
      this.speakerListener = listener;
    }

    @Override
    public CompletableFuture<Void> observeSpeaker(String producerId) {
      return speaker.thenCompose(o -> o.addProducer(producerId));
    }

    @Override
    public void unobserveSpeaker(String producerId) {
      speaker.thenAccept(o -> o.removeProducer(producerId));
    }

    @Override
    public String id() {
      return router.id();
    }

    @Override
    public JsonNode rtpCapabilities() {
      return tree(router.rtpCapabilities());
    }

    @Override
    public CompletableFuture<Boolean> canConsume(String producerId, JsonNode rtpCapabilities) {
      RtpCapabilities caps;
      try {
        caps = Ortc.fromJson(rtpCapabilities, RtpCapabilities.class, "rtpCapabilities");
      } catch (IllegalArgumentException e) {
        return CompletableFuture.completedFuture(false);
      }
      // Signaling runs on its own executor, not the worker's loop: the async form.
      return router.canConsume(producerId, caps);
    }

    @Override
    public CompletableFuture<MediaTransport> createTransport(TransportOptions options) {
      return transports.create(router, options).thenApply(t -> {
        liveObjects.incrementAndGet();
        EngineTransport et = new EngineTransport(t);
        t.addListener(new Transport.Listener() {
          @Override
          public void onDownlinkBwe(DownlinkBwe bwe) {
            MediaTransport.Listener l = et.listener;
            if (l != null) {
              l.onDownlinkBwe(bwe.desiredBitrate(), bwe.effectiveDesiredBitrate(), bwe.availableBitrate());
            }
          }

          @Override
          public void onClose() {
            liveObjects.decrementAndGet();
          }
        });
        return et;
      });
    }

    @Override
    public PendingConsume consumeWhenProduced(
        MediaTransport transport, ConsumeSpec spec, long timeoutMs, PendingConsume.Listener l) {
      Transport t = ((EngineTransport) transport).transport;
      ConsumerOptions co = new ConsumerOptions();
      co.rtpCapabilities = Ortc.fromJson(spec.rtpCapabilities(), RtpCapabilities.class, "rtpCapabilities");
      co.paused = spec.paused();
      PendingConsumeRequest r = new PendingConsumeRequest();
      r.transport = t;
      r.producerId = spec.producerId();
      r.owner = spec.ownerTag();
      r.source = spec.source();
      r.kind = spec.kind() == null ? null : MediaKind.valueOf(spec.kind().toUpperCase(java.util.Locale.ROOT));
      r.consumerOptions = co;
      r.timeoutMs = timeoutMs;
      org.sfu4j.media.engine.PendingConsume handle = router.consumeWhenProduced(r);
      liveObjects.incrementAndGet();
      handle.outcome().whenComplete((outcome, error) -> {
        liveObjects.decrementAndGet();
        if (error != null) {
          l.onFailed(error);
          return;
        }
        PendingConsumeOutcome.Status s = outcome.status();
        switch (s) {
          case FULFILLED -> l.onFulfilled(wrapConsumer(outcome.consumer()));
          case EXPIRED -> l.onExpired();
          case DROPPED -> l.onDropped();
          default -> { } // CANCELLED: signaling already forgot it
        }
      });
      return handle::cancel;
    }

    @Override
    public void close() {
      router.close();
    }
  }

  private MediaConsumer wrapConsumer(Consumer c) {
    liveObjects.incrementAndGet();
    EngineConsumer ec = new EngineConsumer(c);
    c.addListener(ec);
    return ec;
  }

  private final class EngineTransport implements MediaTransport {
    final Transport transport;
    volatile MediaTransport.Listener listener;

    EngineTransport(Transport transport) {
      this.transport = transport;
    }

    @Override
    public String id() {
      return transport.id();
    }

    @Override
    public ObjectNode clientParameters() {
      return transports.clientParameters(transport);
    }

    @Override
    public CompletableFuture<Void> connect(JsonNode dtlsParameters) {
      return transports.connect(transport, dtlsParameters);
    }

    @Override
    public CompletableFuture<JsonNode> restartIce() {
      return transports.restartIce(transport);
    }

    @Override
    public CompletableFuture<MediaProducer> produce(
        String kind, JsonNode rtpParameters, ObjectNode appData, String ownerTag) {
      ProducerOptions o = new ProducerOptions();
      try {
        o.kind = MediaKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        o.rtpParameters = Ortc.fromJson(rtpParameters, RtpParameters.class, "rtpParameters");
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(e);
      }
      o.owner = ownerTag;
      o.appData = map(appData);
      return transport.produce(o).thenApply(p -> {
        liveObjects.incrementAndGet();
        EngineProducer ep = new EngineProducer(p);
        p.addListener(ep);
        return ep;
      });
    }

    @Override
    public CompletableFuture<MediaConsumer> consume(
        String producerId, JsonNode rtpCapabilities, boolean paused, ObjectNode appData) {
      ConsumerOptions o = new ConsumerOptions();
      try {
        o.producerId = producerId;
        o.rtpCapabilities = Ortc.fromJson(rtpCapabilities, RtpCapabilities.class, "rtpCapabilities");
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(e);
      }
      o.paused = paused;
      o.appData = map(appData);
      return transport.consume(o).thenApply(EngineMediaBackend.this::wrapConsumer);
    }

    @Override
    public CompletableFuture<String> produceData(
        JsonNode sctp, String label, String protocol, ObjectNode appData) {
      return CompletableFuture.failedFuture(
          new UnsupportedException("data channels (SCTP) are not supported yet"));
    }

    @Override
    public CompletableFuture<JsonNode> getStats() {
      return transport.getStats().thenApply(EngineMediaBackend::tree);
    }

    @Override
    public String state() {
      return transports.state(transport);
    }

    @Override
    public void close() {
      transport.close();
    }

    @Override
    public void setListener(MediaTransport.Listener l) {
      this.listener = l;
    }
  }

  private final class EngineProducer implements MediaProducer, Producer.Listener {
    final Producer producer;
    volatile MediaProducer.Listener listener;

    EngineProducer(Producer producer) {
      this.producer = producer;
    }

    @Override
    public String id() {
      return producer.id();
    }

    @Override
    public String kind() {
      return producer.kind().value();
    }

    @Override
    public boolean paused() {
      return producer.paused();
    }

    @Override
    public CompletableFuture<Void> pause() {
      return producer.pause();
    }

    @Override
    public CompletableFuture<Void> resume() {
      return producer.resume();
    }

    @Override
    public CompletableFuture<JsonNode> getStats() {
      return producer.getStats().thenApply(EngineMediaBackend::tree);
    }

    @Override
    public void close() {
      producer.close();
    }

    @Override
    public void setListener(MediaProducer.Listener l) {
      this.listener = l;
    }

    @Override
    public void onTransportClose() {
      MediaProducer.Listener l = listener;
      if (l != null) {
        l.onTransportClosed();
      }
    }

    @Override
    public void onScore(java.util.List<org.sfu4j.media.engine.ProducerScore> scores) {
      MediaProducer.Listener l = listener;
      if (l != null) {
        l.onScore(() -> tree(scores));
      }
    }

    @Override
    public void onClose() {
      liveObjects.decrementAndGet();
    }
  }

  private final class EngineConsumer implements MediaConsumer, Consumer.Listener {
    final Consumer consumer;
    volatile MediaConsumer.Listener listener;

    EngineConsumer(Consumer consumer) {
      this.consumer = consumer;
    }

    @Override
    public String id() {
      return consumer.id();
    }

    @Override
    public String producerId() {
      return consumer.producerId();
    }

    @Override
    public String kind() {
      return consumer.kind().value();
    }

    @Override
    public JsonNode rtpParameters() {
      return tree(consumer.rtpParameters());
    }

    @Override
    public String type() {
      return consumer.type().value();
    }

    @Override
    public boolean paused() {
      return consumer.paused();
    }

    @Override
    public boolean producerPaused() {
      return consumer.producerPaused();
    }

    @Override
    public CompletableFuture<Void> pause() {
      return consumer.pause();
    }

    @Override
    public CompletableFuture<Void> resume() {
      return consumer.resume();
    }

    @Override
    public CompletableFuture<Void> setPreferredLayers(int spatialLayer, Integer temporalLayer) {
      return consumer.setPreferredLayers(new ConsumerLayers(spatialLayer, temporalLayer));
    }

    @Override
    public CompletableFuture<Void> setPriority(int priority) {
      return consumer.setPriority(priority);
    }

    @Override
    public CompletableFuture<Void> requestKeyFrame() {
      return consumer.requestKeyFrame();
    }

    @Override
    public CompletableFuture<JsonNode> getStats() {
      return consumer.getStats().thenApply(EngineMediaBackend::tree);
    }

    @Override
    public void close() {
      consumer.close();
    }

    @Override
    public void setListener(MediaConsumer.Listener l) {
      this.listener = l;
    }

    @Override
    public void onProducerClose() {
      MediaConsumer.Listener l = listener;
      if (l != null) {
        l.onProducerClosed();
      }
    }

    @Override
    public void onTransportClose() {
      MediaConsumer.Listener l = listener;
      if (l != null) {
        l.onTransportClosed();
      }
    }

    @Override
    public void onProducerPause() {
      MediaConsumer.Listener l = listener;
      if (l != null) {
        l.onProducerPaused();
      }
    }

    @Override
    public void onProducerResume() {
      MediaConsumer.Listener l = listener;
      if (l != null) {
        l.onProducerResumed();
      }
    }

    @Override
    public void onScore(org.sfu4j.media.engine.ConsumerScore score) {
      MediaConsumer.Listener l = listener;
      if (l != null) {
        l.onScore(() -> tree(score));
      }
    }

    @Override
    public void onLayersChange(ConsumerLayers layers) {
      MediaConsumer.Listener l = listener;
      if (l != null) {
        if (layers == null) {
          l.onLayersChanged(null, null);
        } else {
          l.onLayersChanged(layers.spatialLayer, layers.temporalLayer == null ? 0 : layers.temporalLayer);
        }
      }
    }

    @Override
    public void onClose() {
      liveObjects.decrementAndGet();
    }
  }
}
