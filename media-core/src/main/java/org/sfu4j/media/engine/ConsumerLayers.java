package org.sfu4j.media.engine;

import java.util.Objects;

/** Spatial and temporal layer (mediasoup {@code ConsumerLayers}); temporalLayer null = highest. */
public final class ConsumerLayers {
  public int spatialLayer;
  public Integer temporalLayer;

  public ConsumerLayers() {}

  public ConsumerLayers(int spatialLayer, Integer temporalLayer) {
    this.spatialLayer = spatialLayer;
    this.temporalLayer = temporalLayer;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsumerLayers
        && ((ConsumerLayers) o).spatialLayer == spatialLayer
        && Objects.equals(((ConsumerLayers) o).temporalLayer, temporalLayer);
  }

  @Override
  public int hashCode() {
    return spatialLayer * 31 + Objects.hashCode(temporalLayer);
  }

  @Override
  public String toString() {
    return "{spatialLayer=" + spatialLayer + ", temporalLayer=" + temporalLayer + "}";
  }
}
