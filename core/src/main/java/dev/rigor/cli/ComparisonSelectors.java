package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Candidates;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Resolves compare's sides from its options: the control (or the spec's report.control) and the candidates. */
final class ComparisonSelectors {

  private ComparisonSelectors() {}

  static Selector control(String option, Experiment e) throws AnalysisException {
    if (option != null) {
      return Selector.parse(option);
    }
    if (!e.reportControl().isEmpty()) {
      return Selector.of(e.reportControl());
    }
    throw new AnalysisException("which runs are the control? Give --control KEY=VALUE (or set report.control in the spec); "
        + e.matrixAxes().stream().map(a -> a + " has " + String.join(", ", e.valuesOf(a, e.runs()))).collect(Collectors.joining("; ")));
  }

  /** The candidates given, or else every other combination of the control's keys that some run has. */
  static List<Selector> candidates(List<String> options, Selector control, Experiment e) throws AnalysisException {
    List<Selector> out = new ArrayList<>();
    for (String c : options) {
      out.add(Selector.parse(c));
    }
    if (!out.isEmpty()) {
      return out;
    }
    for (Map<String, String> combo : Candidates.around(control, e, "--control")) {
      out.add(Selector.of(combo));
    }
    if (out.isEmpty()) {
      throw new AnalysisException("nothing to compare: every run has " + control.text() + "; name a --candidate");
    }
    return out;
  }

  static void requirePresent(List<Metric> metrics, RunValues candidate) throws AnalysisException {
    for (Metric m : metrics) {
      List<String> names = m.reduction().isPresent() ? candidate.seriesNames() : candidate.scalarNames();
      if (!names.contains(m.name())) {
        throw new AnalysisException("metric '" + m.name() + "' is not in the candidate experiment " + candidate.experiment().name()
            + "; it has: " + String.join(", ", names));
      }
    }
  }

  /** A warning when the two experiments ran at different git commits (or from a modified working tree). */
  static Optional<String> warnIfCommitsDiffer(Experiment a, Experiment b) {
    if (a.gitCommit().isEmpty() || b.gitCommit().isEmpty() || a.gitCommit().equals(b.gitCommit())) {
      return Optional.empty();
    }
    return Optional.of("the experiments ran at different git commits: control " + a.name() + " at " + shortCommit(a) + ", candidate "
        + b.name() + " at " + shortCommit(b) + " — differences may come from the code as well as from the parameters");
  }

  private static String shortCommit(Experiment e) {
    String c = e.gitCommit().orElse("?");
    return (c.length() > 12 ? c.substring(0, 12) : c) + (e.gitDirty() ? " (dirty)" : "");
  }
}
