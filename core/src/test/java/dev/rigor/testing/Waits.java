package dev.rigor.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on conditions (never on fixed sleeps): poll until true or fail after a generous deadline. */
public final class Waits {

  private Waits() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      pause(Duration.ofMillis(20));
    }
  }

  /** A short pause between two polls of a condition. */
  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

}
