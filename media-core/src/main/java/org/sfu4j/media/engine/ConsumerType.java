package org.sfu4j.media.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** mediasoup's consumer type, the same string the {@code newConsumer} request carries. */
public enum ConsumerType {
  SIMPLE("simple"),
  SIMULCAST("simulcast"),
  SVC("svc"),
  PIPE("pipe");

  private final String value;

  ConsumerType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
