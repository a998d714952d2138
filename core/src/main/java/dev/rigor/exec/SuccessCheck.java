package dev.rigor.exec;

import dev.rigor.spec.SuccessCriteria;
import dev.rigor.spec.Template;
import dev.rigor.store.RunMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Judges a run that exited by itself against the spec's {@code success:} criteria. */
public final class SuccessCheck {

  private SuccessCheck() {}

  /** Why the run failed, or {@code null} when it succeeded. */
  public static String failure(SuccessCriteria criteria, int exitCode, Path runDir, RunMetrics metrics, Function<String, String> placeholders) {
    List<String> problems = new ArrayList<>();
    if (!criteria.exitCodes().contains(exitCode)) {
      problems.add("exit code " + exitCode + (criteria.exitCodes().size() == 1 && criteria.exitCodes().contains(0) ? "" : " (expected " + criteria.exitCodes() + ")"));
    }
    for (Template file : criteria.files()) {
      String relative = file.render(placeholders);
      if (!Files.exists(runDir.resolve(relative))) {
        problems.add("missing file " + relative);
      }
    }
    for (String metric : criteria.metrics()) {
      if (!metrics.values().containsKey(metric)) {
        problems.add("missing metric " + metric);
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }
}
