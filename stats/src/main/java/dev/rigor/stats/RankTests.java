package dev.rigor.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Two-sided rank tests with R's {@code wilcox.test} conventions, computed by Commons Statistics
 * {@link WilcoxonSignedRankTest} and {@link MannWhitneyUTest}:
 * <ul>
 * <li>exact p-value when there are fewer than 50 observations (non-zero differences for the signed-rank
 *     test; each sample for Mann-Whitney) and no ties; otherwise the normal approximation with tie
 *     correction and continuity correction;</li>
 * <li>the signed-rank test drops zero differences before ranking (Wilcoxon's method, as R; Commons
 *     alone would keep them in the ranking, Pratt's method).</li>
 * </ul>
 * When nothing varies (every difference zero, or all values identical) the result is
 * {@link NullDistribution#DEGENERATE} with p = 1, where R stops or returns NA.
 */
public final class RankTests {
    /** R's and Commons' limit for the exact distribution. */
    private static final int EXACT_LIMIT = 50;

    private RankTests() {
    }

    /**
     * Wilcoxon signed-rank test of the paired differences {@code x - y} against 0. The statistic is V,
     * the sum of the ranks of the positive differences (R's V).
     *
     * @param x first member of each pair, at least one
     * @param y second member of each pair, same length
     * @return the test (no degrees of freedom, no interval)
     */
    public static TestResult wilcoxonSignedRank(double[] x, double[] y) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        Require.sameLength(x, y);
        double[] nonZero = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            if (d != 0) {
                nonZero[n++] = d;
            }
        }
        if (n == 0) {
            return rankResult(TestMethod.WILCOXON_SIGNED_RANK, 0, 1, NullDistribution.DEGENERATE);
        }
        double[] d = Arrays.copyOf(nonZero, n);
        double[] magnitudes = new double[n];
        for (int i = 0; i < n; i++) {
            magnitudes[i] = Math.abs(d[i]);
        }
        NullDistribution distribution = n < EXACT_LIMIT && !hasTies(magnitudes)
            ? NullDistribution.EXACT : NullDistribution.NORMAL_APPROXIMATION;
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().with(method(distribution)).test(d);
        return rankResult(TestMethod.WILCOXON_SIGNED_RANK, r.getStatistic(), r.getPValue(), distribution);
    }

    /**
     * Mann-Whitney U test (Wilcoxon rank-sum) of two independent samples. The statistic is U of
     * {@code x}: the number of pairs with {@code x > y}, ties counted ½ (R's W).
     *
     * @param x first sample, at least one value
     * @param y second sample, at least one value
     * @return the test (no degrees of freedom, no interval)
     */
    public static TestResult mannWhitneyU(double[] x, double[] y) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        Arrays.sort(pooled);
        if (pooled[0] == pooled[pooled.length - 1]) {
            return rankResult(TestMethod.MANN_WHITNEY_U, x.length * (double) y.length / 2, 1,
                NullDistribution.DEGENERATE);
        }
        NullDistribution distribution = x.length < EXACT_LIMIT && y.length < EXACT_LIMIT && !hasTiesSorted(pooled)
            ? NullDistribution.EXACT : NullDistribution.NORMAL_APPROXIMATION;
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().with(method(distribution)).test(x, y);
        return rankResult(TestMethod.MANN_WHITNEY_U, r.getStatistic(), r.getPValue(), distribution);
    }

    private static PValueMethod method(NullDistribution distribution) {
        return distribution == NullDistribution.EXACT ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
    }

    private static boolean hasTies(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return hasTiesSorted(sorted);
    }

    private static boolean hasTiesSorted(double[] sorted) {
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static TestResult rankResult(TestMethod method, double statistic, double p, NullDistribution distribution) {
        return new TestResult(method, statistic, Math.min(1, p), OptionalDouble.empty(), Optional.empty(), distribution);
    }
}
