package dev.rigor.analysis;

import dev.rigor.stats.IntervalMethod;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --ci}, the same values for {@code summary}, {@code compare} and the report: which interval of a
 * mean (or of an effect) is shown. {@link #AUTO} is the one small-sample rule of Rigor ({@link #resolve}).
 */
public enum IntervalChoice {
  /** Student t below {@link Defaults#T_INTERVAL_BELOW} values, bootstrap BCa from there (docs/STATISTICS.md). */
  AUTO,
  /** Student t: {@code mean ± t_{n-1} sd/√n} (paired on the differences, Welch when unpaired); exact for normal data. */
  T,
  /** Bootstrap BCa (Efron 1987): adapts to skew; too narrow below ~30 runs (docs/STATISTICS.md). */
  BCA,
  /** Bootstrap percentile: the quantiles of the resampled statistic. */
  PERCENTILE,
  /** Bootstrap basic (reverse percentile). */
  BASIC;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The interval used for {@code n} values: this choice, or for {@link #AUTO} t below
   * {@link Defaults#T_INTERVAL_BELOW} values and BCa from there — the rule every command and the report follow.
   */
  public IntervalChoice resolve(int n) {
    if (this != AUTO) {
      return this;
    }
    return n < Defaults.T_INTERVAL_BELOW ? T : BCA;
  }

  /** The bootstrap method of this choice; empty for t and auto. */
  public Optional<IntervalMethod> bootstrap() {
    return switch (this) {
      case BCA -> Optional.of(IntervalMethod.BCA);
      case PERCENTILE -> Optional.of(IntervalMethod.PERCENTILE);
      case BASIC -> Optional.of(IntervalMethod.BASIC);
      case AUTO, T -> Optional.empty();
    };
  }

  public static IntervalChoice parse(String s) throws AnalysisException {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--ci '" + s + "': expected auto, t, bca, percentile or basic");
    }
  }
}
