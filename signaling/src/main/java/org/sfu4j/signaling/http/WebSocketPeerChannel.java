package org.sfu4j.signaling.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sfu4j.signaling.PeerChannel;

/**
 * {@link PeerChannel} over a Netty WebSocket channel. A peer that does not read (outbound buffer
 * above {@link #MAX_PENDING_OUTBOUND}) is closed rather than allowed to grow server memory.
 */
final class WebSocketPeerChannel implements PeerChannel {
  static final long MAX_PENDING_OUTBOUND = 4L * 1024 * 1024;

  private final Channel channel;
  private final AtomicBoolean closing = new AtomicBoolean();

  WebSocketPeerChannel(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void send(String json) {
    if (closing.get() || !channel.isActive()) {
      return;
    }
    if (channel.bytesBeforeUnwritable() == 0
        && channel.unsafe().outboundBuffer() != null
        && channel.unsafe().outboundBuffer().totalPendingWriteBytes() > MAX_PENDING_OUTBOUND) {
      close(1008, "too slow");
      return;
    }
    channel.writeAndFlush(new TextWebSocketFrame(json), channel.voidPromise());
  }

  @Override
  public void close(int statusCode, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    if (channel.isActive()) {
      channel
          .writeAndFlush(new CloseWebSocketFrame(statusCode, reason))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.close();
    }
  }

  boolean closing() {
    return closing.get();
  }
}
