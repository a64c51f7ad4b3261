package org.sfu4j.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Strict, typed access to a request's {@code data}: every getter either returns a value of the
 * declared type or throws a 400 {@link SignalingException} naming the field, so handlers never see
 * a wrong type and a client always learns which field was wrong.
 */
final class Args {

  /** Ids are UUIDs in sfu4j; 128 leaves room for other engines without inviting abuse. */
  static final int MAX_ID = 128;

  static final int MAX_TEXT = 256;

  private final ObjectNode data;

  private Args(ObjectNode data) {
    this.data = data;
  }

  static Args of(JsonNode data) {
    if (data == null || data.isNull()) {
      return new Args(JsonNodeFactory.instance.objectNode());
    }
    if (!data.isObject()) {
      throw SignalingException.badRequest("data must be an object");
    }
    return new Args((ObjectNode) data);
  }

  ObjectNode raw() {
    return data;
  }

  String id(String field) {
    return string(field, MAX_ID);
  }

  String string(String field, int maxLength) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      throw SignalingException.badRequest(field + " is required");
    }
    return checkString(field, n, maxLength);
  }

  String optString(String field, int maxLength) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    return checkString(field, n, maxLength);
  }

  String optEnum(String field, Set<String> allowed, String fallback) {
    String v = optString(field, MAX_TEXT);
    if (v == null) {
      return fallback;
    }
    if (!allowed.contains(v)) {
      throw SignalingException.badRequest(field + " must be one of " + allowed);
    }
    return v;
  }

  String requiredEnum(String field, Set<String> allowed) {
    String v = string(field, MAX_TEXT);
    if (!allowed.contains(v)) {
      throw SignalingException.badRequest(field + " must be one of " + allowed);
    }
    return v;
  }

  private static String checkString(String field, JsonNode n, int maxLength) {
    if (!n.isTextual()) {
      throw SignalingException.badRequest(field + " must be a string");
    }
    String s = n.asText();
    if (s.isEmpty()) {
      throw SignalingException.badRequest(field + " must not be empty");
    }
    if (s.length() > maxLength) {
      throw SignalingException.badRequest(field + " is longer than " + maxLength);
    }
    return s;
  }

  boolean optBool(String field, boolean fallback) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw SignalingException.badRequest(field + " must be a boolean");
    }
    return n.asBoolean();
  }

  int integer(String field, int min, int max) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      throw SignalingException.badRequest(field + " is required");
    }
    return checkInt(field, n, min, max);
  }

  Integer optInteger(String field, int min, int max) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    return checkInt(field, n, min, max);
  }

  private static int checkInt(String field, JsonNode n, int min, int max) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw SignalingException.badRequest(field + " must be an integer");
    }
    int v = n.asInt();
    if (v < min || v > max) {
      throw SignalingException.badRequest(field + " must be in [" + min + ", " + max + "]");
    }
    return v;
  }

  ObjectNode object(String field) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      throw SignalingException.badRequest(field + " is required");
    }
    if (!n.isObject()) {
      throw SignalingException.badRequest(field + " must be an object");
    }
    return (ObjectNode) n;
  }

  ObjectNode optObject(String field) {
    JsonNode n = data.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw SignalingException.badRequest(field + " must be an object");
    }
    return (ObjectNode) n;
  }

  /** An optional object, or a fresh empty one (for appData). */
  ObjectNode objectOrEmpty(String field) {
    ObjectNode o = optObject(field);
    return o == null ? JsonNodeFactory.instance.objectNode() : o.deepCopy();
  }

  /** Requires {@code parent.field} to be a non-empty array (e.g. rtpParameters.codecs). */
  static void requireArray(ObjectNode parent, String parentName, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw SignalingException.badRequest(parentName + "." + field + " is required");
    }
    if (!n.isArray()) {
      throw SignalingException.badRequest(parentName + "." + field + " must be an array");
    }
    if (n.isEmpty()) {
      throw SignalingException.badRequest(parentName + "." + field + " must not be empty");
    }
  }
}
