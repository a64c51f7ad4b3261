package org.sfu4j.signaling.protoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The protoo decoder never throws: exact results for valid input, a status for everything else. */
class ProtooCodecTest {
  static final String REQUEST =
      "{\"request\":true,\"id\":12345,\"method\":\"produce\",\"data\":{\"kind\":\"audio\"}}";
  static final String RESPONSE_ERR =
      "{\"response\":true,\"id\":12345,\"ok\":false,\"errorCode\":400,\"errorReason\":\"bad\"}";
  static final String NOTIFICATION = "{\"notification\":true,\"method\":\"newPeer\",\"data\":{\"id\":\"a\"}}";

  @Test
  void decodesTheThreeKinds() {
    ProtooMessage r = ProtooCodec.decode(REQUEST).message();
    assertEquals(ProtooMessage.Kind.REQUEST, r.kind());
    assertEquals(12345, r.id());
    assertEquals("produce", r.method());
    assertEquals("audio", r.data().path("kind").asText());
    ProtooMessage e = ProtooCodec.decode(RESPONSE_ERR).message();
    assertEquals(ProtooMessage.Kind.RESPONSE, e.kind());
    assertEquals(false, e.ok());
    assertEquals(400, e.errorCode());
    assertEquals("bad", e.errorReason());
    ProtooMessage n = ProtooCodec.decode(NOTIFICATION).message();
    assertEquals(ProtooMessage.Kind.NOTIFICATION, n.kind());
    assertEquals("newPeer", n.method());
    // data absent → empty object
    assertTrue(ProtooCodec.decode("{\"request\":true,\"id\":1,\"method\":\"x\"}").message().data().isObject());
  }

  @Test
  void encodesWhatItDecodes() {
    String s = ProtooCodec.request(7, "newConsumer", JsonNodeFactory.instance.objectNode().put("id", "c"));
    assertEquals("{\"request\":true,\"id\":7,\"method\":\"newConsumer\",\"data\":{\"id\":\"c\"}}", s);
    assertEquals("{\"response\":true,\"id\":7,\"ok\":false,\"errorCode\":404,\"errorReason\":\"x\"}",
        ProtooCodec.errorResponse(7, 404, "x"));
    assertEquals("{\"response\":true,\"id\":7,\"ok\":true,\"data\":{}}", ProtooCodec.okResponse(7, null));
    assertEquals("{\"notification\":true,\"method\":\"peerClosed\",\"data\":{}}", ProtooCodec.notification("peerClosed", null));
  }

  @Test
  void wrongTypesAreNotProtoo() {
    for (String s : new String[] {
        "{\"request\":\"true\",\"id\":1,\"method\":\"x\"}",
        "{\"request\":true,\"id\":-1,\"method\":\"x\"}",
        "{\"request\":true,\"id\":1.5,\"method\":\"x\"}",
        "{\"request\":true,\"id\":1,\"method\":5}",
        "{\"request\":true,\"id\":1,\"method\":\"\"}",
        "{\"response\":true,\"id\":1,\"ok\":\"yes\"}",
        "{\"notification\":true}",
        "{}"}) {
      assertEquals(ProtooCodec.Status.NOT_PROTOO, ProtooCodec.decode(s).status(), s);
    }
    assertEquals(ProtooCodec.Status.NOT_JSON, ProtooCodec.decode("[]").status());
    assertEquals(ProtooCodec.Status.NOT_JSON, ProtooCodec.decode("").status());
    assertEquals(ProtooCodec.Status.NOT_JSON, ProtooCodec.decode("[".repeat(10_000)).status());
  }

  @Test
  void everyTruncationDecodesCleanly() {
    for (String valid : new String[] {REQUEST, RESPONSE_ERR, NOTIFICATION}) {
      for (int len = 0; len < valid.length(); len++) {
        ProtooCodec.Decoded d = ProtooCodec.decode(valid.substring(0, len));
        assertNotNull(d.status());
        assertEquals(ProtooCodec.Status.NOT_JSON, d.status(), valid.substring(0, len));
      }
    }
  }

  @Test
  void hundredThousandRandomInputsNeverThrow() {
    Random rnd = new Random(0x5f04L);
    String alphabet = "{}[]\":,0123456789.-+eEtrufalsn \\u\u00e9\u0000requestidmethodokdata";
    int ok = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (i % 2 == 0) {
        // mutate a valid message
        sb.append(i % 4 == 0 ? REQUEST : NOTIFICATION);
        for (int m = 0; m < 1 + rnd.nextInt(4); m++) {
          int at = rnd.nextInt(sb.length());
          sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      } else {
        int n = rnd.nextInt(80);
        for (int k = 0; k < n; k++) {
          sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      }
      ProtooCodec.Decoded d = ProtooCodec.decode(sb.toString());
      assertNotNull(d.status());
      if (d.status() == ProtooCodec.Status.OK) {
        assertNotNull(d.message().data());
        ok++;
      } else {
        assertEquals(null, d.message());
      }
    }
    assertTrue(ok > 0 && ok < 100_000, "ok=" + ok);
  }
}
