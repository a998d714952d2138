package dev.rigor.analysis;

import java.util.Locale;

/** {@code summary --ci}: how the confidence interval of a group's mean is computed. */
public enum MeanInterval {
  /** Bootstrap BCa (Efron 1987): adapts to skew; slightly too narrow below ~30 runs (docs/STATISTICS.md). */
  BCA,
  /** Bootstrap percentile: the quantiles of the resampled means. */
  PERCENTILE,
  /** Student t: {@code mean ± t_{n-1} sd/√n}; exact for normal data, preferable with few runs. */
  T;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MeanInterval parse(String s) throws AnalysisException {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--ci '" + s + "': expected bca, percentile or t");
    }
  }
}
