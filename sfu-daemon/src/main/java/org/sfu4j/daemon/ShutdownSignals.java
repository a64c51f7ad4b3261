package org.sfu4j.daemon;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM/SIGINT → graceful stop and exit status 0. A plain shutdown hook would make the JVM exit
 * with 143 on SIGTERM, which service managers count as a failure; handling the signal lets the
 * daemon stop cleanly and return 0. A watchdog forces exit after 5 s.
 */
final class ShutdownSignals {
  private ShutdownSignals() {}

  static void install(Runnable stop) {
    AtomicBoolean once = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), sig -> {
          if (!once.compareAndSet(false, true)) {
            return;
          }
          LoggerFactory.getLogger(ShutdownSignals.class).info("SIG{}: shutting down", name);
          Thread watchdog = new Thread(() -> {
            try {
              Thread.sleep(5000);
            } catch (InterruptedException e) {
              return;
            }
            Runtime.getRuntime().halt(0);
          }, "sfu4j-shutdown-watchdog");
          watchdog.setDaemon(true);
          watchdog.start();
          Thread t = new Thread(stop, "sfu4j-shutdown");
          t.start();
        });
      } catch (IllegalArgumentException unsupported) {
        // signal not available on this platform
      }
    }
  }
}
