package dev.rigor.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * Nonparametric bootstrap confidence intervals (Efron &amp; Tibshirani 1993) for one sample, paired
 * samples (pairs resampled together), two independent samples (each resampled separately) and
 * stratified data (resampled within each stratum, as rliable's stratified bootstrap). Every call
 * returns the percentile, basic and BCa intervals; BCa's acceleration uses the jackknife over each
 * independent group (E&amp;T eq. 14.15 / 15.36, see {@link JackknifeAcceleration}).
 *
 * <p>Seeded and reproducible: the same data, statistic and {@link BootstrapConfig} give identical
 * results, and the built-in statistics draw exactly the same resamples as an equivalent lambda.
 * Mean-based built-ins are resampled by summing indexed values, with no allocation in the loop.
 *
 * <p>A statistic that is not finite on the original data, or NaN on some resample (e.g. a ratio of
 * means whose denominator is or resamples to 0), has no bootstrap distribution: the call throws
 * {@link ArithmeticException}. Infinite replicates are kept and may give infinite bounds.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * Bootstraps a statistic of one sample.
     *
     * @param sample finite values, at least one (with one value every interval is that point)
     * @param statistic e.g. {@link SampleStatistic#mean()}
     * @param config resamples, confidence, seed
     * @return the estimate and its intervals
     */
    public static BootstrapResult oneSample(double[] sample, SampleStatistic statistic, BootstrapConfig config) {
        Require.finite(sample, "sample", 1);
        Objects.requireNonNull(statistic, "statistic");
        double[][][] design = {{sample.clone()}};
        Optional<MeanStatistic> meanForm = statistic instanceof BuiltinSampleStatistic builtin
            ? builtin.meanForm() : Optional.empty();
        Resampling resampling = meanForm.<Resampling>map(m -> new MeanResampling(design, m))
            .orElseGet(() -> new ColumnResampling(design, columns -> statistic.evaluate(columns[0])));
        return run(resampling, config);
    }

    /**
     * Bootstraps a statistic of paired samples by resampling pairs.
     *
     * @param x first member of each pair (finite, at least one)
     * @param y second member of each pair, same length
     * @param statistic e.g. {@link PairedStatistic#meanDifference()} for {@code mean(x - y)}
     * @param config resamples, confidence, seed
     * @return the estimate and its intervals
     */
    public static BootstrapResult paired(double[] x, double[] y, PairedStatistic statistic, BootstrapConfig config) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        Require.sameLength(x, y);
        Objects.requireNonNull(statistic, "statistic");
        if (statistic == BuiltinPairedStatistic.MEAN_DIFFERENCE) {
            // mean(x - y) = mean of the differences; resampling the differences draws the same pairs.
            double[] differences = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                differences[i] = x[i] - y[i];
            }
            return run(new MeanResampling(new double[][][] {{differences}}, means -> means[0]), config);
        }
        double[][][] design = {{x.clone(), y.clone()}};
        Optional<MeanStatistic> meanForm = statistic instanceof BuiltinPairedStatistic builtin
            ? builtin.meanForm() : Optional.empty();
        Resampling resampling = meanForm.<Resampling>map(m -> new MeanResampling(design, m))
            .orElseGet(() -> new ColumnResampling(design, columns -> statistic.evaluate(columns[0], columns[1])));
        return run(resampling, config);
    }

    /**
     * Bootstraps a statistic of two independent samples, resampling each separately.
     *
     * @param x first sample (finite, at least one)
     * @param y second sample (finite, at least one; any length)
     * @param statistic e.g. {@link TwoSampleStatistic#meanDifference()} for {@code mean(x) - mean(y)}
     * @param config resamples, confidence, seed
     * @return the estimate and its intervals
     */
    public static BootstrapResult twoSample(double[] x, double[] y, TwoSampleStatistic statistic,
                                            BootstrapConfig config) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        Objects.requireNonNull(statistic, "statistic");
        double[][][] design = {{x.clone()}, {y.clone()}};
        Optional<MeanStatistic> meanForm = statistic instanceof BuiltinTwoSampleStatistic builtin
            ? builtin.meanForm() : Optional.empty();
        Resampling resampling = meanForm.<Resampling>map(m -> new MeanResampling(design, m))
            .orElseGet(() -> new ColumnResampling(design, columns -> statistic.evaluate(columns[0], columns[1])));
        return run(resampling, config);
    }

    /**
     * Bootstraps a statistic of stratified data, resampling with replacement within each stratum
     * (Agarwal et al. 2021's stratified bootstrap: runs resampled within each task).
     *
     * @param strata one array of finite values per stratum, each with at least one value
     * @param statistic evaluated on the strata, in this order
     * @param config resamples, confidence, seed
     * @return the estimate and its intervals
     */
    public static BootstrapResult stratified(double[][] strata, StratifiedStatistic statistic,
                                             BootstrapConfig config) {
        Objects.requireNonNull(strata, "strata");
        Objects.requireNonNull(statistic, "statistic");
        if (strata.length == 0) {
            throw new IllegalArgumentException("strata must contain at least one stratum");
        }
        double[][][] design = new double[strata.length][][];
        for (int s = 0; s < strata.length; s++) {
            design[s] = new double[][] {Require.finite(strata[s], "strata[" + s + "]", 1).clone()};
        }
        return run(new ColumnResampling(design, statistic::evaluate), config);
    }

    private static BootstrapResult run(Resampling resampling, BootstrapConfig config) {
        Objects.requireNonNull(config, "config");
        double estimate = resampling.estimate();
        if (!Double.isFinite(estimate)) {
            throw new ArithmeticException("the statistic is " + estimate + " on the original data (e.g. a ratio"
                + " whose denominator is 0); it has no confidence interval");
        }
        double[] replicates = new double[config.resamples()];
        resampling.fill(SeededRandom.create(config.seed()), replicates);
        return BootstrapIntervals.summarize(estimate, replicates, resampling.acceleration(), config.confidence());
    }
}
