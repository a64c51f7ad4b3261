package org.sfu4j.media.engine;

import org.sfu4j.media.Sfu4jException;

/** A configured bound was hit (e.g. pending consume requests per transport); signaling maps it to 429. */
public final class LimitExceededException extends Sfu4jException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
