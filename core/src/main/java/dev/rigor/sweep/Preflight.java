package dev.rigor.sweep;

import dev.rigor.exec.TrialCommand;
import dev.rigor.exec.TrialSetup;
import dev.rigor.plan.Plan;
import dev.rigor.plan.Trial;
import dev.rigor.plan.Variation;
import dev.rigor.store.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks, before the first trial, that every trial's program exists and its working directory is there. */
final class Preflight {

  private Preflight() {}

  static void check(TrialSetup setup, Plan plan) throws RefusedException {
    if (setup.shell() != null || setup.command().isEmpty() || plan.trials().isEmpty()) { // worker kinds check their own program
      return;
    }
    Set<String> problems = new LinkedHashSet<>();
    Set<String> checked = new java.util.HashSet<>();
    Map<Variation, Trial> firstTrial = new java.util.IdentityHashMap<>();
    for (Trial t : plan.trials()) {
      firstTrial.putIfAbsent(t.variation(), t);
    }
    for (Map.Entry<Variation, Trial> e : firstTrial.entrySet()) {
      Trial sample = e.getValue();
      java.util.function.Function<String, String> values =
          TrialCommand.placeholders(sample, new RunDirectory(Path.of("/nonexistent", sample.runId())));
      Path cwd = setup.workdir() == null ? setup.invocationDir() : setup.invocationDir().resolve(setup.workdir().render(values));
      String program = setup.command().get(0).render(values);
      if (!checked.add(program + "\0" + cwd)) {
        continue;
      }
      if (!Files.isDirectory(cwd)) {
        problems.add("working directory " + cwd + " does not exist");
      } else if (!executable(program, cwd)) {
        problems.add("program '" + program + "' " + (program.contains("/") ? "is not an executable file (relative to " + cwd + ")"
            : "is not on PATH"));
      }
    }
    if (!problems.isEmpty()) {
      throw new RefusedException("the trials cannot start", new ArrayList<>(problems),
          "fix 'command' (or 'workdir') in the spec; relative paths resolve against the directory rigor runs in ("
              + setup.invocationDir() + ")");
    }
  }

  static boolean executable(String program, Path cwd) {
    return TrialCommand.executable(program, cwd);
  }
}
