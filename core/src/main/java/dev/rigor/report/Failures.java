package dev.rigor.report;

import dev.rigor.analysis.Experiment;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.FileTail;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The runs that did not end ok (the latest attempt of each trial), with the tail of their stderr. */
final class Failures {

  private static final int MAX_LINE = 400;

  private Failures() {}

  /** Every run that is neither ok nor still running, by run id. */
  static List<RunRecord> of(Experiment e) {
    return e.runs().stream().filter(r -> r.meta().status() != RunStatus.OK && r.meta().status() != RunStatus.RUNNING)
        .sorted(Comparator.comparing(r -> r.meta().runId())).toList();
  }

  /** The first {@code max} failures with the last {@code lines} lines of their stderr. */
  static List<FailedRun> withTails(ExperimentDirectory dir, List<RunRecord> failures, int max, int lines) {
    List<FailedRun> out = new ArrayList<>();
    for (RunRecord r : failures.subList(0, Math.min(max, failures.size()))) {
      var m = r.meta();
      out.add(new FailedRun(m.runId(), m.status(), m.exitCode(), m.attempt(), m.error(), FileTail.lines(dir.run(m.runId()).stderr(), lines, MAX_LINE)));
    }
    return out;
  }
}
