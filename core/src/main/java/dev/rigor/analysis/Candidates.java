package dev.rigor.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default candidates of a comparison: every other combination of the control's attributes that
 * some run has, in spec order ({@code policy=fifo} → {@code policy=dag}, {@code policy=full}, …).
 * Used by {@code rigor compare} without {@code --candidate} and by the report's control section.
 */
public final class Candidates {

  private Candidates() {}

  /**
   * @param where names the control's origin for the error (e.g. {@code --control}, {@code report.control})
   * @return each candidate as its attribute values, keyed as the control's keys
   * @throws AnalysisException when the control matches no run
   */
  public static List<Map<String, String>> around(Selector control, Experiment e, String where) throws AnalysisException {
    control.select(e, where);
    List<Map<String, String>> combos = List.of(new LinkedHashMap<>());
    for (String key : List.copyOf(control.keys())) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : combos) {
        Selector s = Selector.of(partial);
        for (String v : e.valuesOf(key, e.runs().stream().filter(s::matches).toList())) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(key, v);
          next.add(m);
        }
      }
      combos = next;
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> combo : combos) {
      if (!control.conditions().stream().allMatch(c -> ValueText.same(combo.get(c.key()), c.value()))) {
        out.add(combo);
      }
    }
    return out;
  }
}
