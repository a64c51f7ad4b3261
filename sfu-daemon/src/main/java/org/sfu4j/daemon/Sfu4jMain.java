package org.sfu4j.daemon;

/** Entry point of the sfu4j daemon (placeholder until the daemon issue lands). */
public final class Sfu4jMain {
  private Sfu4jMain() {}

  public static void main(String[] args) {
    System.err.println("sfu4j daemon: not yet implemented (see issue 6)");
    System.exit(2);
  }
}
