package org.sfu4j.srtp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * DTLS role as in mediasoup's {@code DtlsParameters.role}: JSON "auto", "client", "server".
 * {@link #AUTO} is resolved by the transport before {@link DtlsEndpoint#start}, as mediasoup does:
 * remote "client" makes us server; remote "server" or "auto" makes us client (ICE-lite is
 * controlled, so the controlling browser expects to be the DTLS server).
 */
public enum DtlsRole {
  AUTO,
  CLIENT,
  SERVER;

  /** The JSON/SDP spelling: "auto", "client", "server". */
  @JsonValue
  public String jsonValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "auto"/"client"/"server" (any case). */
  @JsonCreator
  public static DtlsRole fromJson(String value) {
    if (value == null) {
      throw new IllegalArgumentException("DTLS role is null");
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case "client":
        return CLIENT;
      case "server":
        return SERVER;
      default:
        throw new IllegalArgumentException("invalid DTLS role: " + value);
    }
  }
}
