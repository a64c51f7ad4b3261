package org.sfu4j.media.ortc;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON tree equality where numbers compare by value (JS has one number type: 4 == 4.0). */
final class JsonAssert {
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonAssert() {}

  static void assertJsonEquals(JsonNode expected, JsonNode actual) {
    assertJsonEquals(expected, actual, null);
  }

  static void assertJsonEquals(JsonNode expected, JsonNode actual, String message) {
    if (!expected.equals(NUMBERS_BY_VALUE, actual)) {
      fail((message == null ? "" : message + ": ") + "expected " + expected + " but was " + actual);
    }
  }
}
