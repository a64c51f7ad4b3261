package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded structural mutations of a JSON request body for the signaling fuzzer: wrong types,
 * missing and extra fields, huge strings and arrays, nesting, out-of-range numbers, unicode, and
 * ids of objects that belong to someone else. Deterministic for a given {@link Random}.
 */
final class JsonMutator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] UNICODE = {
    "", " ", "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627", "e\u0301\u0301\u0301", "\ud83d\ude00\ud83c\udfa5",
    "\ufeff", "\uffff", "\u00e9t\u00e9", "\u4e2d\u6587", "null", "true", "0", "-1", "{}", "[]",
    "audio", "video", "webcam", "\"quoted\"", "back\\slash", "line\nbreak", "../../etc/passwd",
    "%00", "<script>", "${jndi:ldap://x}"
  };

  /** Templates nest at most this deep below the envelope; deep values fill the rest. */
  private static final int TEMPLATE_DEPTH = 8;

  private final Random rnd;
  /** Ids of live objects (own and other peers'), swapped in for strings to probe ownership. */
  private final List<String> knownIds = new ArrayList<>();

  JsonMutator(Random rnd) {
    this.rnd = rnd;
  }

  void knownIds(List<String> ids) {
    knownIds.clear();
    knownIds.addAll(ids);
  }

  /** Applies 1–3 mutations to a deep copy of {@code data}. */
  JsonNode mutate(ObjectNode data) {
    JsonNode root = data.deepCopy();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(40) == 0) {
        root = weirdValue(0); // data itself is not an object
        continue;
      }
      if (!root.isContainerNode() || root.size() == 0) {
        root = root.isContainerNode() ? root : JSON.objectNode();
      }
      mutateSomewhere(root);
    }
    return root;
  }

  private void mutateSomewhere(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode c = containers.get(rnd.nextInt(containers.size()));
    if (c instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = rnd.nextInt(10);
      if (names.isEmpty() || op == 0) {
        o.set(fieldName(), weirdValue(TEMPLATE_DEPTH));
        return;
      }
      String name = names.get(rnd.nextInt(names.size()));
      if (op == 1 || op == 2) {
        o.remove(name);
      } else {
        o.set(name, perturb(o.get(name), TEMPLATE_DEPTH));
      }
    } else if (c instanceof ArrayNode a) {
      int op = rnd.nextInt(6);
      if (a.size() == 0 || op == 0) {
        a.add(weirdValue(TEMPLATE_DEPTH));
      } else if (op == 1) {
        a.remove(rnd.nextInt(a.size()));
      } else if (op == 2) {
        a.add(a.get(rnd.nextInt(a.size())).deepCopy());
      } else {
        int i = rnd.nextInt(a.size());
        a.set(i, perturb(a.get(i), TEMPLATE_DEPTH));
      }
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  /** A value of a related but wrong shape for {@code v}, or a completely different one. */
  private JsonNode perturb(JsonNode v, int depth) {
    if (rnd.nextInt(3) == 0) {
      return weirdValue(depth);
    }
    if (v.isIntegralNumber()) {
      long x = v.asLong();
      long[] near = {x + 1, x - 1, -x, 0, x * 1000, 1L << 31, (1L << 32) + x, (1L << 53) + 1, Long.MAX_VALUE};
      return JSON.numberNode(near[rnd.nextInt(near.length)]);
    }
    if (v.isTextual()) {
      String s = v.asText();
      switch (rnd.nextInt(6)) {
        case 0:
          return JSON.textNode(s.isEmpty() ? s : s.substring(0, rnd.nextInt(s.length())));
        case 1:
          return JSON.textNode(s + UNICODE[rnd.nextInt(UNICODE.length)]);
        case 2:
          return JSON.textNode(s.toUpperCase());
        case 3:
          if (!knownIds.isEmpty()) {
            return JSON.textNode(knownIds.get(rnd.nextInt(knownIds.size())));
          }
          return JSON.textNode("");
        default:
          return JSON.textNode(UNICODE[rnd.nextInt(UNICODE.length)]);
      }
    }
    if (v.isBoolean()) {
      return rnd.nextBoolean() ? JSON.textNode(v.asText()) : JSON.numberNode(v.asBoolean() ? 1 : 0);
    }
    return weirdValue(depth);
  }

  private String fieldName() {
    String[] names = {"__proto__", "constructor", "id", "transportId", "producerId", "consumerId", "x", "", "\u0000", "\ud83d\ude00", "data"};
    return names[rnd.nextInt(names.length)];
  }

  /** Any JSON value, including huge and deep ones; total nesting stays below the 64 limit. */
  JsonNode weirdValue(int depth) {
    switch (rnd.nextInt(20)) {
      case 0:
        return JSON.nullNode();
      case 1:
        return JSON.booleanNode(rnd.nextBoolean());
      case 2:
        return JSON.numberNode(rnd.nextInt());
      case 3:
        return JSON.numberNode(rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
      case 4:
        return JSON.numberNode(new BigInteger(200, rnd).negate());
      case 5:
        return JSON.numberNode(new BigDecimal("1e308").multiply(BigDecimal.TEN.pow(rnd.nextInt(5))));
      case 6:
        return JSON.numberNode(rnd.nextBoolean() ? -0.0 : rnd.nextDouble() * 1e6);
      case 7:
        return JSON.textNode("x".repeat(rnd.nextInt(20_000)));
      case 8:
        return JSON.textNode(UNICODE[rnd.nextInt(UNICODE.length)].repeat(1 + rnd.nextInt(300)));
      case 9:
        {
          ArrayNode a = JSON.arrayNode();
          int n = rnd.nextInt(5_000);
          for (int i = 0; i < n; i++) {
            a.add(i);
          }
          return a;
        }
      case 10:
        {
          ArrayNode a = JSON.arrayNode();
          int n = rnd.nextInt(300);
          for (int i = 0; i < n; i++) {
            a.addObject().put("mimeType", "audio/opus").put("payloadType", i).put("clockRate", 48000);
          }
          return a;
        }
      case 11:
        {
          // Nesting up to the codec's 64-level limit minus the envelope and where we are.
          int levels = 1 + rnd.nextInt(Math.max(1, 56 - depth));
          JsonNode n = JSON.numberNode(1);
          for (int i = 0; i < levels; i++) {
            n = rnd.nextBoolean() ? JSON.arrayNode().add(n) : JSON.objectNode().set("a", n);
          }
          return n;
        }
      case 12:
        return JSON.arrayNode();
      case 13:
        return JSON.objectNode();
      case 14:
        return knownIds.isEmpty() ? JSON.textNode("") : JSON.textNode(knownIds.get(rnd.nextInt(knownIds.size())));
      default:
        return JSON.textNode(UNICODE[rnd.nextInt(UNICODE.length)]);
    }
  }

  /** Nesting depth of the deepest container in {@code n} (a scalar is 0). */
  static int nesting(JsonNode n) {
    int max = 0;
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      max = Math.max(max, nesting(it.next()));
    }
    return n.isContainerNode() ? max + 1 : 0;
  }
}
