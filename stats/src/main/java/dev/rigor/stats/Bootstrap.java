package dev.rigor.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

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
        double[][][] design = pairedDesign(x, y, statistic);
        Resampling resampling = pairedMeanForm(statistic).<Resampling>map(m -> new MeanResampling(design, m))
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
     * Bootstraps the same statistic of several paired data sets with pairs of the same count (e.g. many
     * metrics measured on the same pairs of runs) from one stream of resamples. Result {@code k} equals
     * {@code paired(x[k], y[k], statistic, config)} exactly — same seed, same resampled pairs — but the
     * pairs are drawn once per resample for all data sets when the statistic is a built-in mean-type one.
     *
     * @param x first member of each pair, per data set (finite; every data set of the same length)
     * @param y second member of each pair, per data set, same lengths
     * @param statistic e.g. {@link PairedStatistic#ratioOfMeans()}
     * @param config resamples, confidence, seed (one seed for all data sets)
     * @return per data set, its result, or empty where {@link #paired} would throw {@link ArithmeticException}
     */
    public static List<Optional<BootstrapResult>> pairedEach(double[][] x, double[][] y, PairedStatistic statistic,
                                                             BootstrapConfig config) {
        Objects.requireNonNull(statistic, "statistic");
        int sets = dataSets(x, y);
        List<double[][][]> designs = new ArrayList<>(sets);
        for (int k = 0; k < sets; k++) {
            Require.sameLength(x[k], y[k]);
            sameCount(x[k].length, x[0].length, "every data set must have as many pairs");
            designs.add(pairedDesign(x[k], y[k], statistic));
        }
        return each(designs, pairedMeanForm(statistic), x, y, (a, b) -> paired(a, b, statistic, config), config);
    }

    /**
     * Bootstraps the same statistic of several pairs of independent samples with the same sizes (e.g.
     * many metrics of the same two groups of runs) from one stream of resamples. Result {@code k}
     * equals {@code twoSample(x[k], y[k], statistic, config)} exactly, as {@link #pairedEach}.
     *
     * @param x first sample, per data set (finite; every data set of the same length)
     * @param y second sample, per data set (finite; every data set of the same length)
     * @param statistic e.g. {@link TwoSampleStatistic#meanDifference()}
     * @param config resamples, confidence, seed (one seed for all data sets)
     * @return per data set, its result, or empty where {@link #twoSample} would throw {@link ArithmeticException}
     */
    public static List<Optional<BootstrapResult>> twoSampleEach(double[][] x, double[][] y, TwoSampleStatistic statistic,
                                                                BootstrapConfig config) {
        Objects.requireNonNull(statistic, "statistic");
        int sets = dataSets(x, y);
        List<double[][][]> designs = new ArrayList<>(sets);
        for (int k = 0; k < sets; k++) {
            sameCount(x[k].length, x[0].length, "every x must have the same size");
            sameCount(y[k].length, y[0].length, "every y must have the same size");
            designs.add(new double[][][] {{x[k]}, {y[k]}});
        }
        Optional<MeanStatistic> meanForm = statistic instanceof BuiltinTwoSampleStatistic builtin
            ? builtin.meanForm() : Optional.empty();
        return each(designs, meanForm, x, y, (a, b) -> twoSample(a, b, statistic, config), config);
    }

    /** Checks the data sets (finite, at least one value each) and returns how many there are. */
    private static int dataSets(double[][] x, double[][] y) {
        sameCount(x.length, y.length, "x and y must hold as many data sets");
        for (int k = 0; k < x.length; k++) {
            Require.finite(x[k], "x[" + k + "]", 1);
            Require.finite(y[k], "y[" + k + "]", 1);
        }
        return x.length;
    }

    /** Mean-type statistics share one stream of resamples; others are bootstrapped one by one (same seed). */
    private static List<Optional<BootstrapResult>> each(List<double[][][]> designs, Optional<MeanStatistic> meanForm,
                                                        double[][] x, double[][] y,
                                                        BiFunction<double[], double[], BootstrapResult> single,
                                                        BootstrapConfig config) {
        Objects.requireNonNull(config, "config");
        if (meanForm.isPresent()) {
            return SharedMeanResampling.run(designs, meanForm.get(), config);
        }
        List<Optional<BootstrapResult>> out = new ArrayList<>(x.length);
        for (int k = 0; k < x.length; k++) {
            out.add(orEmpty(x[k], y[k], single));
        }
        return out;
    }

    private static Optional<BootstrapResult> orEmpty(double[] x, double[] y,
                                                     BiFunction<double[], double[], BootstrapResult> bootstrap) {
        try {
            return Optional.of(bootstrap.apply(x, y));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static void sameCount(int a, int b, String rule) {
        if (a != b) {
            throw new IllegalArgumentException(rule + "; got " + a + " and " + b);
        }
    }

    /**
     * Pairs as resampled: for the mean difference, the differences alone (mean(x - y) is the mean of
     * the differences, and resampling them draws the same pairs, at one load per draw); else both columns.
     */
    private static double[][][] pairedDesign(double[] x, double[] y, PairedStatistic statistic) {
        return statistic == BuiltinPairedStatistic.MEAN_DIFFERENCE
            ? new double[][][] {{differences(x, y)}} : new double[][][] {{x.clone(), y.clone()}};
    }

    /** The statistic as a function of the columns' means of {@link #pairedDesign}, when it is one. */
    private static Optional<MeanStatistic> pairedMeanForm(PairedStatistic statistic) {
        if (statistic == BuiltinPairedStatistic.MEAN_DIFFERENCE) {
            return Optional.of(means -> means[0]);
        }
        return statistic instanceof BuiltinPairedStatistic builtin ? builtin.meanForm() : Optional.empty();
    }

    private static double[] differences(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
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
