package org.sfu4j.signaling.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.sfu4j.signaling.PeerChannel;
import org.sfu4j.signaling.protoo.EncodedMessage;

/**
 * {@link PeerChannel} over a Netty WebSocket channel. A peer that does not read (its queued plus
 * outbound bytes above {@link #MAX_PENDING_OUTBOUND}) is closed rather than allowed to grow server
 * memory.
 *
 * <p>Sends come from the signaling thread; each one used to be its own {@code writeAndFlush}: a
 * task posted to the socket's event loop (an eventfd wake-up when it sleeps) and a {@code write}
 * syscall per message. In a join storm that is one per {@code newPeer}, O(peers²). Messages are
 * queued instead, and one drain task per burst writes everything queued and flushes once, so a
 * peer that is told about 50 joins in one burst gets them in one syscall. Order is preserved
 * (one FIFO, one drainer on the event loop); a close goes through the same queue, after the
 * messages sent before it.
 */
final class WebSocketPeerChannel implements PeerChannel {
  static final long MAX_PENDING_OUTBOUND = 4L * 1024 * 1024;

  private final Channel channel;
  private final AtomicBoolean closing = new AtomicBoolean();
  /** Frames waiting for the drain task; each send adds, only the event loop removes. */
  private final Queue<TextWebSocketFrame> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  /** True while a drain task is posted and has not started draining yet. */
  private final AtomicBoolean drainPosted = new AtomicBoolean();
  private final Runnable drain = this::drain;

  WebSocketPeerChannel(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void send(String json) {
    if (mayQueue()) {
      enqueue(new TextWebSocketFrame(json));
    }
  }

  /** Wraps the message's shared bytes (no copy, no per-recipient serialisation). */
  @Override
  public void send(EncodedMessage message) {
    if (mayQueue()) {
      enqueue(new TextWebSocketFrame(Unpooled.wrappedBuffer(message.utf8())));
    }
  }

  private boolean mayQueue() {
    if (closing.get() || !channel.isActive()) {
      return false;
    }
    long pending = queuedBytes.get();
    if (channel.unsafe().outboundBuffer() != null) {
      pending += channel.unsafe().outboundBuffer().totalPendingWriteBytes();
    }
    if (pending > MAX_PENDING_OUTBOUND) {
      close(1008, "too slow");
      return false;
    }
    return true;
  }

  /** Takes ownership of {@code frame}: the drain task writes it, or releases it if closed. */
  private void enqueue(TextWebSocketFrame frame) {
    queuedBytes.addAndGet(frame.content().readableBytes());
    queue.add(frame);
    if (drainPosted.compareAndSet(false, true)) {
      try {
        channel.eventLoop().execute(drain);
      } catch (RuntimeException rejected) { // the loop is shutting down
        drainPosted.set(false);
        discardQueued();
      }
    }
  }

  /** On the event loop: writes every queued frame, then flushes once. */
  private void drain() {
    // Cleared before polling: a frame queued after this sees false and posts another drain.
    drainPosted.set(false);
    if (!channel.isActive()) {
      discardQueued();
      return;
    }
    TextWebSocketFrame frame;
    boolean wrote = false;
    while ((frame = queue.poll()) != null) {
      queuedBytes.addAndGet(-frame.content().readableBytes());
      channel.write(frame, channel.voidPromise());
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
  }

  private void discardQueued() {
    TextWebSocketFrame frame;
    while ((frame = queue.poll()) != null) {
      queuedBytes.addAndGet(-frame.content().readableBytes());
      frame.release();
    }
  }

  @Override
  public void close(int statusCode, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    Runnable closeTask =
        () -> {
          drain(); // what was sent before the close goes out first
          if (channel.isActive()) {
            channel
                .writeAndFlush(new CloseWebSocketFrame(statusCode, reason))
                .addListener(ChannelFutureListener.CLOSE);
          } else {
            channel.close();
          }
        };
    if (channel.eventLoop().inEventLoop()) {
      closeTask.run();
    } else {
      try {
        channel.eventLoop().execute(closeTask);
      } catch (RuntimeException rejected) {
        discardQueued();
        channel.close();
      }
    }
  }

  boolean closing() {
    return closing.get();
  }
}
