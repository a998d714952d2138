package dev.rigor.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Turns SIGINT/SIGTERM into an orderly stop: the first signal asks the running sweep to stop (its
 * trials are terminated, recorded as interrupted, the ledger flushed; exit 130); a second one exits
 * at once (a later --resume stops any process left behind before re-running).
 */
final class Interrupts {

  private volatile Runnable handler;
  private final AtomicInteger received = new AtomicInteger();

  void installSignalHandlers(PrintStream err) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> onSignal(err));
      } catch (IllegalArgumentException e) {
        // the signal cannot be handled on this platform; the JVM default applies
      }
    }
  }

  /** Registers what to do on the first signal (replacing any earlier handler). */
  void onInterrupt(Runnable handler) {
    this.handler = handler;
  }

  private void onSignal(PrintStream err) {
    int n = received.incrementAndGet();
    Runnable h = handler;
    if (n == 1 && h != null) {
      err.println();
      err.println("rigor: interrupted — stopping running trials (again to exit at once; --resume continues later)");
      h.run();
      return;
    }
    err.println("rigor: exiting now");
    Runtime.getRuntime().halt(130);
  }
}
