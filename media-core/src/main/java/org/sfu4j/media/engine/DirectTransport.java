package org.sfu4j.media.engine;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * In-process transport: the application injects RTP/RTCP as if it came from the network and
 * receives consumers' packets (and engine RTCP such as PLI) through listeners. Used by embedders
 * and by tests and benchmarks without sockets. Always ready to send.
 */
public final class DirectTransport extends Transport {
  /** Receives one consumer packet; {@code packet} is valid only during the call (released after). */
  @FunctionalInterface
  public interface RtpListener {
    void onRtp(Consumer consumer, ByteBuf packet);
  }

  /** Receives one engine RTCP packet; valid only during the call (released after). */
  @FunctionalInterface
  public interface RtcpListener {
    void onRtcp(ByteBuf packet);
  }

  private RtpListener rtpListener;
  private RtcpListener rtcpListener;
  private long listenerErrors;

  DirectTransport(TransportContext context, DirectTransportOptions options) {
    super(context, options.appData);
  }

  public void setRtpListener(RtpListener listener) {
    context().router().worker().execute(() -> rtpListener = listener);
  }

  public void setRtcpListener(RtcpListener listener) {
    context().router().worker().execute(() -> rtcpListener = listener);
  }

  /**
   * Feeds an RTP packet ({@code readerIndex..writerIndex}) to this transport's producers. Does NOT
   * take ownership: on the loop the packet is processed before returning; from another thread a
   * retained duplicate is queued (and released after processing), so the caller must not modify
   * the bytes until then but may release its own reference at once.
   */
  public void injectRtp(ByteBuf packet) {
    if (eventLoop().inEventLoop()) {
      receiveRtp(packet, nowMs());
    } else {
      ByteBuf dup = packet.retainedDuplicate();
      post(dup, () -> receiveRtp(dup, nowMs()));
    }
  }

  /** Feeds an RTCP compound packet; same ownership rules as {@link #injectRtp(ByteBuf)}. */
  public void injectRtcp(ByteBuf packet) {
    if (eventLoop().inEventLoop()) {
      receiveRtcp(packet, nowMs());
    } else {
      ByteBuf dup = packet.retainedDuplicate();
      post(dup, () -> receiveRtcp(dup, nowMs()));
    }
  }

  private void post(ByteBuf dup, Runnable r) {
    try {
      eventLoop().execute(() -> {
        try {
          r.run();
        } finally {
          dup.release();
        }
      });
    } catch (RuntimeException e) {
      dup.release();
    }
  }

  /** Hands the packet to the RTP listener, then releases it (ownership was transferred here). */
  @Override
  protected void sendRtp(Consumer consumer, ByteBuf packet) {
    try {
      RtpListener l = rtpListener;
      if (l != null) {
        l.onRtp(consumer, packet);
      }
    } catch (RuntimeException e) {
      listenerErrors++;
    } finally {
      packet.release();
    }
  }

  /** Hands the packet to the RTCP listener, then releases it. */
  @Override
  protected void sendRtcp(ByteBuf packet) {
    try {
      RtcpListener l = rtcpListener;
      if (l != null) {
        l.onRtcp(packet);
      }
    } catch (RuntimeException e) {
      listenerErrors++;
    } finally {
      packet.release();
    }
  }

  @Override
  protected boolean isReadyToSend() {
    return true;
  }

  @Override
  protected void onClose() {
    rtpListener = null;
    rtcpListener = null;
  }

  @Override
  protected void fillStats(Map<String, Object> stats) {
    stats.put("listenerErrors", listenerErrors);
  }

  @Override
  protected String typeName() {
    return "direct-transport";
  }
}
