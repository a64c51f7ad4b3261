package org.sfu4j.media;

/** An id (producer, consumer, transport, pending request) does not name a live object. */
public final class NotFoundException extends Sfu4jException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
