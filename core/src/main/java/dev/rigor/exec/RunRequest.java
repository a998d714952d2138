package dev.rigor.exec;

import dev.rigor.plan.Trial;
import dev.rigor.store.RunDirectory;

/** One attempt of one trial, to be run into its run directory. */
public record RunRequest(Trial trial, int attempt, RunDirectory directory) {

  public RunRequest {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
  }
}
