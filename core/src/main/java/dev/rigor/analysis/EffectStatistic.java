package dev.rigor.analysis;

import dev.rigor.stats.PairedStatistic;
import dev.rigor.stats.TwoSampleStatistic;
import java.util.Locale;

/** {@code --statistic}: the effect compare estimates and bootstraps, always candidate relative to control. */
public enum EffectStatistic {
  /** {@code mean(candidate) - mean(control)}; paired: the mean of the per-pair differences (the same number). */
  MEAN_DIFF("mean-diff", "mean diff", 0),
  /** {@code mean(candidate) / mean(control)}. */
  RATIO("ratio", "ratio", 1),
  /** Paired: the median of the per-pair differences; unpaired: {@code median(candidate) - median(control)}. */
  MEDIAN_DIFF("median-diff", "median diff", 0);

  private final String text;
  private final String header;
  private final double nullValue;

  EffectStatistic(String text, String header, double nullValue) {
    this.text = text;
    this.header = header;
    this.nullValue = nullValue;
  }

  /** The command-line spelling. */
  public String text() {
    return text;
  }

  /** A short column header. */
  public String header() {
    return header;
  }

  /** The value meaning "no effect": 0 for differences, 1 for the ratio. */
  public double nullValue() {
    return nullValue;
  }

  PairedStatistic paired() {
    return switch (this) {
      case MEAN_DIFF -> PairedStatistic.meanDifference();
      case RATIO -> PairedStatistic.ratioOfMeans();
      case MEDIAN_DIFF -> PairedStatistic.medianOfDifferences();
    };
  }

  TwoSampleStatistic unpaired() {
    return switch (this) {
      case MEAN_DIFF -> TwoSampleStatistic.meanDifference();
      case RATIO -> TwoSampleStatistic.ratioOfMeans();
      case MEDIAN_DIFF -> TwoSampleStatistic.medianDifference();
    };
  }

  public static EffectStatistic parse(String s) throws AnalysisException {
    String t = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (EffectStatistic e : values()) {
      if (e.text.equals(t)) {
        return e;
      }
    }
    throw new AnalysisException("--statistic '" + s + "': expected mean-diff, ratio or median-diff");
  }
}
