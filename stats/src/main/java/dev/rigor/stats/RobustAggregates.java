package dev.rigor.stats;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * rliable's aggregate metrics with stratified-bootstrap confidence intervals: Agarwal, Schwarzer,
 * Castro, Courville &amp; Bellemare (2021), "Deep Reinforcement Learning at the Edge of the Statistical
 * Precipice", NeurIPS. Runs are resampled with replacement within each task (the stratified bootstrap),
 * so every resample keeps every task. rliable reports percentile intervals; {@link BootstrapResult}
 * also carries basic and BCa (BCa's acceleration uses the jackknife over each task's runs, E&amp;T 15.36).
 */
public final class RobustAggregates {
    private RobustAggregates() {
    }

    /**
     * An aggregate ({@link ScoreAggregate#iqm()}, {@code mean()}, {@code median()},
     * {@code optimalityGap(gamma)}) with its stratified-bootstrap intervals.
     */
    public static BootstrapResult estimate(ScoreMatrix scores, ScoreAggregate aggregate, BootstrapConfig config) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(aggregate, "aggregate");
        return Bootstrap.stratified(scores.byTask(), aggregate, config);
    }

    /**
     * Probability of improvement of x over y: the mean over tasks of {@code P(X_t > Y_t) + ½ P(X_t = Y_t)}
     * (rliable's {@code probability_of_improvement}), with runs of x and of y resampled independently
     * within each task.
     *
     * @param x scores of the candidate (runs × tasks)
     * @param y scores of the baseline, same tasks (its number of runs may differ)
     * @param config resamples, confidence, seed
     * @return the estimate in [0, 1] and its intervals
     */
    public static BootstrapResult probabilityOfImprovement(ScoreMatrix x, ScoreMatrix y, BootstrapConfig config) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int tasks = x.tasks();
        if (y.tasks() != tasks) {
            throw new IllegalArgumentException("x and y must score the same tasks; x has " + tasks + " and y has "
                + y.tasks());
        }
        double[][] strata = new double[2 * tasks][];
        System.arraycopy(x.byTask(), 0, strata, 0, tasks);
        System.arraycopy(y.byTask(), 0, strata, tasks, tasks);
        return Bootstrap.stratified(strata, s -> {
            double sum = 0;
            for (int t = 0; t < tasks; t++) {
                sum += ProbabilityOfImprovement.unchecked(s[t], s[tasks + t]);
            }
            return sum / tasks;
        }, config);
    }

    /**
     * The run-score performance profile at each tau, with stratified-bootstrap percentile bands (rliable's
     * {@code create_performance_profile}; percentile because the fraction is discrete, which makes
     * BCa's bias correction ill-defined).
     *
     * @param scores runs × tasks
     * @param taus thresholds, finite, ascending
     * @param config resamples, confidence, seed
     * @return the profile
     */
    public static PerformanceProfile performanceProfile(ScoreMatrix scores, double[] taus, BootstrapConfig config) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(config, "config");
        Require.finite(taus, "taus", 1);
        for (int i = 1; i < taus.length; i++) {
            if (!(taus[i] > taus[i - 1])) {
                throw new IllegalArgumentException("taus must be strictly ascending; taus[" + i + "] = " + taus[i]
                    + " follows " + taus[i - 1]);
            }
        }
        double[][] strata = scores.byTask();
        double[] fractions = new double[taus.length];
        fractionsAbove(strata, taus, fractions);

        Resampler resampler = new Resampler(Arrays.stream(strata).map(s -> new double[][] {s}).toArray(double[][][]::new));
        UniformRandomProvider rng = SeededRandom.create(config.seed());
        int b = config.resamples();
        double[][] replicates = new double[taus.length][b];
        double[] row = new double[taus.length];
        for (int r = 0; r < b; r++) {
            fractionsAbove(resampler.draw(rng), taus, row);
            for (int i = 0; i < taus.length; i++) {
                replicates[i][r] = row[i];
            }
        }
        double alpha = 1 - config.confidence();
        double[] lower = new double[taus.length];
        double[] upper = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            double[] q = Quantiles.type7InPlace(replicates[i], alpha / 2, 1 - alpha / 2);
            lower[i] = q[0];
            upper[i] = q[1];
        }
        return new PerformanceProfile(taus, fractions, lower, upper, config.confidence());
    }

    /** Fraction of all scores strictly above each tau (taus ascending). */
    private static void fractionsAbove(double[][] strata, double[] taus, double[] out) {
        int total = 0;
        int[] counts = new int[taus.length];
        for (double[] task : strata) {
            for (double score : task) {
                total++;
                for (int i = 0; i < taus.length && score > taus[i]; i++) {
                    counts[i]++;
                }
            }
        }
        for (int i = 0; i < taus.length; i++) {
            out[i] = (double) counts[i] / total;
        }
    }
}
