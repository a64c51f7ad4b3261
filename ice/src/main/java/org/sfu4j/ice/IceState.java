package org.sfu4j.ice;

import java.util.Locale;

/** ICE state of a transport, with mediasoup's {@code iceState} names. */
public enum IceState {
  /** No valid check received yet. */
  NEW,
  /** A valid check arrived; a tuple is selected but not nominated. */
  CONNECTED,
  /** The controlling peer nominated a tuple (USE-CANDIDATE). */
  COMPLETED,
  /** Consent expired on the selected tuple (RFC 7675) and no other tuple is fresh. */
  DISCONNECTED,
  /** Disconnected for too long, or closed by the owner. */
  CLOSED;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /** The lowercase name used in mediasoup's JSON ("new", "connected", ...). */
  public String jsonName() {
    return jsonName;
  }
}
