package org.sfu4j.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/** Test helper: a builder's output must equal the golden bytes and its own sizeInBytes. */
final class RoundTrip {
  private RoundTrip() {}

  static void assertWrites(byte[] golden, IntSupplier size, ToIntFunction<ByteBuf> writer) {
    ByteBuf dst = Unpooled.buffer();
    dst.writeByte(0x77); // writes must start at writerIndex, not at 0
    try {
      assertEquals(golden.length, size.getAsInt(), "sizeInBytes");
      assertEquals(golden.length, writer.applyAsInt(dst), "bytes written");
      assertArrayEquals(golden, ByteBufUtil.getBytes(dst, 1, dst.readableBytes() - 1));
    } finally {
      dst.release();
    }
  }
}
