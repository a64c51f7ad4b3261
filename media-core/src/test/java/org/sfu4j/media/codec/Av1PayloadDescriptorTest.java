package org.sfu4j.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sfu4j.media.codec.CodecVectors.buf;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class Av1PayloadDescriptorTest {
  private final Av1PayloadDescriptor d = new Av1PayloadDescriptor();

  @Test
  void newCodedVideoSequenceIsKeyFrame() {
    ByteBuf b = buf(CodecVectors.AV1_KEY);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertTrue(d.isKeyFrame());
    assertFalse(d.continuesPreviousObu());
    assertFalse(d.lastObuContinues());
    assertEquals(1, d.obuElementCount());
    assertEquals(1, d.obuType());
    assertEquals(-1, d.temporalLayerId());
    assertEquals(-1, d.spatialLayerId());
    assertTrue(Av1PayloadDescriptor.detectKeyFrame(b, 0, b.readableBytes()));
    b.release();
  }

  @Test
  void readsLayerIdsFromObuExtension() {
    ByteBuf b = buf(CodecVectors.AV1_EXT);
    assertTrue(d.parse(b, 0, b.readableBytes()));
    assertTrue(d.isKeyFrame());
    assertEquals(0, d.obuElementCount());
    assertEquals(6, d.obuType());
    assertEquals(1, d.temporalLayerId());
    assertEquals(1, d.spatialLayerId());
    b.release();
  }

  @Test
  void continuationPacket() {
    ByteBuf b = buf("d0 ff ff"); // Z=1 Y=1 W=1
    assertTrue(d.parse(b, 0, 3));
    assertFalse(d.isKeyFrame());
    assertTrue(d.continuesPreviousObu());
    assertTrue(d.lastObuContinues());
    assertEquals(-1, d.obuType());
    b.release();
  }

  @Test
  void rejectsMalformed() {
    for (String hex : new String[] {"", "18", "00 05 34", "00 00 34", "10 80", "00 80", "00 ff ff ff",
        "08 01 34", "20 81 80 80 80 80 80 80 80 80 01 00"}) {
      ByteBuf b = buf(hex);
      assertFalse(d.parse(b, 0, b.readableBytes()), hex);
      assertFalse(d.isKeyFrame());
      b.release();
    }
  }
}
