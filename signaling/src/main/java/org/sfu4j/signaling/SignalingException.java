package org.sfu4j.signaling;

/** A request failed with a PROTOCOL.md error code; the reason is safe to show to the client. */
public final class SignalingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int BAD_REQUEST = 400;
  public static final int UNAUTHENTICATED = 401;
  public static final int FORBIDDEN = 403;
  public static final int NOT_FOUND = 404;
  public static final int INVALID_STATE = 409;
  public static final int RATE_LIMITED = 429;
  public static final int INTERNAL = 500;

  private final int code;

  public SignalingException(int code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static SignalingException badRequest(String reason) {
    return new SignalingException(BAD_REQUEST, reason);
  }

  public static SignalingException notFound(String reason) {
    return new SignalingException(NOT_FOUND, reason);
  }

  public static SignalingException invalidState(String reason) {
    return new SignalingException(INVALID_STATE, reason);
  }

  public static SignalingException forbidden(String reason) {
    return new SignalingException(FORBIDDEN, reason);
  }

  public static SignalingException limit(String reason) {
    return new SignalingException(RATE_LIMITED, reason);
  }
}
