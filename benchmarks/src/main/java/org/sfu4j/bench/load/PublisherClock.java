package org.sfu4j.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * The sender thread: plays every publisher's pattern in real time. By default frames are sent as
 * a burst (all packets of a frame back to back, as an encoder without pacer would); with
 * {@code -Dsfu4j.load.pacing=F} (F > 0) each publisher's packets leave at F times its bitrate, as
 * libwebrtc's pacer sends (F = 2.5 there): a frame that has not left yet holds back the next one,
 * and the probe's send time is the packet's own, so pacing delay is not counted as SFU latency.
 * Publishers are phase-shifted evenly across the frame interval so the offered load is smooth.
 * Falling behind is counted, not hidden: late frames are still sent, and {@link #lateFrames()}
 * says how many.
 */
public final class PublisherClock implements Runnable {
  private final TrafficModel model;
  private final LoadSession session;
  private final VideoPacketizer[] video;
  private final AudioPacketizer[] audio;
  private final byte[] buf = new byte[1500];
  private final long[] lastSent;
  private volatile boolean running = true;
  private volatile boolean paused;
  private long sendErrors;
  private long lateFrames;
  private long keyFramesOnRequest;
  private long sentPackets;
  private long sentBytes;
  /** Pacing rate / bitrate; 0 = frames as bursts. */
  private final double pacing;

  public PublisherClock(TrafficModel model, int publishers, LoadSession session, long seed) {
    this(model, publishers, session, seed,
        Double.parseDouble(System.getProperty("sfu4j.load.pacing", "0")));
  }

  /** @param pacing send rate as a multiple of the bitrate (libwebrtc: 2.5); 0 = bursts */
  PublisherClock(TrafficModel model, int publishers, LoadSession session, long seed,
      double pacing) {
    this.pacing = pacing;
    this.model = model;
    this.session = session;
    this.video = new VideoPacketizer[publishers];
    this.audio = new AudioPacketizer[publishers];
    this.lastSent = new long[publishers * 2];
    java.util.Arrays.fill(lastSent, -1);
    for (int p = 0; p < publishers; p++) {
      video[p] = new VideoPacketizer(model, p, ssrcOf(p, Probe.KIND_VIDEO), seed + p);
      audio[p] = model.audio() ? new AudioPacketizer(model, p, ssrcOf(p, Probe.KIND_AUDIO)) : null;
    }
  }

  /** SSRC of a publisher's stream: fixed so signaling can announce it before media starts. */
  public static long ssrcOf(int publisher, int kind) {
    return 0x10000000L + publisher * 2L + kind;
  }

  @Override
  public void run() {
    int n = video.length;
    long frame = model.frameIntervalNanos();
    long start = System.nanoTime();
    long[] nextVideo = new long[n];
    long[] nextAudio = new long[n];
    // Paced sending: packets of the current frame not sent yet, the next one's index and time.
    int[] framePackets = new int[n];
    int[] nextIndex = new int[n];
    long[] nextPacket = new long[n];
    long packetNanos = pacing <= 0 ? 0
        : (long) (model.maxPacketBytes() * 8e9 / (pacing * model.bitrateBps()));
    for (int p = 0; p < n; p++) {
      nextVideo[p] = start + frame * p / n;
      nextAudio[p] = audio[p] == null ? Long.MAX_VALUE
          : start + AudioPacketizer.INTERVAL_NANOS * p / n;
    }
    while (running) {
      if (paused) {
        long pauseStart = System.nanoTime();
        while (paused && running) {
          LockSupport.parkNanos(1_000_000);
        }
        long shift = System.nanoTime() - pauseStart;
        for (int p = 0; p < n; p++) {
          nextVideo[p] += shift;
          nextPacket[p] += shift;
          nextAudio[p] = nextAudio[p] == Long.MAX_VALUE ? Long.MAX_VALUE : nextAudio[p] + shift;
        }
        continue;
      }
      long due = Long.MAX_VALUE;
      int who = -1;
      boolean isAudio = false;
      boolean isPacket = false;
      for (int p = 0; p < n; p++) {
        if (nextIndex[p] < framePackets[p]) {
          if (nextPacket[p] < due) { // the rest of a paced frame holds the next frame back
            due = nextPacket[p];
            who = p;
            isAudio = false;
            isPacket = true;
          }
        } else if (nextVideo[p] < due) {
          due = nextVideo[p];
          who = p;
          isAudio = false;
          isPacket = false;
        }
        if (nextAudio[p] < due) {
          due = nextAudio[p];
          who = p;
          isAudio = true;
          isPacket = false;
        }
      }
      long now = System.nanoTime();
      if (due > now) {
        LockSupport.parkNanos(due - now);
        continue;
      }
      if (isPacket) {
        VideoPacketizer v = video[who];
        int len = v.writePacket(nextIndex[who]++, buf, System.nanoTime());
        send(who, Probe.KIND_VIDEO, len);
        nextPacket[who] = now + packetNanos; // never faster than the rate, even when late
        if (nextIndex[who] == framePackets[who]) {
          lastSent[Probe.streamId(who, Probe.KIND_VIDEO)] = v.lastSequence();
        }
        continue;
      }
      if (now - due > frame) {
        lateFrames++;
      }
      if (isAudio) {
        int len = audio[who].writePacket(buf, System.nanoTime());
        send(who, Probe.KIND_AUDIO, len);
        lastSent[Probe.streamId(who, Probe.KIND_AUDIO)] = audio[who].lastSequence();
        nextAudio[who] += AudioPacketizer.INTERVAL_NANOS;
      } else {
        VideoPacketizer v = video[who];
        if (session.keyFrameRequested(who)) {
          v.requestKeyFrame();
          keyFramesOnRequest++;
        }
        int packets = v.startFrame();
        if (packetNanos > 0 && packets > 1) {
          int len = v.writePacket(0, buf, System.nanoTime());
          send(who, Probe.KIND_VIDEO, len);
          framePackets[who] = packets;
          nextIndex[who] = 1;
          nextPacket[who] = now + packetNanos;
        } else {
          for (int i = 0; i < packets; i++) {
            int len = v.writePacket(i, buf, System.nanoTime());
            send(who, Probe.KIND_VIDEO, len);
          }
          lastSent[Probe.streamId(who, Probe.KIND_VIDEO)] = v.lastSequence();
        }
        nextVideo[who] += frame;
      }
    }
  }

  private void send(int publisher, int kind, int len) {
    try {
      session.send(publisher, kind, buf, len);
      sentPackets++;
      sentBytes += len;
    } catch (Exception e) {
      sendErrors++;
    }
  }

  /**
   * Pauses or resumes sending. On resume the schedule shifts by the pause, so nothing is sent in
   * a catch-up burst and the stream continues as if the pause had not happened (sequences go on).
   */
  public void pause(boolean on) {
    paused = on;
  }

  public void stop() {
    running = false;
  }

  /** Last probe sequence sent per publisher stream id; read after the thread ended. */
  public long[] lastSent() {
    return lastSent;
  }

  public long sendErrors() {
    return sendErrors;
  }

  public long lateFrames() {
    return lateFrames;
  }

  /** Key frames sent because the SFU asked (PLI/FIR); read after the thread ended. */
  public long keyFramesOnRequest() {
    return keyFramesOnRequest;
  }

  public long sentPackets() {
    return sentPackets;
  }

  public long sentBytes() {
    return sentBytes;
  }
}
