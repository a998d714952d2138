package dev.rigor.analysis;

import dev.rigor.plan.Planner;
import dev.rigor.plan.Trial;
import dev.rigor.spec.SpecException;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.RunRecord;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which runs belong to the experiment's current trial definition. A trial's key is a hash of its definition
 * (command, params, env, metrics…), so after {@code rigor run --resume --allow-drift} changed the spec, the runs
 * of the earlier definition keep their old keys: they are other variations, not more runs of these. Analysis
 * uses the current definition by default and says that earlier runs exist and how to include them.
 */
public final class Definitions {

  /** The option of every analysis command and of status that includes the runs of earlier definitions. */
  public static final String ALL_OPTION = "--all-definitions";

  private Definitions() {}

  /** The trial keys the experiment's spec (experiment.json, re-planned) plans now; empty when it cannot be re-planned. */
  public static Optional<Set<String>> currentTrialKeys(ExperimentDirectory dir) {
    try {
      if (!ExperimentFile.exists(dir)) {
        return Optional.empty();
      }
      ExperimentFile file = ExperimentFile.read(dir);
      SpecLoader.Loaded loaded = SpecLoader.parse(file.source(), file.sourceText(), file.overrides());
      Set<String> keys = new LinkedHashSet<>();
      for (Trial t : Planner.plan(loaded.spec()).trials()) {
        keys.add(t.trialKey());
      }
      return Optional.of(keys);
    } catch (IOException | SpecException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Runs whose trial the current definition does not plan (none when it cannot be re-planned). */
  public static List<RunRecord> earlier(List<RunRecord> runs, Optional<Set<String>> current) {
    if (current.isEmpty()) {
      return List.of();
    }
    return runs.stream().filter(r -> !current.get().contains(r.meta().trialKey())).toList();
  }

  /** The note every command prints when earlier runs exist. */
  public static String note(int earlier, boolean included) {
    String runs = earlier + (earlier == 1 ? " run" : " runs");
    return included
        ? runs + " of an earlier definition of the trials (the spec changed; resumed with --allow-drift) are included, pooled with"
            + " the current ones because of " + ALL_OPTION
        : runs + " of an earlier definition of the trials (the spec changed; resumed with --allow-drift) are left out: the"
            + " analysis uses the current definition; add " + ALL_OPTION + " to include them";
  }
}
