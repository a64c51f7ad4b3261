package org.sfu4j.media;

/** The object is closed or not in a state that allows the call (e.g. produce before connect). */
public final class InvalidStateException extends Sfu4jException {
  private static final long serialVersionUID = 1L;

  public InvalidStateException(String message) {
    super(message);
  }

  public InvalidStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
