package dev.rigor.analysis;

import dev.rigor.spec.Goal;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.IntervalMethod;
import dev.rigor.stats.TestResult;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of compare: a candidate against the control on one metric.
 *
 * @param effect the statistic (candidate relative to control) with its bootstrap interval ({@code bootstrapMethod});
 *     empty when it has none (no runs with a value, or a ratio whose control mean is 0)
 * @param interval the interval that goes with the verdict ({@code ciMethod}): the t interval of the mean difference
 *     with {@code --test t} (paired, or Welch), the Hodges–Lehmann shift with the interval inverting the Wilcoxon
 *     test with {@code --test wilcoxon}, the {@code --ci} interval with {@code --test none}; it excludes its null
 *     exactly when the unadjusted test rejects at {@code 1 - confidence}
 * @param relativeChange the effect relative to the control: difference / |control mean (median)|, or
 *     ratio − 1
 * @param test the hypothesis test; empty with {@code --test none} or too few runs
 * @param adjustedPValue the p-value adjusted across every row of the command ({@link Correction})
 * @param effectSizeName {@code d_z} (paired), {@code g} (Hedges, unpaired), {@code r_rb} (rank-biserial, with wilcoxon)
 * @param probabilityOfImprovement P(a candidate run is better than a control run), ties ½; paired: the share of
 *     pairs in which the candidate run is better than its partner; "better" = higher for metrics without a goal
 */
public record Comparison(
    GroupKey group,
    String candidate,
    String control,
    Metric metric,
    Optional<Goal> goal,
    boolean paired,
    SampleStats controlStats,
    SampleStats candidateStats,
    EffectStatistic statistic,
    IntervalMethod bootstrapMethod,
    Optional<ConfidenceInterval> effect,
    CiMethod ciMethod,
    Optional<ConfidenceInterval> interval,
    OptionalDouble relativeChange,
    Optional<TestResult> test,
    OptionalDouble adjustedPValue,
    String effectSizeName,
    OptionalDouble effectSize,
    OptionalDouble probabilityOfImprovement,
    Verdict verdict) {

  public Comparison {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(ciMethod, "ciMethod");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** The unadjusted p-value of the test. */
  public OptionalDouble pValue() {
    return test.map(t -> OptionalDouble.of(t.pValue())).orElse(OptionalDouble.empty());
  }

  /** The value of {@link #interval} meaning "no effect": 1 for a bootstrap ratio, else 0. */
  public double intervalNull() {
    return ciMethod.bootstrap() ? statistic.nullValue() : 0;
  }

  Comparison decided(OptionalDouble adjusted, Verdict newVerdict) {
    return new Comparison(group, candidate, control, metric, goal, paired, controlStats, candidateStats, statistic, bootstrapMethod,
        effect, ciMethod, interval, relativeChange, test, adjusted, effectSizeName, effectSize, probabilityOfImprovement, newVerdict);
  }
}
