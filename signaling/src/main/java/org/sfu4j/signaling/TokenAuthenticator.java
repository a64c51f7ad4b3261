package org.sfu4j.signaling;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

/**
 * Verifies the {@code token} query parameter (JWT HS256 with claims room, peer, role, exp) when a
 * secret is configured. Without one every peer is admin (the {@code --dev} mode).
 */
public final class TokenAuthenticator {

  private final JWTVerifier verifier;

  /** {@code secret} null or empty disables authentication. */
  public TokenAuthenticator(String secret) {
    this.verifier =
        secret == null || secret.isEmpty()
            ? null
            : JWT.require(Algorithm.HMAC256(secret)).acceptLeeway(5).build();
  }

  public boolean enabled() {
    return verifier != null;
  }

  /** The peer's role, or a 401 {@link SignalingException} saying what is wrong with the token. */
  public Role authenticate(String roomId, String peerId, String token) {
    if (verifier == null) {
      return Role.ADMIN;
    }
    if (token == null || token.isEmpty()) {
      throw new SignalingException(SignalingException.UNAUTHENTICATED, "token is required");
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (JWTVerificationException | IllegalArgumentException e) {
      throw new SignalingException(SignalingException.UNAUTHENTICATED, "invalid token");
    }
    if (jwt.getExpiresAt() == null) {
      throw new SignalingException(SignalingException.UNAUTHENTICATED, "token has no exp");
    }
    if (!roomId.equals(jwt.getClaim("room").asString())
        || !peerId.equals(jwt.getClaim("peer").asString())) {
      throw new SignalingException(
          SignalingException.UNAUTHENTICATED, "token is not for this room/peer");
    }
    Role role = Role.parse(jwt.getClaim("role").asString());
    if (role == null) {
      throw new SignalingException(SignalingException.UNAUTHENTICATED, "token role is invalid");
    }
    return role;
  }
}
