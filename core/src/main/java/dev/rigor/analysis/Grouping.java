package dev.rigor.analysis;

import dev.rigor.spec.DidYouMean;
import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How runs are grouped ({@code --by}): by the values of some attributes. The default groups by
 * variation — every matrix axis, and the ablation when there is more than one (DESIGN.md §1).
 *
 * @param axes the attributes, in the order they are shown; empty for one group of all runs
 */
public record Grouping(List<String> axes) {

  public Grouping {
    axes = List.copyOf(axes);
  }

  /** By variation: matrix axes, then ablation when the experiment has several. */
  public static Grouping byVariation(Experiment experiment) {
    List<String> axes = new ArrayList<>(experiment.matrixAxes());
    if (experiment.hasAblations()) {
      axes.add(RunAttributes.ABLATION);
    }
    return new Grouping(axes);
  }

  /**
   * Parses {@code --by}: comma-separated attributes, or {@code none} for a single group; {@code null}
   * or blank means {@link #byVariation}.
   */
  public static Grouping parse(String by, Experiment experiment) throws AnalysisException {
    if (by == null || by.isBlank()) {
      return byVariation(experiment);
    }
    if (by.strip().equals("none")) {
      return new Grouping(List.of());
    }
    List<String> keys = experiment.attributeKeys();
    List<String> axes = new ArrayList<>();
    for (String part : by.split(",")) {
      String key = RunAttributes.canonicalKey(part);
      if (key.isEmpty()) {
        continue;
      }
      if (!keys.contains(key)) {
        throw new AnalysisException("--by " + by + ": " + experiment.name() + " has no parameter '" + key + "' — "
            + DidYouMean.hint(key, keys));
      }
      if (!axes.contains(key)) {
        axes.add(key);
      }
    }
    return new Grouping(axes);
  }

  /** The key of {@code run} under this grouping. */
  public GroupKey keyOf(RunRecord run) {
    return key(attributeValues(run));
  }

  /** Groups {@code runs}, ordered by the spec's order of each axis's values. */
  public List<Group> apply(Experiment experiment, List<RunRecord> runs) {
    Map<List<String>, List<RunRecord>> groups = new LinkedHashMap<>(); // a key object per group, not per run
    for (RunRecord r : runs) {
      groups.computeIfAbsent(attributeValues(r), k -> new ArrayList<>()).add(r);
    }
    List<Group> out = new ArrayList<>();
    groups.forEach((k, v) -> out.add(new Group(key(k), v)));
    out.sort(order(experiment));
    return out;
  }

  private List<String> attributeValues(RunRecord run) {
    String[] values = new String[axes.size()];
    for (int i = 0; i < values.length; i++) {
      String v = RunAttributes.value(run, axes.get(i));
      values[i] = v == null ? "" : v;
    }
    return Arrays.asList(values);
  }

  private GroupKey key(List<String> values) {
    Map<String, String> byAxis = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      byAxis.put(axes.get(i), values.get(i));
    }
    return new GroupKey(byAxis);
  }

  private Comparator<Group> order(Experiment experiment) {
    Comparator<Group> c = (a, b) -> 0;
    for (String axis : axes) {
      Comparator<String> values = experiment.valueOrder(axis);
      c = c.thenComparing(g -> g.key().values().get(axis), values);
    }
    return c;
  }
}
