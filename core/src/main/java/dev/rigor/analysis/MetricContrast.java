package dev.rigor.analysis;

import dev.rigor.spec.Goal;
import dev.rigor.stats.Bootstrap;
import dev.rigor.stats.BootstrapConfig;
import dev.rigor.stats.BootstrapResult;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.EffectSizes;
import dev.rigor.stats.HodgesLehmann;
import dev.rigor.stats.ProbabilityOfImprovement;
import dev.rigor.stats.RankTests;
import dev.rigor.stats.Summary;
import dev.rigor.stats.TTests;
import dev.rigor.stats.TestResult;
import dev.rigor.store.RunRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures one metric for one contrast: both sides' values (paired or not), the bootstrap interval of
 * the effect, the test with the interval of the same method, the effect size and the probability of improvement. The verdict is left to
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

  /**
   * Measures {@code metrics} for one contrast. The bootstrap stream is seeded from the contrast alone,
   * so every metric of it with the same number of values resamples the same rows: the rows are drawn
   * once for all of them ({@link Bootstrap#pairedEach}), and each metric's interval is exactly the one
   * it would get alone.
   */
  static List<Comparison> measure(Contrast c, Pairing pairing, List<Metric> metrics, CompareSettings s, double confidence) {
    List<Samples> data = metrics.stream().map(m -> samples(c, pairing, m)).toList();
    long seed = StreamSeeds.derive(s.seed(), c.group().label(), c.candidate().label(), c.control().label());
    List<Optional<ConfidenceInterval>> effects = bootstrap(data, s, new BootstrapConfig(s.resamples(), confidence, seed));
    List<Comparison> out = new ArrayList<>(metrics.size());
    for (int k = 0; k < metrics.size(); k++) {
      out.add(comparison(c, metrics.get(k), data.get(k), effects.get(k), s, confidence));
    }
    return out;
  }

  private static Comparison comparison(Contrast c, Metric metric, Samples data, Optional<ConfidenceInterval> effect,
      CompareSettings s, double confidence) {
    double[] a = data.control();
    double[] b = data.candidate();
    Optional<Goal> goal = c.control().values().experiment().goal(metric.name());
    boolean any = a.length > 0 && b.length > 0;
    Optional<TestResult> test = any ? test(data, s.test(), confidence) : Optional.empty();
    CiMethod method = intervalMethod(data, s);
    return new Comparison(c.group(), c.candidate().label(), c.control().label(), metric, goal, data.paired(),
        SampleStats.of(a), SampleStats.of(b), s.statistic(), s.bootstrapMethod(), effect, method,
        interval(data, method, test, effect, confidence), relativeChange(effect, a, s.statistic()), test, OptionalDouble.empty(),
        effectSizeName(data.paired(), s.test()), effectSize(data, s.test()),
        any ? OptionalDouble.of(improvement(data, goal)) : OptionalDouble.empty(), Verdict.INSUFFICIENT);
  }

  /**
   * The method of the interval that goes with the verdict: the test's own (t, or Hodges–Lehmann for Wilcoxon), or
   * with {@code --test none} the {@code --ci} choice, resolved by the smaller side's n (t only for a mean difference).
   */
  private static CiMethod intervalMethod(Samples d, CompareSettings s) {
    CiMethod t = d.paired() ? CiMethod.T : CiMethod.WELCH_T;
    return switch (s.test()) {
      case T -> t;
      case WILCOXON -> CiMethod.HODGES_LEHMANN;
      case NONE -> {
        IntervalChoice ci = s.ci().resolve(Math.min(d.control().length, d.candidate().length));
        yield ci == IntervalChoice.T && s.statistic() == EffectStatistic.MEAN_DIFF ? t
            : CiMethod.of(ci.bootstrap().orElse(dev.rigor.stats.IntervalMethod.BCA));
      }
    };
  }

  private static Optional<ConfidenceInterval> interval(Samples d, CiMethod method, Optional<TestResult> test,
      Optional<ConfidenceInterval> bootstrap, double confidence) {
    double[] a = d.control();
    double[] b = d.candidate();
    if (method.bootstrap()) {
      return bootstrap;
    }
    if (method == CiMethod.HODGES_LEHMANN) {
      if (d.paired() ? a.length < 2 : a.length < 1 || b.length < 1) {
        return Optional.empty();
      }
      return Optional.of(d.paired() ? HodgesLehmann.paired(b, a, confidence) : HodgesLehmann.twoSample(b, a, confidence));
    }
    if (test.isPresent() && test.get().difference().isPresent()) {
      return test.get().difference();
    }
    if (a.length < 2 || b.length < 2) {
      return Optional.empty();
    }
    return (d.paired() ? TTests.paired(b, a, confidence) : TTests.welch(b, a, confidence)).difference();
  }

  /** The effect's interval per data set; those with the same sizes share one stream of resamples. */
  private static List<Optional<ConfidenceInterval>> bootstrap(List<Samples> data, CompareSettings s, BootstrapConfig config) {
    List<Optional<ConfidenceInterval>> out = new ArrayList<>(Collections.nCopies(data.size(), Optional.empty()));
    Map<List<Object>, List<Integer>> bySize = new LinkedHashMap<>();
    for (int k = 0; k < data.size(); k++) {
      Samples d = data.get(k);
      if (d.control().length > 0 && d.candidate().length > 0) {
        bySize.computeIfAbsent(List.of(d.paired(), d.candidate().length, d.control().length), key -> new ArrayList<>()).add(k);
      }
    }
    for (List<Integer> same : bySize.values()) {
      double[][] candidate = same.stream().map(k -> data.get(k).candidate()).toArray(double[][]::new);
      double[][] control = same.stream().map(k -> data.get(k).control()).toArray(double[][]::new);
      List<Optional<BootstrapResult>> results = data.get(same.get(0)).paired()
          ? Bootstrap.pairedEach(candidate, control, s.statistic().paired(), config)
          : Bootstrap.twoSampleEach(candidate, control, s.statistic().unpaired(), config);
      for (int j = 0; j < same.size(); j++) {
        out.set(same.get(j), results.get(j).map(r -> r.interval(s.bootstrapMethod())));
      }
    }
    return out;
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

  /** P(candidate better than control), ties ½, over the pairs when paired; higher is better without a goal. */
  private static double improvement(Samples d, Optional<Goal> goal) {
    dev.rigor.stats.Goal g = goal.orElse(Goal.MAX) == Goal.MIN ? dev.rigor.stats.Goal.MINIMIZE : dev.rigor.stats.Goal.MAXIMIZE;
    return d.paired() ? ProbabilityOfImprovement.paired(d.candidate(), d.control(), g)
        : ProbabilityOfImprovement.of(d.candidate(), d.control(), g);
  }

  /** Runs of a side without a value of {@code metric}, for notes. */
  static List<RunRecord> withoutValue(Side side, Metric metric) {
    return side.okRuns().stream().filter(r -> Double.isNaN(side.values().value(r, metric))).toList();
  }
}
