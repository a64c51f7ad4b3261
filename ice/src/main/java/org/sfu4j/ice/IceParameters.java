package org.sfu4j.ice;

import java.util.Objects;

/**
 * Local ICE credentials in mediasoup's {@code iceParameters} shape
 * ({@code {usernameFragment, password, iceLite}}); the getters map 1:1 onto those JSON names.
 * Immutable.
 */
public final class IceParameters {

  private final String usernameFragment;
  private final String password;
  private final boolean iceLite;

  public IceParameters(String usernameFragment, String password, boolean iceLite) {
    this.usernameFragment = Objects.requireNonNull(usernameFragment, "usernameFragment");
    this.password = Objects.requireNonNull(password, "password");
    this.iceLite = iceLite;
  }

  public String getUsernameFragment() {
    return usernameFragment;
  }

  public String getPassword() {
    return password;
  }

  public boolean isIceLite() {
    return iceLite;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IceParameters)) {
      return false;
    }
    IceParameters that = (IceParameters) o;
    return iceLite == that.iceLite && usernameFragment.equals(that.usernameFragment)
        && password.equals(that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(usernameFragment, password, iceLite);
  }

  /** Omits the password: these objects end up in logs. */
  @Override
  public String toString() {
    return "IceParameters{usernameFragment=" + usernameFragment + ", iceLite=" + iceLite + "}";
  }
}
