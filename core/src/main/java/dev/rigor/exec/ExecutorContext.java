package dev.rigor.exec;

import dev.rigor.spec.Spec;
import dev.rigor.store.ExperimentDirectory;
import java.util.Objects;

/**
 * What an executor is opened with: the validated spec (its trial kind and executor settings), what
 * every attempt shares, the experiment directory, the process trees for local containment and
 * measurement, and the number of job slots.
 */
public record ExecutorContext(Spec spec, TrialSetup setup, ExperimentDirectory experiment, ProcessTrees trees, int jobs) {

  public ExecutorContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(trees, "trees");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs >= 1");
    }
  }
}
