package org.sfu4j.signaling.protoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Encodes and decodes protoo JSON messages. Decoding never throws: it returns a {@link Decoded}
 * with either a message or a {@link Status} saying why the text is not one, so a hostile client
 * cannot make an exception escape into the socket handler.
 */
public final class ProtooCodec {

  /** Deep nesting is the one JSON shape that costs more than its size; 64 levels is plenty. */
  private static final int MAX_NESTING = 64;

  /** Why a text frame is not a protoo message. */
  public enum Status {
    OK,
    /** Not parseable JSON at all (counts towards the close-after-3 rule). */
    NOT_JSON,
    /** Valid JSON but not a well-formed protoo message (answered with 400 when it has an id). */
    NOT_PROTOO
  }

  /** Result of {@link #decode}: {@code message} is set iff {@code status == OK}. */
  public record Decoded(Status status, ProtooMessage message, long requestId, String reason) {}

  public static final ObjectMapper MAPPER = newMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtooCodec() {}

  private static ObjectMapper newMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    return mapper;
  }

  /** Decodes one text frame. */
  public static Decoded decode(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      return new Decoded(Status.NOT_JSON, null, -1, "invalid JSON");
    }
    if (root == null || !root.isObject()) {
      return new Decoded(Status.NOT_JSON, null, -1, "message is not a JSON object");
    }
    long id = -1;
    JsonNode idNode = root.get("id");
    if (idNode != null && idNode.isIntegralNumber() && idNode.canConvertToLong()) {
      id = idNode.asLong();
    }
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      data = NODES.objectNode();
    }
    if (root.path("request").asBoolean(false) && root.get("request").isBoolean()) {
      if (id < 0) {
        return notProtoo(-1, "request id must be a non-negative integer");
      }
      JsonNode method = root.get("method");
      if (method == null || !method.isTextual() || method.asText().isEmpty()) {
        return notProtoo(id, "request method must be a non-empty string");
      }
      return ok(new ProtooMessage(ProtooMessage.Kind.REQUEST, id, method.asText(), data, false, 0, null));
    }
    if (root.path("response").asBoolean(false) && root.get("response").isBoolean()) {
      if (id < 0) {
        return notProtoo(-1, "response id must be a non-negative integer");
      }
      JsonNode okNode = root.get("ok");
      if (okNode == null || !okNode.isBoolean()) {
        return notProtoo(-1, "response ok must be a boolean");
      }
      boolean ok = okNode.asBoolean();
      int code = root.path("errorCode").asInt(0);
      String reason = root.path("errorReason").isTextual() ? root.get("errorReason").asText() : null;
      return ok(new ProtooMessage(ProtooMessage.Kind.RESPONSE, id, null, data, ok, code, reason));
    }
    if (root.path("notification").asBoolean(false) && root.get("notification").isBoolean()) {
      JsonNode method = root.get("method");
      if (method == null || !method.isTextual() || method.asText().isEmpty()) {
        return notProtoo(-1, "notification method must be a non-empty string");
      }
      return ok(
          new ProtooMessage(ProtooMessage.Kind.NOTIFICATION, -1, method.asText(), data, false, 0, null));
    }
    return notProtoo(id, "not a protoo request, response or notification");
  }

  private static Decoded ok(ProtooMessage m) {
    return new Decoded(Status.OK, m, m.id(), null);
  }

  private static Decoded notProtoo(long id, String reason) {
    return new Decoded(Status.NOT_PROTOO, null, id, reason);
  }

  public static String request(long id, String method, JsonNode data) {
    ObjectNode o = NODES.objectNode();
    o.put("request", true).put("id", id).put("method", method);
    o.set("data", data == null ? NODES.objectNode() : data);
    return write(o);
  }

  public static String okResponse(long id, JsonNode data) {
    ObjectNode o = NODES.objectNode();
    o.put("response", true).put("id", id).put("ok", true);
    o.set("data", data == null ? NODES.objectNode() : data);
    return write(o);
  }

  public static String errorResponse(long id, int errorCode, String errorReason) {
    ObjectNode o = NODES.objectNode();
    o.put("response", true).put("id", id).put("ok", false);
    o.put("errorCode", errorCode).put("errorReason", errorReason);
    return write(o);
  }

  public static String notification(String method, JsonNode data) {
    ObjectNode o = NODES.objectNode();
    o.put("notification", true).put("method", method);
    o.set("data", data == null ? NODES.objectNode() : data);
    return write(o);
  }

  /** A notification serialised once, for sending the same one to many peers. */
  public static EncodedMessage encodedNotification(String method, JsonNode data) {
    return EncodedMessage.of(notification(method, data));
  }

  private static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JsonNode tree", e);
    }
  }
}
