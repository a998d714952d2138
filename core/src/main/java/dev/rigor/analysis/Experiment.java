package dev.rigor.analysis;

import dev.rigor.spec.Goal;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An experiment as the analysis sees it: the latest run of every trial, what the spec declared
 * (matrix axes and their values in spec order, ablations, goals, the report's control and metrics),
 * and the code version it ran at. Read by {@link ExperimentReader}.
 */
public final class Experiment {

  private final String name;
  private final Path root;
  private final List<String> matrixAxes;
  private final Map<String, List<String>> declaredValues;
  private final Map<String, Goal> goals;
  private final Map<String, String> reportControl;
  private final List<String> reportMetrics;
  private final List<RunRecord> runs;
  private final Optional<String> gitCommit;
  private final boolean gitDirty;
  private final List<String> notes;
  /** Derived from the runs once (a large experiment has 100,000 of them, and every section asks). */
  private final List<RunRecord> okRuns;
  private final List<String> attributeKeys;
  private final boolean hasAblations;
  private final Map<String, Boolean> numericAttributes = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param declaredValues for matrix axes, {@code ablation} and {@code seed}: the values in spec order
   *     (used to order groups)
   * @param reportControl the spec's {@code report.control} as attribute → value text (empty when unset)
   * @param gitCommit the commit of the latest session in manifest.json, if known
   * @param notes things the reader had to work around, for the user to know
   */
  public Experiment(
      String name,
      Path root,
      List<String> matrixAxes,
      Map<String, List<String>> declaredValues,
      Map<String, Goal> goals,
      Map<String, String> reportControl,
      List<String> reportMetrics,
      List<RunRecord> runs,
      Optional<String> gitCommit,
      boolean gitDirty,
      List<String> notes) {
    this.name = name;
    this.root = root;
    this.matrixAxes = List.copyOf(matrixAxes);
    Map<String, List<String>> values = new LinkedHashMap<>();
    declaredValues.forEach((k, v) -> values.put(k, List.copyOf(v)));
    this.declaredValues = Collections.unmodifiableMap(values);
    this.goals = Collections.unmodifiableMap(new LinkedHashMap<>(goals));
    this.reportControl = Collections.unmodifiableMap(new LinkedHashMap<>(reportControl));
    this.reportMetrics = List.copyOf(reportMetrics);
    this.runs = List.copyOf(runs);
    this.gitCommit = gitCommit;
    this.gitDirty = gitDirty;
    this.notes = List.copyOf(notes);
    this.okRuns = this.runs.stream().filter(Measured::entersStatistics).toList();
    this.attributeKeys = attributeKeys(this.matrixAxes, this.runs);
    this.hasAblations = valuesOf(RunAttributes.ABLATION, this.runs).size() > 1
        || this.declaredValues.getOrDefault(RunAttributes.ABLATION, List.of()).size() > 1;
  }

  public String name() {
    return name;
  }

  /**
   * Whether an attribute's values are numbers in the spec (and so in every run's params): seed and replicate
   * always, the ablation never, a parameter when every run that has it holds a number. Machine output writes
   * such values as JSON numbers ({@code "arms": 5}), keeping the spec's types.
   */
  public boolean numeric(String attribute) {
    return switch (attribute) {
      case RunAttributes.SEED, RunAttributes.REPLICATE -> true;
      case RunAttributes.ABLATION -> false;
      default -> numericAttributes.computeIfAbsent(attribute, k -> {
        List<Object> values = runs.stream().map(r -> r.meta().params().get(k)).filter(java.util.Objects::nonNull).toList();
        return !values.isEmpty() && values.stream().allMatch(v -> v instanceof Number);
      });
    };
  }

  public Path root() {
    return root;
  }

  public List<String> matrixAxes() {
    return matrixAxes;
  }

  public Map<String, List<String>> declaredValues() {
    return declaredValues;
  }

  public Map<String, Goal> goals() {
    return goals;
  }

  public Map<String, String> reportControl() {
    return reportControl;
  }

  public List<String> reportMetrics() {
    return reportMetrics;
  }

  public List<RunRecord> runs() {
    return runs;
  }

  public Optional<String> gitCommit() {
    return gitCommit;
  }

  public boolean gitDirty() {
    return gitDirty;
  }

  public List<String> notes() {
    return notes;
  }

  /** The runs whose latest status is {@code ok}: the only ones that enter statistics. */
  public List<RunRecord> okRuns() {
    return okRuns;
  }

  /** The metric's goal from the spec's {@code goals}, if it has one. */
  public Optional<Goal> goal(String metric) {
    return Optional.ofNullable(goals.get(metric));
  }

  /** Whether the runs have more than one ablation (so that it is part of a variation). */
  public boolean hasAblations() {
    return hasAblations;
  }

  /** The attributes selectors and {@code --by} may name: matrix axes, ablation, seed, replicate, then the other parameters. */
  public List<String> attributeKeys() {
    return attributeKeys;
  }

  private static List<String> attributeKeys(List<String> matrixAxes, List<RunRecord> runs) {
    Set<String> keys = new LinkedHashSet<>(matrixAxes);
    keys.add(RunAttributes.ABLATION);
    keys.add(RunAttributes.SEED);
    keys.add(RunAttributes.REPLICATE);
    for (RunRecord r : runs) {
      keys.addAll(r.meta().params().keySet());
    }
    return List.copyOf(keys);
  }

  /** The distinct values of {@code key} among {@code among}, in spec order (numbers numerically, then text). */
  public List<String> valuesOf(String key, Collection<RunRecord> among) {
    Set<String> seen = new LinkedHashSet<>();
    for (RunRecord r : among) {
      String v = RunAttributes.value(r, key);
      if (v != null) {
        seen.add(v);
      }
    }
    List<String> out = new ArrayList<>(seen);
    out.sort(valueOrder(key));
    return out;
  }

  /** How the values of {@code key} are ordered: as declared in the spec, then numbers numerically, then text. */
  public Comparator<String> valueOrder(String key) {
    List<String> declared = declaredValues.getOrDefault(key, List.of());
    Comparator<String> byDeclared = Comparator.comparingInt(v -> {
      for (int i = 0; i < declared.size(); i++) {
        if (ValueText.same(declared.get(i), v)) {
          return i;
        }
      }
      return Integer.MAX_VALUE;
    });
    return byDeclared.thenComparing(Experiment::naturalOrder);
  }

  private static int naturalOrder(String a, String b) {
    Double x = number(a);
    Double y = number(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    if (x != null || y != null) {
      return x != null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return "Experiment[" + name + ", " + runs.size() + " runs, " + root + "]";
  }

  private static Double number(String s) {
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
