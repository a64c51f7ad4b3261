package org.sfu4j.media;

/** Base of every error the engine throws; signaling maps subclasses to error codes. */
public class Sfu4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Sfu4jException(String message) {
    super(message);
  }

  public Sfu4jException(String message, Throwable cause) {
    super(message, cause);
  }
}
