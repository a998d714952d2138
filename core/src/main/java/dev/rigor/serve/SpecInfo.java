package dev.rigor.serve;

import dev.rigor.plan.Planner;
import dev.rigor.spec.SpecException;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What an experiment's {@code experiment.json} says that the dashboard shows: its name and
 * description, the resolved spec (for the analysis: axes, goals), how many trials it plans (re-planned
 * from the spec text it keeps, as {@code rigor status} does), and its budget when it has one.
 *
 * @param planned the number of planned trials, or -1 when the spec cannot be re-planned
 * @param budgetMetric the metric a run's spend is reported in ({@code budget.metric}), or null
 * @param budgetLimit {@code budget.limit}, or NaN
 */
record SpecInfo(String title, String description, Map<String, Object> spec, int planned, String budgetMetric,
    double budgetLimit) {

  static final SpecInfo NONE = new SpecInfo(null, null, Map.of(), -1, null, Double.NaN);

  SpecInfo {
    spec = spec == null ? Map.of() : spec;
  }

  static SpecInfo read(ExperimentDirectory dir) {
    if (!ExperimentFile.exists(dir)) {
      return NONE;
    }
    try {
      ExperimentFile file = ExperimentFile.read(dir);
      Map<String, Object> spec = file.spec() == null ? Map.of() : file.spec();
      Map<?, ?> budget = spec.get("budget") instanceof Map<?, ?> b ? b : Map.of();
      return new SpecInfo(file.name(), spec.get("description") instanceof String d ? d : null, spec, planned(file),
          budget.get("metric") instanceof String metric ? metric : null,
          budget.get("limit") instanceof Number limit ? limit.doubleValue() : Double.NaN);
    } catch (IOException | RuntimeException e) {
      return NONE; // being replaced, or unreadable: shown as an experiment without a spec until it reads
    }
  }

  private static int planned(ExperimentFile file) {
    try {
      return Planner.plan(SpecLoader.parse(file.source(), file.sourceText(), file.overrides() == null ? List.of()
          : file.overrides()).spec()).trials().size();
    } catch (SpecException | RuntimeException e) {
      return -1;
    }
  }
}
