package dev.rigor.adaptive;

/** Adaptive replication cannot go on (an unknown metric, a control matching no variation); the message says how to fix it. */
public final class AdaptiveException extends Exception {

  public AdaptiveException(String message) {
    super(message);
  }
}
