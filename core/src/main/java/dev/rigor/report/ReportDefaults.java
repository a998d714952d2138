package dev.rigor.report;

import dev.rigor.analysis.Defaults;
import java.util.EnumSet;
import java.util.Set;

/** Every default of {@code rigor report}, in one place (quoted in its --help and docs/REPORT.md). */
public final class ReportDefaults {

  /** Formats written when {@code --format} is not given (SVG on request: it doubles the time spent on images). */
  public static final Set<ReportFormat> FORMATS = EnumSet.of(ReportFormat.HTML, ReportFormat.MD, ReportFormat.PNG);
  /** Bootstrap resamples of the ratio intervals: the same as {@code rigor compare}, so the numbers agree. */
  public static final int RESAMPLES = Defaults.RESAMPLES;
  /** The fewest resamples an automatic choice goes down to (Efron &amp; Tibshirani: 1,000–2,000 for interval endpoints). */
  public static final int MIN_RESAMPLES = 2_000;
  /**
   * Bootstrap draws (resamples × values resampled, over every comparison) a report may spend before it
   * lowers the resamples towards {@link #MIN_RESAMPLES}: about five seconds on two cores.
   */
  public static final long BOOTSTRAP_BUDGET = 2_000_000_000L;
  /** Seed of every resampling stream: the same as the analysis commands. */
  public static final long SEED = Defaults.SEED;
  /** Significance level of the verdicts; intervals are at {@code 1 - ALPHA}. */
  public static final double ALPHA = Defaults.ALPHA;
  /** Confidence of the error bars and learning-curve bands. */
  public static final double CONFIDENCE = Defaults.CONFIDENCE;
  /**
   * Without {@code report.metrics}, goals or {@code --metric}, the charts show the first this many
   * metrics (every metric stays in the runs table).
   */
  public static final int MAX_DEFAULT_METRICS = 12;
  /**
   * Without a choice of metrics, the comparison sections (each a bootstrap per variation and metric)
   * cover the first this many charted metrics.
   */
  public static final int MAX_DEFAULT_COMPARED = 6;
  /** Individual runs drawn per group as points; above it, an evenly spaced sample of the sorted values. */
  public static final int POINTS_PER_GROUP = 200;
  /** Steps at which learning curves are evaluated (an even grid over the series' step range). */
  public static final int CURVE_STEPS = 60;
  /** Lines of stderr shown per failed run. */
  public static final int STDERR_LINES = 20;
  /** Failed runs listed with their stderr; the runs table has every one. */
  public static final int MAX_FAILURES = 100;

  private ReportDefaults() {}

  /**
   * The resamples of an automatic choice: {@link #RESAMPLES}, unless the comparisons would resample
   * more than {@link #BOOTSTRAP_BUDGET} values in all — then fewer, but never below {@link #MIN_RESAMPLES}.
   *
   * @param valuesResampled values in every comparison's samples, summed (runs × metrics × families)
   */
  public static int resamples(long valuesResampled) {
    if (valuesResampled <= 0) {
      return RESAMPLES;
    }
    long fit = BOOTSTRAP_BUDGET / valuesResampled;
    return (int) Math.max(MIN_RESAMPLES, Math.min(RESAMPLES, fit));
  }
}
