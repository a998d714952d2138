package dev.rigor.report;

import java.util.List;

/**
 * A family of comparisons against one control — the ablations against the baseline, or the
 * variations against the report's control — one chart per metric.
 *
 * @param control what everything is compared with ({@code ablation=baseline}, {@code policy=fifo})
 * @param design how the comparisons were made, for the section's explanation
 * @param tests the number of p-values adjusted together (Holm)
 * @param ciConfidence the confidence of the intervals
 * @param notes pairing decisions, runs left out, warnings
 */
public record EffectSection(String control, String design, List<EffectChart> charts, int tests, double ciConfidence,
    List<String> notes) {

  public EffectSection {
    charts = List.copyOf(charts);
    notes = List.copyOf(notes);
  }

  public boolean isEmpty() {
    return charts.isEmpty();
  }
}
