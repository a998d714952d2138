package dev.rigor.report;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Selector;
import dev.rigor.analysis.ValueText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidates compared with a control: every other combination of the control's attributes that
 * some run has, in spec order ({@code policy=fifo} → {@code policy=dag}, {@code policy=full}, …), as
 * {@code rigor compare} does without {@code --candidate}.
 */
final class Candidates {

  private Candidates() {}

  /**
   * @param names receives each candidate's selector text → its display name (the values, joined with " · ")
   * @throws AnalysisException when the control matches no run
   */
  static List<Selector> of(Selector control, Experiment e, Map<String, String> names) throws AnalysisException {
    control.select(e, "report.control");
    List<String> keys = List.copyOf(control.keys());
    List<Map<String, String>> combos = List.of(new LinkedHashMap<>());
    for (String key : keys) {
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
    List<Selector> out = new ArrayList<>();
    for (Map<String, String> combo : combos) {
      boolean isControl = control.conditions().stream().allMatch(c -> ValueText.same(combo.get(c.key()), c.value()));
      if (!isControl) {
        Selector s = Selector.of(combo);
        out.add(s);
        names.put(s.text(), String.join(" · ", combo.values()));
      }
    }
    return out;
  }
}
