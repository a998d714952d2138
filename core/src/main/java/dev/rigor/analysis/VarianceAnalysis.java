package dev.rigor.analysis;

import dev.rigor.stats.CurveBound;
import dev.rigor.stats.Summary;
import dev.rigor.stats.VarianceCurve;
import dev.rigor.stats.VarianceMeasure;
import dev.rigor.stats.VarianceVsN;
import dev.rigor.stats.VarianceVsNConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code rigor variance}: per group, {@link VarianceVsN} — bootstrap subsamples of size n = 2..maxN
 * (with replacement, so the curve does not collapse as n approaches N) give the CV of the mean and the
 * relative half-width of the t interval, with 10–90% bands; the minimum n is the smallest n from
 * which the curve stays under the threshold up to maxN ({@link VarianceCurve#minimumN}), not the
 * first dip (seed 001's bug).
 */
public final class VarianceAnalysis {

  private VarianceAnalysis() {}

  public static List<VarianceResult> compute(RunValues values, Grouping grouping, Metric metric, VarianceSettings s) {
    Experiment e = values.experiment();
    return grouping.apply(e, e.runs()).parallelStream().map(g -> curve(values, g, metric, s)).toList();
  }

  static VarianceResult curve(RunValues values, Group group, Metric metric, VarianceSettings s) {
    double[] x = values.values(group.okRuns(), metric);
    if (x.length < 2) {
      double mean = x.length == 1 ? x[0] : Double.NaN;
      return new VarianceResult(group.key(), metric, x.length, mean, Double.NaN, Optional.empty(), OptionalInt.empty(),
          OptionalInt.empty(), OptionalInt.empty());
    }
    Summary summary = Summary.of(x);
    long seed = StreamSeeds.derive(s.seed(), group.key().label(), metric.label());
    VarianceVsNConfig config = new VarianceVsNConfig(s.subsamples(), 0.10, 0.90, s.confidence(), seed);
    VarianceCurve curve = VarianceVsN.compute(x, s.maxNFor(x.length), config);
    return new VarianceResult(group.key(), metric, x.length, summary.mean(), summary.coefficientOfVariation(),
        Optional.of(curve), curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.CENTRAL, s.threshold()),
        curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.UPPER, s.threshold()),
        curve.minimumN(VarianceMeasure.RELATIVE_HALF_WIDTH, CurveBound.CENTRAL, s.threshold()));
  }
}
