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
 * @param effect the statistic (candidate relative to control) with its bootstrap interval; empty when
 *     it has none (no runs with a value, or a ratio whose control mean is 0)
 * @param relativeChange the effect relative to the control: difference / |control mean (median)|, or
 *     ratio − 1
 * @param test the hypothesis test; empty with {@code --test none} or too few runs
 * @param adjustedPValue the p-value adjusted across every row of the command ({@link Correction})
 * @param effectSizeName {@code d_z} (paired), {@code g} (Hedges, unpaired), {@code r_rb} (rank-biserial, with wilcoxon)
 * @param probabilityOfImprovement P(a candidate run is better than a control run), ties ½; "better" =
 *     higher for metrics without a goal
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
    IntervalMethod ciMethod,
    Optional<ConfidenceInterval> effect,
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
    Objects.requireNonNull(verdict, "verdict");
  }

  /** The unadjusted p-value of the test. */
  public OptionalDouble pValue() {
    return test.map(t -> OptionalDouble.of(t.pValue())).orElse(OptionalDouble.empty());
  }

  Comparison decided(OptionalDouble adjusted, Verdict newVerdict) {
    return new Comparison(group, candidate, control, metric, goal, paired, controlStats, candidateStats, statistic, ciMethod,
        effect, relativeChange, test, adjusted, effectSizeName, effectSize, probabilityOfImprovement, newVerdict);
  }
}
