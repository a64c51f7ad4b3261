package org.sfu4j.media;

/** A requested feature, codec or parameter combination is not supported (e.g. no matching codec). */
public final class UnsupportedException extends Sfu4jException {
  private static final long serialVersionUID = 1L;

  public UnsupportedException(String message) {
    super(message);
  }

  public UnsupportedException(String message, Throwable cause) {
    super(message, cause);
  }
}
