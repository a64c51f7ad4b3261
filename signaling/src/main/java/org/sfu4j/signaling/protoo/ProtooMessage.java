package org.sfu4j.signaling.protoo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One decoded protoo message. Exactly one of request / response / notification; {@code data} is
 * never null (an absent {@code data} decodes as an empty object so handlers need no null checks).
 */
public record ProtooMessage(
    Kind kind, long id, String method, JsonNode data, boolean ok, int errorCode, String errorReason) {

  /** The three protoo message kinds. */
  public enum Kind {
    REQUEST,
    RESPONSE,
    NOTIFICATION
  }

  public boolean isRequest() {
    return kind == Kind.REQUEST;
  }

  public boolean isResponse() {
    return kind == Kind.RESPONSE;
  }

  public boolean isNotification() {
    return kind == Kind.NOTIFICATION;
  }
}
