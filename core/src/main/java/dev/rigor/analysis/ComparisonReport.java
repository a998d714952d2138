package dev.rigor.analysis;

import java.util.List;

/**
 * The result of compare: one row per contrast × metric, the settings, and notes the user must see
 * (the design of every contrast and why, runs left out, warnings).
 *
 * @param tests the number of p-values adjusted together (the multiple-comparison family)
 * @param ciConfidence the confidence of the effect intervals ({@code 1 - alpha}, or Bonferroni-widened with {@code --test none})
 */
public record ComparisonReport(List<Comparison> rows, CompareSettings settings, int tests, double ciConfidence,
    List<String> notes) {

  public ComparisonReport {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** Whether any verdict is {@link Verdict#WORSE} (for {@code --fail-on regression}). */
  public boolean hasRegression() {
    return rows.stream().anyMatch(r -> r.verdict() == Verdict.WORSE);
  }
}
