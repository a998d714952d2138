package dev.rigor.exec;

import dev.rigor.plan.Trial;
import dev.rigor.store.RunDirectory;
import java.util.Objects;

/**
 * One attempt of one trial, to be run into its run directory.
 *
 * @param observer told what the run reports while it runs ({@link RunObserver#NONE} for nobody)
 */
public record RunRequest(Trial trial, int attempt, RunDirectory directory, RunObserver observer) {

  public RunRequest {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
    Objects.requireNonNull(observer, "observer");
  }

  public RunRequest(Trial trial, int attempt, RunDirectory directory) {
    this(trial, attempt, directory, RunObserver.NONE);
  }
}
