package org.sfu4j.media.engine;

/**
 * Which temporal layers of one stream a consumer forwards: packets with a temporal id above the
 * current layer are dropped; the current layer moves toward the target only where the decoder
 * can follow.
 *
 * <ul>
 *   <li>Down: at the next packet that starts a frame (a frame already started is finished, so
 *       the receiver never gets a truncated frame).
 *   <li>Up: at a key frame (straight to the target); at the start of a TL0 frame (straight to
 *       the target: with libwebrtc's VP8/VP9/AV1 patterns no upper-layer frame after a TL0 frame
 *       references one before it); or at the start of a frame marked as a switching point (VP8 Y,
 *       VP9 U) whose layer is above the current one and not above the target (to that layer).
 * </ul>
 * A payload without a temporal id (stream not layered, codec without descriptor) always passes
 * and counts as the target layer. Loop-confined, allocation-free.
 */
final class TemporalLayerFilter {
  private final int layers;
  private int target;
  private int current = -1;

  /** {@code layers} from the scalability mode (1 = no filtering). */
  TemporalLayerFilter(int layers, int target) {
    this.layers = Math.max(1, layers);
    this.target = clamp(target);
  }

  int layers() {
    return layers;
  }

  int target() {
    return target;
  }

  /** Current forwarded temporal layer, -1 before the first forwarded packet. */
  int current() {
    return current;
  }

  /** Clamps into 0..layers-1 and makes it the target; applied at the next frame start. */
  void setTarget(int layer) {
    target = clamp(layer);
  }

  /** Forget the current layer (pause, spatial switch pending). */
  void reset() {
    current = -1;
  }

  /**
   * Decides one packet of the stream: true to forward. {@code keyFrame} must be the engine's
   * key-frame verdict for the packet, {@code l} the packet's parsed layers.
   */
  boolean accept(PayloadLayers l, boolean keyFrame) {
    int tid = l.tid;
    if (layers == 1 || tid < 0) {
      current = target;
      return true;
    }
    if (keyFrame || current < 0) {
      current = target;
    } else if (l.frameStart && target != current) {
      if (target < current) {
        current = target;
      } else if (tid == 0) {
        current = target;
      } else if (l.upSwitch && tid > current && tid <= target) {
        current = tid;
      }
    }
    return tid <= current;
  }

  private int clamp(int v) {
    return Math.max(0, Math.min(v, layers - 1));
  }
}
