package org.sfu4j.media.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.sfu4j.media.ortc.MediaKind;
import org.sfu4j.media.ortc.RtcpFeedback;

/** Priority, codec-kind validation, canConsumeSync and the upstream PLI/FIR wire bytes. */
class ProducerConsumerApiTest {
  private static Throwable cause(Runnable r) {
    CompletionException e = assertThrows(CompletionException.class, r::run);
    return e.getCause();
  }

  @Test
  void producerRejectsCodecsOfTheOtherKind() {
    try (EngineHarness h = new EngineHarness()) {
      ProducerOptions opusAsVideo = EngineHarness.producerOptions("chrome-produce-opus.json");
      opusAsVideo.kind = MediaKind.VIDEO;
      Throwable t = cause(() -> h.send.produce(opusAsVideo).join());
      assertEquals(IllegalArgumentException.class, t.getClass());
      assertEquals("rtpParameters.codecs[0] audio/opus does not match the producer kind video", t.getMessage());

      ProducerOptions vp8AsAudio = EngineHarness.vp8Simple(0x1234L);
      vp8AsAudio.kind = MediaKind.AUDIO;
      t = cause(() -> h.send.produce(vp8AsAudio).join());
      assertEquals("rtpParameters.codecs[0] video/VP8 does not match the producer kind audio", t.getMessage());
      assertEquals(0, h.onLoop(() -> h.send.registeredCount()));
    }
  }

  @Test
  void consumerPriorityIsValidatedStoredAndReported() {
    try (EngineHarness h = new EngineHarness()) {
      Producer p = h.produce(EngineHarness.producerOptions("chrome-produce-opus.json"));
      Consumer c = h.consume(p, false);
      assertEquals(1, c.priority());
      Throwable t = cause(() -> c.setPriority(0).join());
      assertEquals("priority must be an integer in 1..255, got 0", t.getMessage());
      t = cause(() -> c.setPriority(256).join());
      assertEquals(IllegalArgumentException.class, t.getClass());
      c.setPriority(200).join();
      assertEquals(200, c.priority());
      assertEquals(200, c.getStats().join().get(0).get("priority"));
      assertEquals(200, c.dump().join().get("priority"));
      c.unsetPriority().join();
      assertEquals(1, c.priority());
    }
  }

  @Test
  void canConsumeSyncRunsOnTheLoopOnly() {
    try (EngineHarness h = new EngineHarness()) {
      Producer p = h.produce(EngineHarness.producerOptions("chrome-produce-opus.json"));
      assertTrue(h.onLoop(() -> h.router.canConsumeSync(p.id(), EngineHarness.deviceCaps())));
      assertFalse(h.onLoop(() -> h.router.canConsumeSync("nope", EngineHarness.deviceCaps())));
      assertFalse(h.onLoop(() -> h.router.canConsumeSync(p.id(), null)));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> h.router.canConsumeSync(p.id(), EngineHarness.deviceCaps()));
      assertEquals("canConsumeSync must run on the worker's event loop; use canConsume", e.getMessage());
    }
  }

  private static byte[] bytes(ByteBuf b) {
    byte[] a = new byte[b.readableBytes()];
    b.getBytes(b.readerIndex(), a);
    return a;
  }

  @Test
  void keyFrameRequestIsAPliByDefaultAndAFirWithIncreasingSeqForCcmFirOnly() {
    try (EngineHarness h = new EngineHarness()) {
      long media = 0x0A0B0C0DL;
      Producer pli = h.produce(EngineHarness.vp8Simple(media));
      h.consume(pli, false);
      long sender = h.send.rtcpSsrc();
      ByteBuf want = Unpooled.buffer(12).writeInt(0x81CE0002).writeInt((int) sender).writeInt((int) media);
      assertEquals(1, h.rtcpUpstream.size());
      assertArrayEquals(bytes(want), h.rtcpUpstream.get(0));
      want.release();
      h.rtcpUpstream.clear();

      long firMedia = 0x01020304L;
      ProducerOptions o = EngineHarness.vp8Simple(firMedia);
      o.rtpParameters.codecs.get(0).rtcpFeedback = new java.util.ArrayList<>(
          List.of(new RtcpFeedback("nack", null), new RtcpFeedback("ccm", "fir")));
      Producer fir = h.produce(o);
      Consumer c = h.consume(fir, false);
      h.advance(600);
      c.requestKeyFrame().join();
      h.advance(100);
      c.requestKeyFrame().join(); // rate limited: nothing
      h.advance(500);
      fir.requestKeyFrame().join();
      assertEquals(3, h.rtcpUpstream.size());
      for (int i = 0; i < 3; i++) {
        // RFC 5104 4.3.1: FMT 4, PSFB, length 4 words, sender, media 0, FCI (ssrc, seq, reserved).
        ByteBuf f = Unpooled.buffer(20).writeInt(0x84CE0004).writeInt((int) sender).writeInt(0)
            .writeInt((int) firMedia).writeInt(i << 24);
        assertArrayEquals(bytes(f), h.rtcpUpstream.get(i), "FIR #" + i);
        f.release();
      }
      Map<String, Object> stats = fir.getStats().join().get(0);
      assertEquals(3L, stats.get("pliCount"));
    }
  }
}
