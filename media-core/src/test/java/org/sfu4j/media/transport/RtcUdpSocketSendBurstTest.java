package org.sfu4j.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * A fan-out burst larger than the channel's high water mark (4 MiB) sent in one loop task — what
 * a key frame to a thousand consumers is — leaves without NOT_WRITABLE drops: the socket flushes
 * every {@link RtcUdpSocket#FLUSH_EVERY_BYTES} instead of once at the end of the task (the load
 * tool found 247,540 such drops in 15 s at 1,000 consumers before).
 */
class RtcUdpSocketSendBurstTest {
  @Test
  void aBurstAboveTheHighWaterMarkIsSentNotDropped() throws Exception {
    try (WebRtcFixture f = new WebRtcFixture();
        DatagramSocket sink = new DatagramSocket(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      f.transport();
      RtcUdpSocket socket = f.socket();
      InetSocketAddress to = (InetSocketAddress) sink.getLocalSocketAddress();
      int count = 8_000; // x 1,200 B = 9.6 MB, twice the high water mark
      long sent0 = f.onLoop(socket::datagramsSent);
      long notWritable = f.onLoop(() -> {
        for (int i = 0; i < count; i++) {
          ByteBuf d = f.worker.allocator().directBuffer(1200);
          d.writeZero(1200);
          socket.send(d, to);
        }
        return socket.dropCount(RtcDropReason.NOT_WRITABLE);
      });
      assertEquals(0, notWritable, "NOT_WRITABLE drops in the burst");
      assertEquals(count, f.onLoop(socket::datagramsSent) - sent0);
    }
  }
}
