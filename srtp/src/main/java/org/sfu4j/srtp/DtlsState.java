package org.sfu4j.srtp;

/** DTLS state of a transport, as mediasoup's {@code dtlsState}: "new" .. "closed". */
public enum DtlsState {
  NEW,
  CONNECTING,
  CONNECTED,
  FAILED,
  CLOSED
}
