package dev.rigor.analysis;

import java.util.Locale;

/** {@code --test}: the hypothesis test behind compare's verdict. */
public enum TestChoice {
  /** Paired t test, or Welch's t test when unpaired (the default; see docs/STATISTICS.md for why). */
  T,
  /** Wilcoxon signed-rank test, or Mann–Whitney U when unpaired. */
  WILCOXON,
  /** No test: the verdict is whether the bootstrap CI excludes the null (Bonferroni-widened for several comparisons). */
  NONE;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TestChoice parse(String s) throws AnalysisException {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--test '" + s + "': expected t, wilcoxon or none");
    }
  }
}
