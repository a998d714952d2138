package dev.rigor.analysis;

import dev.rigor.spec.DidYouMean;
import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which runs form one side of a comparison: {@code policy=full}, {@code policy=full,workflows=50},
 * {@code ablation=no_hedge}. A run matches when every condition holds; values are compared as text
 * ({@link ValueText}), so {@code workflows=50} matches 50.0. An empty selector matches every run.
 */
public record Selector(List<Condition> conditions) {

  /** {@code key=value}: the run's attribute {@code key} ({@link RunAttributes}) has this value. */
  public record Condition(String key, String value) {
    boolean matches(RunRecord run) {
      String v = RunAttributes.value(run, key);
      return v != null && ValueText.same(v, value);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  public static final Selector ALL = new Selector(List.of());

  public Selector {
    conditions = List.copyOf(conditions);
  }

  /** Parses {@code key=value[,key=value…]}. */
  public static Selector parse(String text) throws AnalysisException {
    List<Condition> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new AnalysisException("'" + text + "' is not a selector: expected key=value[,key=value…], e.g. policy=full,workflows=50");
      }
      out.add(new Condition(RunAttributes.canonicalKey(part.substring(0, eq)), part.substring(eq + 1).strip()));
    }
    if (out.isEmpty()) {
      throw new AnalysisException("empty selector: expected key=value[,key=value…], e.g. policy=full");
    }
    return new Selector(out);
  }

  /** The selector of the given attribute values, e.g. a spec's {@code report.control}. */
  public static Selector of(Map<String, String> values) {
    List<Condition> out = new ArrayList<>();
    values.forEach((k, v) -> out.add(new Condition(RunAttributes.canonicalKey(k), v)));
    return new Selector(out);
  }

  public boolean matches(RunRecord run) {
    for (Condition c : conditions) {
      if (!c.matches(run)) {
        return false;
      }
    }
    return true;
  }

  /** The attributes this selector fixes. */
  public Set<String> keys() {
    return conditions.stream().map(Condition::key).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  public boolean isAll() {
    return conditions.isEmpty();
  }

  /** {@code key=value,…}, or {@code all runs}. */
  public String text() {
    return conditions.isEmpty() ? "all runs" : conditions.stream().map(Condition::toString).collect(Collectors.joining(","));
  }

  /**
   * The runs of {@code experiment} (any status) this selector matches.
   *
   * @param option how the user gave it, for messages (e.g. {@code --candidate})
   * @throws AnalysisException naming an unknown attribute (with a did-you-mean), a value no run has
   *     (with the values that exist), or a combination no run has (with the combinations that exist)
   */
  public List<RunRecord> select(Experiment experiment, String option) throws AnalysisException {
    String where = option + " '" + text() + "'";
    List<String> keys = experiment.attributeKeys();
    for (Condition c : conditions) {
      if (!keys.contains(c.key())) {
        throw new AnalysisException(where + ": " + experiment.name() + " has no parameter '" + c.key() + "' — "
            + DidYouMean.hint(c.key(), keys));
      }
      List<String> values = experiment.valuesOf(c.key(), experiment.runs());
      if (values.stream().noneMatch(v -> ValueText.same(v, c.value()))) {
        String hint = DidYouMean.closest(c.value(), values);
        throw new AnalysisException(where + ": no run has " + c + "; " + c.key() + " has " + String.join(", ", values)
            + (hint == null ? "" : " — did you mean '" + hint + "'?"));
      }
    }
    List<RunRecord> matched = experiment.runs().stream().filter(this::matches).toList();
    if (matched.isEmpty()) {
      throw new AnalysisException(where + ": no run has all of " + text() + " together; the combinations that exist: "
          + existingCombinations(experiment));
    }
    return matched;
  }

  private String existingCombinations(Experiment experiment) {
    Set<String> combos = new LinkedHashSet<>();
    for (RunRecord r : experiment.runs()) {
      combos.add(conditions.stream().map(c -> c.key() + "=" + RunAttributes.value(r, c.key())).collect(Collectors.joining(",")));
    }
    List<String> list = new ArrayList<>(combos);
    list.sort(null);
    return list.size() <= 12 ? String.join("; ", list) : String.join("; ", list.subList(0, 12)) + "; … (" + list.size() + " in all)";
  }
}
