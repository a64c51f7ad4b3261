package org.sfu4j.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IceTcpFramingTest {

  @Test
  void framesSurviveArbitraryStreamSegmentation() {
    Random random = new Random(4571);
    List<byte[]> sent = new ArrayList<>();
    ByteBuf stream = Unpooled.buffer();
    for (int i = 0; i < 200; i++) {
      byte[] payload = new byte[i == 7 ? 0 : random.nextInt(1500)];
      random.nextBytes(payload);
      sent.add(payload);
      IceTcpFraming.writeFrame(stream, Unpooled.wrappedBuffer(payload));
    }
    byte[] wire = ByteBufUtil.getBytes(stream);
    stream.release();

    ByteBuf cumulation = Unpooled.buffer();
    List<byte[]> received = new ArrayList<>();
    int pos = 0;
    while (pos < wire.length) {
      int chunk = Math.min(wire.length - pos, 1 + random.nextInt(900));
      cumulation.writeBytes(wire, pos, chunk);
      pos += chunk;
      int n;
      while ((n = IceTcpFraming.nextFrameLength(cumulation)) >= 0) {
        cumulation.skipBytes(IceTcpFraming.HEADER_SIZE);
        byte[] frame = new byte[n];
        cumulation.readBytes(frame);
        received.add(frame);
      }
      cumulation.discardReadBytes();
    }
    assertEquals(0, cumulation.readableBytes());
    cumulation.release();
    assertEquals(sent.size(), received.size());
    for (int i = 0; i < sent.size(); i++) {
      assertArrayEquals(sent.get(i), received.get(i), "frame " + i);
    }
  }

  @Test
  void incompleteHeadersAndBoundsAreHandled() {
    ByteBuf in = Unpooled.buffer();
    assertEquals(-1, IceTcpFraming.nextFrameLength(in));
    in.writeByte(0);
    assertEquals(-1, IceTcpFraming.nextFrameLength(in));
    in.writeByte(3).writeByte(1).writeByte(2);
    assertEquals(-1, IceTcpFraming.nextFrameLength(in));
    in.writeByte(3);
    assertEquals(3, IceTcpFraming.nextFrameLength(in));
    in.release();
    assertThrows(IllegalArgumentException.class,
        () -> IceTcpFraming.writeHeader(Unpooled.buffer(), 65536));
  }
}
