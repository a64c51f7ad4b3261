package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class AppTest {
  @Test
  void parsesAndRebuilds() {
    ByteBuf b = Unpooled.wrappedBuffer(RtcpVectors.APP);
    App app = new App();
    assertEquals(RtcpDropReason.OK, app.wrap(b, 0, b.readableBytes()));
    assertEquals(5, app.subtype());
    assertEquals(0x11223344L, app.ssrc());
    assertEquals(App.nameOf("TEST"), app.name());
    assertEquals(0x54455354, app.name());
    assertEquals(12, app.dataOffset());
    assertEquals(4, app.dataLength());
    assertEquals(0x01020304, b.getInt(app.dataOffset()));
    b.release();
    App.Builder ab = new App.Builder().set(5, 0x11223344L, App.nameOf("TEST"), new byte[] {1, 2, 3, 4});
    RoundTrip.assertWrites(RtcpVectors.APP, ab::sizeInBytes, ab::writeTo);
  }
}
