package org.sfu4j.media.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** mediasoup's producer type: one stream, simulcast (several encodings) or SVC (one, layered). */
public enum ProducerType {
  SIMPLE("simple"),
  SIMULCAST("simulcast"),
  SVC("svc");

  private final String value;

  ProducerType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
