package dev.rigor.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * How precise is the mean of n runs? For each n = 2..maxN, draws S bootstrap subsamples of size n and
 * measures the CV of the mean and the relative half-width of the t-based CI, with a band across
 * subsamples. This replaces the practice of taking the first n runs in order (one unreplicated path,
 * order-dependent) with resampling.
 *
 * <p>Subsamples are drawn <b>with replacement</b> from all N observations (the bootstrap, Efron &amp;
 * Tibshirani 1993): the question is how variable the mean of n <i>future</i> runs is, and the empirical
 * distribution is our best model of the population they come from. Without replacement, subsamples
 * exhaust the data as n approaches N (at n = N every subsample is the whole sample and its means have
 * zero spread): the finite-population factor {@code (N - n)/(N - 1)} would shrink the curve toward 0
 * and recommend too few runs. With replacement the curve may also be extended beyond N, by
 * extrapolating from the observed distribution.
 *
 * <p>For subsample s with mean {@code m_s} and sd {@code sd_s} (divisor n - 1), relative to the mean
 * {@code M} of all the data: the CV of the mean is {@code sd_s(m_s) / |M|}, its band the quantiles of
 * {@code (sd_s / sqrt(n)) / |M|} (what one experiment of n runs would estimate); the relative
 * half-width is the median of {@code t_{n-1,(1+c)/2} sd_s / sqrt(n) / |M|}, with its band. Relative values
 * follow the package rule: 0 when there is no spread, +&infin; when only M is 0.
 */
public final class VarianceVsN {
    private VarianceVsN() {
    }

    /**
     * The curve for n = 2..{@code values.length}.
     *
     * @param values finite observations (one per run), at least 2
     * @param config subsamples, band, confidence, seed
     * @return the curve
     */
    public static VarianceCurve compute(double[] values, VarianceVsNConfig config) {
        Require.finite(values, "values", 2);
        return compute(values, values.length, config);
    }

    /**
     * The curve for n = 2..{@code maxN}; maxN may exceed the number of observations (extrapolation).
     *
     * @param values finite observations (one per run), at least 2
     * @param maxN largest n, at least 2
     * @param config subsamples, band, confidence, seed
     * @return the curve
     */
    public static VarianceCurve compute(double[] values, int maxN, VarianceVsNConfig config) {
        Require.finite(values, "values", 2);
        Require.atLeast(maxN, 2, "maxN");
        double mean = Moments.of(values).mean();
        UniformRandomProvider rng = SeededRandom.create(config.seed());
        int s = config.subsamples();
        double[] means = new double[s];
        double[] cvs = new double[s];
        double[] halfWidths = new double[s];
        List<VariancePoint> points = new ArrayList<>(maxN - 1);
        for (int n = 2; n <= maxN; n++) {
            double t = TDistribution.of(n - 1).inverseSurvivalProbability((1 - config.confidence()) / 2);
            double rootN = Math.sqrt(n);
            for (int k = 0; k < s; k++) {
                double sum = 0;
                double sumSquares = 0;
                double shift = values[0];
                for (int i = 0; i < n; i++) {
                    double v = values[rng.nextInt(values.length)] - shift;
                    sum += v;
                    sumSquares += v * v;
                }
                double sd = Math.sqrt(Math.max(0, (sumSquares - sum * sum / n) / (n - 1)));
                means[k] = shift + sum / n;
                cvs[k] = RelativeSpread.of(sd / rootN, mean);
                halfWidths[k] = RelativeSpread.of(t * sd / rootN, mean);
            }
            double cvOfMean = RelativeSpread.of(Math.sqrt(Moments.of(means).variance()), mean);
            double[] cvBand = Quantiles.type7InPlace(cvs, config.bandLower(), config.bandUpper());
            double[] hw = Quantiles.type7InPlace(halfWidths, config.bandLower(), 0.5, config.bandUpper());
            points.add(new VariancePoint(n, cvOfMean, cvBand[0], cvBand[1], hw[1], hw[0], hw[2]));
        }
        return new VarianceCurve(mean, values.length, points);
    }
}
