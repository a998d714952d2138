package dev.rigor.exec;

import java.io.IOException;

/**
 * Opens the executor for one sweep of an experiment. The coordinator is given a factory (the CLI
 * chooses it through {@code dev.rigor.backend.Backends}), so the sweep never names a backend and a new
 * trial kind or cluster is a new package, not a new branch in the sweep.
 */
@FunctionalInterface
public interface ExecutorFactory {

  Executor open(ExecutorContext context) throws IOException, UnavailableException;

  /** The backend cannot run this experiment here (sbatch missing, a worker cannot start…); nothing was run. */
  final class UnavailableException extends Exception {
    private final String fix;

    public UnavailableException(String message, String fix) {
      super(message);
      this.fix = fix;
    }

    /** How to fix it, for the user. */
    public String fix() {
      return fix;
    }
  }
}
