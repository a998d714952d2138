package dev.rigor.analysis;

import dev.rigor.spec.Goal;
import dev.rigor.stats.Bootstrap;
import dev.rigor.stats.BootstrapConfig;
import dev.rigor.stats.BootstrapResult;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.EffectSizes;
import dev.rigor.stats.ProbabilityOfImprovement;
import dev.rigor.stats.RankTests;
import dev.rigor.stats.Summary;
import dev.rigor.stats.TTests;
import dev.rigor.stats.TestResult;
import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures one metric for one contrast: both sides' values (paired or not), the bootstrap interval of
 * the effect, the test, the effect size and the probability of improvement. The verdict is left to
 * {@link Comparisons}, which needs every p-value of the command to adjust them.
 */
final class MetricContrast {

  /** The values compared: {@code control[i]} and {@code candidate[i]} form pair i when paired. */
  record Samples(double[] control, double[] candidate, boolean paired) {}

  private MetricContrast() {}

  static Samples samples(Contrast c, Pairing pairing, Metric metric) {
    if (!pairing.paired()) {
      return new Samples(c.control().values().values(c.control().okRuns(), metric),
          c.candidate().values().values(c.candidate().okRuns(), metric), false);
    }
    List<double[]> pairs = new ArrayList<>();
    for (Pairing.RunPair p : pairing.pairs()) {
      double x = c.control().values().value(p.control(), metric);
      double y = c.candidate().values().value(p.candidate(), metric);
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        pairs.add(new double[] {x, y});
      }
    }
    return new Samples(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray(), true);
  }

  static Comparison measure(Contrast c, Pairing pairing, Metric metric, CompareSettings s, double confidence) {
    Samples data = samples(c, pairing, metric);
    double[] a = data.control();
    double[] b = data.candidate();
    Optional<Goal> goal = c.control().values().experiment().goal(metric.name());
    boolean any = a.length > 0 && b.length > 0;
    long seed = StreamSeeds.derive(s.seed(), c.group().label(), c.candidate().label(), c.control().label(), metric.label());
    Optional<ConfidenceInterval> effect = any ? bootstrap(data, s, confidence, seed) : Optional.empty();
    return new Comparison(c.group(), c.candidate().label(), c.control().label(), metric, goal, data.paired(),
        SampleStats.of(a), SampleStats.of(b), s.statistic(), s.ci(), effect, relativeChange(effect, a, s.statistic()),
        any ? test(data, s.test(), confidence) : Optional.empty(), OptionalDouble.empty(), effectSizeName(data.paired(), s.test()),
        effectSize(data, s.test()), any ? OptionalDouble.of(improvement(b, a, goal)) : OptionalDouble.empty(),
        Verdict.INSUFFICIENT);
  }

  private static Optional<ConfidenceInterval> bootstrap(Samples d, CompareSettings s, double confidence, long seed) {
    BootstrapConfig config = new BootstrapConfig(s.resamples(), confidence, seed);
    try {
      BootstrapResult r = d.paired()
          ? Bootstrap.paired(d.candidate(), d.control(), s.statistic().paired(), config)
          : Bootstrap.twoSample(d.candidate(), d.control(), s.statistic().unpaired(), config);
      return Optional.of(r.interval(s.ci()));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static OptionalDouble relativeChange(Optional<ConfidenceInterval> effect, double[] control, EffectStatistic statistic) {
    if (effect.isEmpty()) {
      return OptionalDouble.empty();
    }
    double estimate = effect.get().estimate();
    if (statistic == EffectStatistic.RATIO) {
      return OptionalDouble.of(estimate - 1);
    }
    Summary summary = Summary.of(control);
    double base = Math.abs(statistic == EffectStatistic.MEAN_DIFF ? summary.mean() : summary.median());
    return base == 0 ? OptionalDouble.empty() : OptionalDouble.of(estimate / base);
  }

  /** The test of candidate vs control; empty when a side is too small for it. */
  private static Optional<TestResult> test(Samples d, TestChoice test, double confidence) {
    double[] a = d.control();
    double[] b = d.candidate();
    return switch (test) {
      case NONE -> Optional.empty();
      case T -> a.length < 2 || b.length < 2 ? Optional.empty()
          : Optional.of(d.paired() ? TTests.paired(b, a, confidence) : TTests.welch(b, a, confidence));
      case WILCOXON -> Optional.of(d.paired() ? RankTests.wilcoxonSignedRank(b, a) : RankTests.mannWhitneyU(b, a));
    };
  }

  private static String effectSizeName(boolean paired, TestChoice test) {
    if (test == TestChoice.WILCOXON) {
      return "r_rb";
    }
    return paired ? "d_z" : "g";
  }

  private static OptionalDouble effectSize(Samples d, TestChoice test) {
    double[] a = d.control();
    double[] b = d.candidate();
    if (a.length == 0 || b.length == 0) {
      return OptionalDouble.empty();
    }
    if (test == TestChoice.WILCOXON) {
      return OptionalDouble.of(d.paired() ? EffectSizes.rankBiserialPaired(b, a) : EffectSizes.rankBiserial(b, a));
    }
    if (d.paired()) {
      return a.length < 2 ? OptionalDouble.empty() : OptionalDouble.of(EffectSizes.cohensDz(b, a));
    }
    return a.length < 2 || b.length < 2 ? OptionalDouble.empty() : OptionalDouble.of(EffectSizes.hedgesG(b, a));
  }

  /** P(candidate better than control), ties ½; higher is better without a goal. */
  private static double improvement(double[] candidate, double[] control, Optional<Goal> goal) {
    dev.rigor.stats.Goal g = goal.orElse(Goal.MAX) == Goal.MIN ? dev.rigor.stats.Goal.MINIMIZE : dev.rigor.stats.Goal.MAXIMIZE;
    return ProbabilityOfImprovement.of(candidate, control, g);
  }

  /** Runs of a side without a value of {@code metric}, for notes. */
  static List<RunRecord> withoutValue(Side side, Metric metric) {
    return side.okRuns().stream().filter(r -> Double.isNaN(side.values().value(r, metric))).toList();
  }
}
