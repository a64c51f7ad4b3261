package org.sfu4j.signaling.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression (issue 9 soak): an I/O error before the upgrade is handled, not left to the tail. */
class HttpRequestRouterTest {

  @Test
  void connectionResetBeforeUpgradeClosesQuietly() {
    EmbeddedChannel ch = new EmbeddedChannel(new HttpRequestRouter(null, List.of()));
    ch.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
    // EmbeddedChannel rethrows an exception that reached the pipeline's tail.
    assertDoesNotThrow(ch::checkException);
    assertFalse(ch.isOpen());
    ch.finishAndReleaseAll();
  }
}
