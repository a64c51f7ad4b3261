package org.sfu4j.signaling.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;
import org.sfu4j.signaling.protoo.EncodedMessage;

/** Batched sends: one flush per burst, FIFO order, close after what was sent, bounded queue. */
class WebSocketPeerChannelTest {

  /** Counts flushes reaching the socket. */
  private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
    int flushes;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      flushes++;
      ctx.flush();
    }
  }

  private static String text(Object frame) {
    TextWebSocketFrame f = (TextWebSocketFrame) frame;
    try {
      return f.text();
    } finally {
      f.release();
    }
  }

  @Test
  void burstIsWrittenInOrderWithOneFlush() {
    FlushCounter counter = new FlushCounter();
    EmbeddedChannel ch = new EmbeddedChannel(counter);
    WebSocketPeerChannel peer = new WebSocketPeerChannel(ch);
    peer.send("{\"a\":1}");
    peer.send(EncodedMessage.of("{\"b\":2}"));
    peer.send("{\"c\":3}");
    assertNull(ch.readOutbound(), "nothing is written before the drain task ran");
    ch.runPendingTasks();
    assertEquals("{\"a\":1}", text(ch.readOutbound()));
    assertEquals("{\"b\":2}", text(ch.readOutbound()));
    assertEquals("{\"c\":3}", text(ch.readOutbound()));
    assertNull(ch.readOutbound());
    assertEquals(1, counter.flushes);

    peer.send("{\"d\":4}"); // a later burst gets its own drain and flush
    ch.runPendingTasks();
    assertEquals("{\"d\":4}", text(ch.readOutbound()));
    assertEquals(2, counter.flushes);
    assertFalse(ch.finishAndReleaseAll());
  }

  @Test
  void encodedMessageBytesAreSharedNotCopied() {
    EncodedMessage m = EncodedMessage.of("{\"notification\":true,\"method\":\"newPeer\"}");
    EmbeddedChannel a = new EmbeddedChannel();
    EmbeddedChannel b = new EmbeddedChannel();
    new WebSocketPeerChannel(a).send(m);
    new WebSocketPeerChannel(b).send(m);
    a.runPendingTasks();
    b.runPendingTasks();
    TextWebSocketFrame fa = a.readOutbound();
    TextWebSocketFrame fb = b.readOutbound();
    assertSame(m.utf8(), fa.content().array());
    assertSame(m.utf8(), fb.content().array());
    assertEquals(m.json(), fa.text());
    assertEquals(m.json(), fb.text());
    fa.release();
    fb.release();
    a.finishAndReleaseAll();
    b.finishAndReleaseAll();
  }

  @Test
  void closeGoesOutAfterTheMessagesSentBeforeIt() {
    EmbeddedChannel ch = new EmbeddedChannel();
    WebSocketPeerChannel peer = new WebSocketPeerChannel(ch);
    peer.send("{\"x\":1}");
    peer.send("{\"x\":2}");
    peer.close(4000, "replaced");
    peer.send("{\"x\":3}"); // after close: dropped
    ch.runPendingTasks();
    assertEquals("{\"x\":1}", text(ch.readOutbound()));
    assertEquals("{\"x\":2}", text(ch.readOutbound()));
    CloseWebSocketFrame close = ch.readOutbound();
    assertEquals(4000, close.statusCode());
    assertEquals("replaced", close.reasonText());
    close.release();
    assertNull(ch.readOutbound());
    assertFalse(ch.isOpen());
    assertTrue(peer.closing());
    ch.finishAndReleaseAll();
  }

  @Test
  void peerThatDoesNotReadIsClosedOnceTheQueueIsFull() {
    EmbeddedChannel ch = new EmbeddedChannel();
    WebSocketPeerChannel peer = new WebSocketPeerChannel(ch);
    String big = "x".repeat(64 * 1024);
    int sends = (int) (WebSocketPeerChannel.MAX_PENDING_OUTBOUND / big.length()) + 1;
    for (int i = 0; i < sends; i++) {
      peer.send(big);
    }
    assertFalse(peer.closing(), "at the limit, not above it yet");
    peer.send(big); // above 4 MiB queued: closed instead of queued
    assertTrue(peer.closing());
    // The close task (inline on EmbeddedChannel's loop) wrote what was queued, then the close.
    int frames = 0;
    Object o;
    while ((o = ch.readOutbound()) != null) {
      if (o instanceof TextWebSocketFrame t) {
        t.release();
        frames++;
      } else {
        assertTrue(o instanceof CloseWebSocketFrame);
        assertEquals(1008, ((CloseWebSocketFrame) o).statusCode());
        ((CloseWebSocketFrame) o).release();
      }
    }
    assertEquals(sends, frames);
    ch.finishAndReleaseAll();
  }

  @Test
  void framesQueuedForAClosedSocketAreReleased() {
    EmbeddedChannel ch = new EmbeddedChannel();
    WebSocketPeerChannel peer = new WebSocketPeerChannel(ch);
    peer.send("{\"late\":true}");
    ch.pipeline().close(); // the socket went away before the drain ran
    ch.runPendingTasks();
    assertNull(ch.readOutbound());
    ch.finishAndReleaseAll();
  }
}
