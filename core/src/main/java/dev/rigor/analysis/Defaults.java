package dev.rigor.analysis;

/** Every default of {@code summary}, {@code compare}, {@code variance} and {@code power}, in one place (quoted in their --help). */
public final class Defaults {

  /** Bootstrap resamples; Efron &amp; Tibshirani recommend at least 1,000–2,000 for BCa endpoints. */
  public static final int RESAMPLES = 10_000;
  /** Confidence level of summary intervals; compare uses {@code 1 - alpha}. */
  public static final double CONFIDENCE = 0.95;
  /** Significance level of compare's verdicts and of power analysis. */
  public static final double ALPHA = 0.05;
  /** Seed of every resampling stream, so that output is reproducible unless --seed says otherwise. */
  public static final long SEED = 1;
  /** Target power of {@code rigor power}. */
  public static final double POWER = 0.80;
  /** Relative precision target of {@code rigor variance} (5%, as the pilot protocol of seed 001). */
  public static final double VARIANCE_THRESHOLD = 0.05;
  /** Bootstrap subsamples per n of the variance-vs-n curve. */
  public static final int VARIANCE_SUBSAMPLES = 2_000;
  /** The variance-vs-n curve extends to at least this n (beyond the runs there are, it extrapolates). */
  public static final int VARIANCE_MAX_N = 50;
  /**
   * Below this many values the default interval ({@code --ci auto}) is Student t, from it bootstrap BCa: at
   * n ≈ 3–30 percentile and BCa intervals of a mean are too narrow (docs/STATISTICS.md). The one rule of
   * summary, compare and the report ({@link IntervalChoice#resolve}).
   */
  public static final int T_INTERVAL_BELOW = 30;
  /** Points averaged by {@code --summary last_n}. */
  public static final int LAST_N = 10;

  private Defaults() {}
}
