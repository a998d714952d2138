package dev.rigor.analysis;

import dev.rigor.stats.Bootstrap;
import dev.rigor.stats.BootstrapConfig;
import dev.rigor.stats.BootstrapResult;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.Quantiles;
import dev.rigor.stats.SampleStatistic;
import dev.rigor.stats.Summary;
import dev.rigor.stats.TTests;
import dev.rigor.stats.WilsonScoreInterval;
import dev.rigor.store.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * {@code rigor summary}: per metric and group, {@link Summary} of the ok runs' values (mean, sd,
 * median, IQM), the mean's interval ({@link IntervalChoice}: by default t below 30 values, BCa from there), type-7 p95/p99
 * ({@link Quantiles}), and the success rate ok / finished with its Wilson score interval
 * ({@link WilsonScoreInterval}). Rows are metric-major, groups in spec order.
 */
public final class Summaries {

  private Summaries() {}

  public static List<MetricSummary> compute(RunValues values, Grouping grouping, List<Metric> metrics, SummarySettings s) {
    Experiment e = values.experiment();
    List<Group> groups = grouping.apply(e, e.runs());
    int rows = metrics.size() * groups.size();
    return IntStream.range(0, rows).parallel()
        .mapToObj(i -> summarise(values, groups.get(i % groups.size()), metrics.get(i / groups.size()), s))
        .toList();
  }

  static MetricSummary summarise(RunValues values, Group group, Metric metric, SummarySettings s) {
    double[] x = values.values(group.okRuns(), metric);
    int finished = group.finishedRuns().size();
    int ok = (int) group.runs().stream().filter(r -> r.meta().status() == RunStatus.OK).count();
    Optional<ConfidenceInterval> success = finished == 0 ? Optional.empty()
        : Optional.of(WilsonScoreInterval.of(ok, finished, s.confidence()));
    IntervalChoice ci = s.ci().resolve(x.length);
    CiMethod method = ci == IntervalChoice.T ? CiMethod.T : CiMethod.of(ci.bootstrap().orElseThrow());
    if (x.length == 0) {
      return new MetricSummary(group.key(), metric, finished, ok, Optional.empty(), Optional.empty(), OptionalDouble.empty(),
          OptionalDouble.empty(), success, method);
    }
    double[] q = Quantiles.type7(x, 0.95, 0.99);
    long seed = StreamSeeds.derive(s.seed(), group.key().label(), metric.label());
    return new MetricSummary(group.key(), metric, finished, ok, Optional.of(Summary.of(x)), meanInterval(x, ci, s, seed),
        OptionalDouble.of(q[0]), OptionalDouble.of(q[1]), success, method);
  }

  private static Optional<ConfidenceInterval> meanInterval(double[] x, IntervalChoice ci, SummarySettings s, long seed) {
    if (x.length < 2) {
      return Optional.empty();
    }
    if (ci == IntervalChoice.T) {
      return TTests.oneSample(x, 0, s.confidence()).difference();
    }
    BootstrapResult r = Bootstrap.oneSample(x, SampleStatistic.mean(), new BootstrapConfig(s.resamples(), s.confidence(), seed));
    return Optional.of(r.interval(ci.bootstrap().orElseThrow()));
  }
}
