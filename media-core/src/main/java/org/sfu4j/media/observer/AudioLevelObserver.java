package org.sfu4j.media.observer;

import java.util.ArrayList;
import java.util.List;

/**
 * mediasoup's {@code AudioLevelObserver}: every {@code intervalMs} it reports the loudest audio
 * producers from the ssrc-audio-level header extension (RFC 6464), or silence.
 *
 * <p>Per producer, the levels received during the interval are averaged (levels are −dBov,
 * 0..127, so the volume is the negated average, −127..0 dBov). Producers whose volume is at
 * least {@code threshold} are reported loudest first, at most {@code maxEntries} of them;
 * when none qualifies, {@link Listener#onSilence()} fires once until someone speaks again.
 *
 * <p>The packet path touches no map: {@link #addProducer} returns a {@link Source} the producer
 * keeps and calls per packet ({@link Source#onAudioLevel}: two field updates). Events allocate a
 * small list once per interval, never per packet. Single-threaded.
 */
public final class AudioLevelObserver {

  /** Events; delivered on the owning thread from {@link #onTick}. */
  public interface Listener {
    /** Loudest first; the list is the listener's to keep. */
    void onVolumes(List<Volume> volumes);

    void onSilence();
  }

  /** A producer's average volume over the interval, in dBov (−127..0). */
  public record Volume(String producerId, int volume) {}

  /** Per-producer handle; call {@link #onAudioLevel} for each packet carrying the extension. */
  public final class Source {
    private final String producerId;
    private long sum;
    private int count;
    private boolean removed;

    Source(String producerId) {
      this.producerId = producerId;
    }

    public String producerId() {
      return producerId;
    }

    /**
     * Records one packet's level byte value (RFC 6464: low 7 bits = −dBov; the voice-activity
     * bit is ignored, as mediasoup does). Ignored while the observer is paused.
     */
    public void onAudioLevel(int extensionByte) {
      if (paused || removed) {
        return;
      }
      sum += extensionByte & 0x7F;
      count++;
    }
  }

  private final Listener listener;
  private final int maxEntries;
  private final int threshold;
  private final long intervalMs;
  private final List<Source> sources = new ArrayList<>();
  private long lastReportMs = Long.MIN_VALUE;
  private boolean paused;
  private boolean silent = true;

  /**
   * @param maxEntries most producers per volumes event (mediasoup default 1)
   * @param threshold minimum volume in dBov to count, −127..0 (mediasoup default −80)
   * @param intervalMs reporting interval (mediasoup default 1000)
   */
  public AudioLevelObserver(Listener listener, int maxEntries, int threshold, long intervalMs) {
    if (maxEntries < 1 || threshold < -127 || threshold > 0 || intervalMs < 250) {
      throw new IllegalArgumentException("maxEntries >= 1, threshold in [-127, 0], interval >= 250");
    }
    this.listener = listener;
    this.maxEntries = maxEntries;
    this.threshold = threshold;
    this.intervalMs = intervalMs;
  }

  /** Low 7 bits of an ssrc-audio-level byte: the level in −dBov. */
  public static int level(int extensionByte) {
    return extensionByte & 0x7F;
  }

  /** The V (voice activity) flag of an ssrc-audio-level byte. */
  public static boolean voiceActivity(int extensionByte) {
    return (extensionByte & 0x80) != 0;
  }

  public Source addProducer(String producerId) {
    Source s = new Source(producerId);
    sources.add(s);
    return s;
  }

  public void removeProducer(Source source) {
    source.removed = true;
    sources.remove(source);
  }

  /** Stops collecting and reporting (and forgets partial intervals). */
  public void pause() {
    paused = true;
    for (Source s : sources) {
      s.sum = 0;
      s.count = 0;
    }
  }

  public void resume() {
    paused = false;
  }

  public boolean isPaused() {
    return paused;
  }

  /** Call often (e.g. the router tick); reports when the interval has elapsed. */
  public void onTick(long nowMs) {
    if (lastReportMs == Long.MIN_VALUE) {
      lastReportMs = nowMs;
      return;
    }
    if (nowMs - lastReportMs < intervalMs) {
      return;
    }
    lastReportMs = nowMs;
    if (paused) {
      return;
    }
    List<Volume> loud = null;
    for (Source s : sources) {
      if (s.count == 0) {
        continue;
      }
      int volume = (int) -Math.round((double) s.sum / s.count);
      s.sum = 0;
      s.count = 0;
      if (volume >= threshold) {
        if (loud == null) {
          loud = new ArrayList<>();
        }
        loud.add(new Volume(s.producerId, volume));
      }
    }
    if (loud != null) {
      loud.sort((a, b) -> Integer.compare(b.volume(), a.volume()));
      if (loud.size() > maxEntries) {
        loud = new ArrayList<>(loud.subList(0, maxEntries));
      }
      silent = false;
      listener.onVolumes(loud);
    } else if (!silent) {
      silent = true;
      listener.onSilence();
    }
  }
}
