package dev.rigor.exec;

import dev.rigor.spec.SuccessCriteria;
import dev.rigor.spec.Template;
import dev.rigor.store.FileTail;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Judges a run that exited by itself against the spec's {@code success:} criteria. */
public final class SuccessCheck {

  private SuccessCheck() {}

  /** Lines of stderr a failure reason quotes. */
  static final int STDERR_LINES = 3;
  private static final int MAX_LINE = 200;

  /**
   * Why the run failed, or {@code null} when it succeeded. The reason leads with the exit status and the last lines
   * of stderr, the usual cause ({@code exit code 2 — stderr: python3: can't open file 'bandt.py'…}), then what
   * the success criteria missed (a missing result file is a consequence, not the cause).
   */
  public static String failure(SuccessCriteria criteria, int exitCode, Path runDir, RunMetrics metrics, Function<String, String> placeholders) {
    List<String> problems = new ArrayList<>();
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
    boolean exitOk = criteria.exitCodes().contains(exitCode);
    if (exitOk && problems.isEmpty()) {
      return null;
    }
    String status = "exit code " + exitCode + (exitOk ? " (allowed)"
        : criteria.exitCodes().size() == 1 && criteria.exitCodes().contains(0) ? "" : " (expected " + criteria.exitCodes() + ")");
    List<String> stderr = FileTail.lines(runDir.resolve(RunDirectory.STDERR), STDERR_LINES, MAX_LINE).stream()
        .filter(l -> !l.isBlank()).toList();
    String reason = status + (stderr.isEmpty() ? "" : " — stderr: " + String.join(" ⏎ ", stderr));
    return problems.isEmpty() ? reason : reason + "; " + String.join("; ", problems);
  }
}
