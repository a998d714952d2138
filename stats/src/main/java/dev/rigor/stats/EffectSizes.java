package dev.rigor.stats;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Standardised effect sizes of {@code x} relative to {@code y}. A zero denominator (no variation)
 * gives 0 when the difference is 0 and ±&infin; otherwise.
 */
public final class EffectSizes {
    private EffectSizes() {
    }

    /**
     * Cohen's d with pooled standard deviation: {@code (mean(x) - mean(y)) / s_p},
     * {@code s_p^2 = ((n_x - 1) s_x^2 + (n_y - 1) s_y^2) / (n_x + n_y - 2)}. Cohen (1988),
     * <i>Statistical Power Analysis for the Behavioral Sciences</i>, eq. 2.5.2.
     *
     * @param x first sample, at least one value
     * @param y second sample, at least one value; at least 3 values in all
     * @return d
     */
    public static double cohensD(double[] x, double[] y) {
        requireTwoSamples(x, y, 3);
        Moments mx = Moments.of(x);
        Moments my = Moments.of(y);
        double pooled = ((x.length - 1) * mx.variance() + (y.length - 1) * my.variance()) / (x.length + y.length - 2);
        return standardised(mx.mean() - my.mean(), Math.sqrt(pooled));
    }

    /**
     * Hedges' g: Cohen's d times the exact small-sample correction
     * {@code J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2))}, {@code m = n_x + n_y - 2}. Hedges (1981),
     * J. Educational Statistics 6:107-128, eq. 6e; approximately {@code 1 - 3/(4m - 1)}.
     *
     * @param x first sample, at least one value
     * @param y second sample, at least one value; at least 4 values in all
     * @return g
     */
    public static double hedgesG(double[] x, double[] y) {
        requireTwoSamples(x, y, 4);
        double m = x.length + y.length - 2.0;
        double j = Math.exp(LogGamma.value(m / 2) - LogGamma.value((m - 1) / 2)) / Math.sqrt(m / 2);
        return cohensD(x, y) * j;
    }

    /**
     * Cohen's d_z for paired data: {@code mean(d) / sd(d)} with {@code d = x - y}. Cohen (1988) eq. 2.3.5.
     *
     * @param x first member of each pair, at least 2 pairs
     * @param y second member of each pair, same length
     * @return d_z
     */
    public static double cohensDz(double[] x, double[] y) {
        Require.finite(x, "x", 2);
        Require.finite(y, "y", 2);
        Require.sameLength(x, y);
        Moments d = Moments.of(differences(x, y));
        return standardised(d.mean(), Math.sqrt(d.variance()));
    }

    /**
     * Matched-pairs rank-biserial correlation {@code (W+ - W-) / (W+ + W-)} over the non-zero
     * differences {@code x - y} (zeros dropped, as the signed-rank test); Kerby (2014), Comprehensive
     * Psychology 3:11.IT.3.1. W+ comes from Commons Statistics {@link WilcoxonSignedRankTest}.
     *
     * @param x first member of each pair, at least one
     * @param y second member of each pair, same length
     * @return r in [-1, 1]; 0 when every difference is zero
     */
    public static double rankBiserialPaired(double[] x, double[] y) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        Require.sameLength(x, y);
        double[] d = differences(x, y);
        int n = 0;
        for (double v : d) {
            if (v != 0) {
                d[n++] = v;
            }
        }
        if (n == 0) {
            return 0;
        }
        double[] nonZero = Arrays.copyOf(d, n);
        double wPlus = WilcoxonSignedRankTest.withDefaults().statistic(nonZero);
        double total = n * (n + 1) / 2.0;
        return (2 * wPlus - total) / total;
    }

    /**
     * Rank-biserial correlation of two independent samples, {@code 2 U / (n_x n_y) - 1} with U of x
     * (Glass 1965; Kerby 2014): {@code P(X > Y) - P(X < Y)}.
     *
     * @param x first sample, at least one value
     * @param y second sample, at least one value
     * @return r in [-1, 1]
     */
    public static double rankBiserial(double[] x, double[] y) {
        return 2 * ProbabilityOfImprovement.of(x, y) - 1;
    }

    private static void requireTwoSamples(double[] x, double[] y, int minTotal) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        if (x.length + y.length < minTotal) {
            throw new IllegalArgumentException("needs at least " + minTotal + " values in all; got "
                + x.length + " and " + y.length);
        }
    }

    private static double[] differences(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    private static double standardised(double difference, double sd) {
        if (sd == 0) {
            return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / sd;
    }
}
