package org.sfu4j.media.observer;

import java.util.ArrayList;
import java.util.List;

/**
 * Dominant speaker detection from ssrc-audio-level values (RFC 6464), for the {@code
 * activeSpeaker} event.
 *
 * <p>Each tick ({@code intervalMs}) turns a producer's packets into an activity sample: the mean
 * loudness above the noise floor, {@code max(0, floorLevel − level)} (levels are −dBov, so lower
 * is louder), with packets missing from the interval counting as silence. Samples are smoothed
 * exponentially. A challenger replaces the dominant speaker only when its smoothed activity
 * exceeds the dominant's by {@code ratio} continuously for {@code holdMs}: a cough or a short
 * interjection does not steal the floor, and two people talking at similar levels do not make
 * the view flap (hysteresis). With no dominant speaker yet, the first producer with activity
 * above {@code minActivity} becomes dominant at once. Per packet: two field updates on the
 * producer's {@link Source}, no allocation. Single-threaded.
 */
public final class ActiveSpeakerObserver {

  /** Events; delivered from {@link #onTick}. */
  public interface Listener {
    void onDominantSpeaker(String producerId);
  }

  /** Per-producer handle kept by the producer. */
  public final class Source {
    private final String producerId;
    private long loudnessSum;
    private int count;
    private double activity;
    private long challengingSinceMs = -1;

    Source(String producerId) {
      this.producerId = producerId;
    }

    public String producerId() {
      return producerId;
    }

    /** Smoothed activity (for stats and tests). */
    public double activity() {
      return activity;
    }

    /** Records one packet's ssrc-audio-level byte. */
    public void onAudioLevel(int extensionByte) {
      loudnessSum += Math.max(0, floorLevel - (extensionByte & 0x7F));
      count++;
    }
  }

  private final Listener listener;
  private final long intervalMs;
  private final long holdMs;
  private final double ratio;
  private final int floorLevel;
  private final double minActivity;
  private final double smoothing;
  private final List<Source> sources = new ArrayList<>();
  private long lastTickMs = Long.MIN_VALUE;
  private Source dominant;
  private int expectedPacketsPerInterval;

  /** Defaults: 300 ms interval, 1 s hold, ratio 1.5, floor −70 dBov, min activity 5. */
  public ActiveSpeakerObserver(Listener listener) {
    this(listener, 300, 1000, 1.5, 70, 5, 0.5);
  }

  /**
   * @param floorLevel level (−dBov) at or below which audio counts as silence
   * @param smoothing weight of the newest sample (0..1]
   */
  public ActiveSpeakerObserver(Listener listener, long intervalMs, long holdMs, double ratio,
      int floorLevel, double minActivity, double smoothing) {
    this.listener = listener;
    this.intervalMs = intervalMs;
    this.holdMs = holdMs;
    this.ratio = ratio;
    this.floorLevel = floorLevel;
    this.minActivity = minActivity;
    this.smoothing = smoothing;
    this.expectedPacketsPerInterval = (int) Math.max(1, intervalMs / 20); // 20 ms audio frames
  }

  public Source addProducer(String producerId) {
    Source s = new Source(producerId);
    sources.add(s);
    return s;
  }

  /** Removes a producer; if it was dominant the next tick elects another one. */
  public void removeProducer(Source source) {
    sources.remove(source);
    if (dominant == source) {
      dominant = null;
    }
  }

  /** Current dominant speaker's producer id, null if none. */
  public String dominantSpeaker() {
    return dominant == null ? null : dominant.producerId;
  }

  public void onTick(long nowMs) {
    if (lastTickMs != Long.MIN_VALUE && nowMs - lastTickMs < intervalMs) {
      return;
    }
    lastTickMs = nowMs;
    Source loudest = null;
    for (Source s : sources) {
      int n = Math.max(s.count, expectedPacketsPerInterval);
      double sample = (double) s.loudnessSum / n;
      s.activity = smoothing * sample + (1 - smoothing) * s.activity;
      s.loudnessSum = 0;
      s.count = 0;
      if (loudest == null || s.activity > loudest.activity) {
        loudest = s;
      }
    }
    if (loudest == null) {
      return;
    }
    if (dominant == null) {
      if (loudest.activity >= minActivity) {
        elect(loudest);
      }
      return;
    }
    for (Source s : sources) {
      if (s == dominant) {
        continue;
      }
      if (s.activity >= minActivity && s.activity > dominant.activity * ratio) {
        if (s.challengingSinceMs < 0) {
          s.challengingSinceMs = nowMs;
        }
      } else {
        s.challengingSinceMs = -1;
      }
    }
    Source winner = null;
    for (Source s : sources) {
      if (s != dominant && s.challengingSinceMs >= 0 && nowMs - s.challengingSinceMs >= holdMs
          && (winner == null || s.activity > winner.activity)) {
        winner = s;
      }
    }
    if (winner != null) {
      elect(winner);
    }
  }

  private void elect(Source s) {
    dominant = s;
    for (Source o : sources) {
      o.challengingSinceMs = -1;
    }
    listener.onDominantSpeaker(s.producerId);
  }
}
