package dev.rigor.stats;

import java.util.Arrays;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.ranking.NaturalRanking;

/**
 * The Hodges–Lehmann shift estimate with its distribution-free confidence interval: the interval that
 * inverts the Wilcoxon test, so that it excludes 0 exactly when {@link RankTests} rejects at
 * {@code 1 - confidence}. Computed as R's {@code wilcox.test(conf.int = TRUE)} (R 4.2, stats package):
 * <ul>
 * <li><b>exact</b> (fewer than 50 non-zero differences, resp. values per sample, and no ties, as
 *     {@link RankTests}): the estimate is the median of the Walsh averages (paired) or of all pairwise
 *     differences (two samples), the bounds their order statistics at the quantiles of the signed-rank
 *     (Wilcoxon) distribution (Hollander &amp; Wolfe 1999, §3.3 and §4.3). When the requested level is not
 *     achievable with so few values, the interval is the widest one (as R) and its confidence is the
 *     achieved one (R relabels only when it misses by more than alpha/2);</li>
 * <li><b>normal approximation</b> otherwise: the shifts where the tie- and continuity-corrected z statistic
 *     crosses the normal quantiles, found by Brent's root finding with R's {@code uniroot} tolerance (1e-4).
 *     The estimate is the shift where the uncorrected z statistic is 0; with ties it is 0 on a whole range
 *     of shifts, of which R returns the point its search meets first and this the midpoint.</li>
 * </ul>
 * All differences zero (or all values equal) give a zero-width interval at 0, where R stops.
 */
public final class HodgesLehmann {
    private static final int EXACT_LIMIT = 50;
    private static final double R_FUZZ = 10 * Math.ulp(1.0);
    /** R's {@code uniroot(tol = 1e-4)}: Brent's zeroin stopping at {@code 2 eps |b| + tol / 2}, so the search takes R's path. */
    private static final BrentSolver SOLVER = new BrentSolver(Math.ulp(1.0), 0.5e-4, 0);

    private HodgesLehmann() {
    }

    /**
     * The (pseudo)median of the paired differences {@code x - y} with its interval, as R's
     * {@code wilcox.test(x, y, paired = TRUE, conf.int = TRUE)}.
     *
     * @param x first member of each pair, at least 2 pairs
     * @param y second member of each pair, same length
     * @param confidence requested level, e.g. 0.95
     * @return estimate and interval; its confidence is the achieved one when the requested level is not achievable
     */
    public static ConfidenceInterval paired(double[] x, double[] y, double confidence) {
        Require.finite(x, "x", 2);
        Require.finite(y, "y", 2);
        Require.sameLength(x, y);
        Require.confidence(confidence);
        double[] d = Arrays.stream(differences(x, y)).filter(v -> v != 0).toArray();
        if (d.length == 0) {
            return ConfidenceInterval.point(0, confidence);
        }
        int n = d.length;
        if (n < EXACT_LIMIT && !hasTies(abs(d))) {
            double[] walsh = new double[n * (n + 1) / 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    walsh[k++] = (d[i] + d[j]) / 2;
                }
            }
            Arrays.sort(walsh);
            return exact(walsh, signedRankCumulative(n), confidence);
        }
        double lo = Arrays.stream(d).min().orElseThrow();
        double hi = Arrays.stream(d).max().orElseThrow();
        if (lo == hi) {
            return ConfidenceInterval.point(lo, confidence);
        }
        return approximate(shift -> signedRankZ(d, shift, true), shift -> signedRankZ(d, shift, false), lo, hi, confidence);
    }

    /**
     * The shift of {@code x} relative to {@code y} (the median of all differences {@code x_i - y_j}) with
     * its interval, as R's {@code wilcox.test(x, y, conf.int = TRUE)}.
     *
     * @param x first sample, at least one value
     * @param y second sample, at least one value
     * @param confidence requested level, e.g. 0.95
     * @return estimate and interval; its confidence is the achieved one when the requested level is not achievable
     */
    public static ConfidenceInterval twoSample(double[] x, double[] y, double confidence) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        Require.confidence(confidence);
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        if (xs.length < EXACT_LIMIT && ys.length < EXACT_LIMIT && !hasTies(pooled)) {
            double[] diffs = new double[x.length * y.length];
            int k = 0;
            for (double a : x) {
                for (double b : y) {
                    diffs[k++] = a - b;
                }
            }
            Arrays.sort(diffs);
            return exact(diffs, rankSumCumulative(x.length, y.length), confidence);
        }
        double lo = xs[0] - ys[ys.length - 1];
        double hi = xs[xs.length - 1] - ys[0];
        if (Arrays.stream(pooled).distinct().count() == 1) {
            return ConfidenceInterval.point(0, confidence);
        }
        return approximate(shift -> rankSumZ(x, y, shift, true), shift -> rankSumZ(x, y, shift, false), lo, hi, confidence);
    }

    /** Order statistics {@code sorted[qu]}, {@code sorted[N - qu + 1]} (1-based) at the exact null distribution. */
    private static ConfidenceInterval exact(double[] sorted, double[] cumulative, double confidence) {
        double alpha = 1 - confidence;
        int total = sorted.length;
        int qu = quantile(cumulative, alpha / 2);
        if (qu == 0) {
            qu = 1;
        }
        int ql = total - qu;
        double achievedAlpha = 2 * cumulative[qu - 1];
        // R keeps the requested label unless the achieved level misses it by more than alpha/2; the label here is
        // always the achieved level when it is lower, so that "the interval excludes 0" and "the test rejects at
        // 1 - confidence" never disagree.
        double level = achievedAlpha > alpha * (1 + 1e-9) ? 1 - achievedAlpha : confidence;
        double lower = sorted[qu - 1];
        double upper = sorted[ql];
        return new ConfidenceInterval(median(sorted), lower, upper, Math.max(level, Math.ulp(1.0)));
    }

    /** R's {@code qsignrank}/{@code qwilcox}: the smallest q with P(S &le; q) &ge; p (less R's fuzz). */
    private static int quantile(double[] cumulative, double p) {
        double target = p - R_FUZZ;
        for (int q = 0; q < cumulative.length; q++) {
            if (cumulative[q] >= target) {
                return q;
            }
        }
        return cumulative.length - 1;
    }

    private static ConfidenceInterval approximate(java.util.function.DoubleUnaryOperator corrected,
                                                  java.util.function.DoubleUnaryOperator plain, double lo, double hi,
                                                  double confidence) {
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        double lower = root(corrected, z, lo, hi);
        double upper = root(corrected, -z, lo, hi);
        // With ties the uncorrected statistic is 0 on a whole range of shifts, where R's uniroot returns whichever point
        // its search meets first; the midpoint of that range is the same estimate made reproducible.
        double estimate = (root(plain, 1e-9, lo, hi) + root(plain, -1e-9, lo, hi)) / 2;
        return new ConfidenceInterval(estimate, Math.min(lower, upper), Math.max(lower, upper), confidence);
    }

    /** Where the (decreasing, stepwise) z statistic of the shift crosses {@code zq}; R's {@code root}. */
    private static double root(java.util.function.DoubleUnaryOperator z, double zq, double lo, double hi) {
        double fLower = z.applyAsDouble(lo) - zq;
        double fUpper = z.applyAsDouble(hi) - zq;
        if (fLower <= 0) {
            return lo;
        }
        if (fUpper >= 0) {
            return hi;
        }
        return SOLVER.findRoot(s -> z.applyAsDouble(s) - zq, lo, hi);
    }

    /** The signed-rank z statistic of {@code d - shift}, zeros dropped, tie-corrected, optionally continuity-corrected. */
    private static double signedRankZ(double[] d, double shift, boolean continuity) {
        double[] xd = Arrays.stream(d).map(v -> v - shift).filter(v -> v != 0).toArray();
        int n = xd.length;
        if (n == 0) {
            return 0;
        }
        double[] ranks = new NaturalRanking().apply(abs(xd));
        double positive = 0;
        for (int i = 0; i < n; i++) {
            if (xd[i] > 0) {
                positive += ranks[i];
            }
        }
        double z = positive - n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieSum(ranks) / 48);
        if (sigma == 0) {
            return 0;
        }
        return (z - (continuity ? Math.signum(z) * 0.5 : 0)) / sigma;
    }

    /** The rank-sum z statistic of {@code x - shift} against {@code y}, tie-corrected, optionally continuity-corrected. */
    private static double rankSumZ(double[] x, double[] y, double shift, boolean continuity) {
        int nx = x.length;
        int ny = y.length;
        double[] pooled = new double[nx + ny];
        for (int i = 0; i < nx; i++) {
            pooled[i] = x[i] - shift;
        }
        System.arraycopy(y, 0, pooled, nx, ny);
        double[] ranks = new NaturalRanking().apply(pooled);
        double sum = 0;
        for (int i = 0; i < nx; i++) {
            sum += ranks[i];
        }
        double z = sum - nx * (nx + 1) / 2.0 - nx * (double) ny / 2;
        int total = nx + ny;
        double sigma = Math.sqrt(nx * (double) ny / 12 * ((total + 1) - tieSum(ranks) / (total * (total - 1.0))));
        if (sigma == 0) {
            return 0;
        }
        return (z - (continuity ? Math.signum(z) * 0.5 : 0)) / sigma;
    }

    /** {@code sum(t^3 - t)} over the tie groups of the ranks. */
    private static double tieSum(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /** P(V &le; v) of the signed-rank statistic with n values, v = 0..n(n+1)/2 (counts are exact in doubles for n &lt; 50). */
    static double[] signedRankCumulative(int n) {
        int max = n * (n + 1) / 2;
        double[] counts = new double[max + 1];
        counts[0] = 1;
        for (int k = 1; k <= n; k++) {
            for (int s = Math.min(max, k * (k + 1) / 2); s >= k; s--) {
                counts[s] += counts[s - k];
            }
        }
        return cumulative(counts, Math.pow(2, n));
    }

    /** P(U &le; u) of the Mann–Whitney statistic for sample sizes m and n, u = 0..mn. */
    static double[] rankSumCumulative(int m, int n) {
        // w(i, j, k) = w(i - 1, j, k - j) + w(i, j - 1, k): rows of i, each an array per j.
        double[][] previous = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            previous[j] = new double[] {1};
        }
        for (int i = 1; i <= m; i++) {
            double[][] current = new double[n + 1][];
            current[0] = new double[] {1};
            for (int j = 1; j <= n; j++) {
                double[] w = new double[i * j + 1];
                double[] left = current[j - 1];
                double[] up = previous[j];
                for (int k = 0; k <= i * j; k++) {
                    double a = k - j >= 0 && k - j < up.length ? up[k - j] : 0;
                    double b = k < left.length ? left[k] : 0;
                    w[k] = a + b;
                }
                current[j] = w;
            }
            previous = current;
        }
        double[] counts = previous[n];
        double total = Arrays.stream(counts).sum();
        return cumulative(counts, total);
    }

    private static double[] cumulative(double[] counts, double total) {
        double[] out = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
            out[i] = sum / total;
        }
        return out;
    }

    private static double[] differences(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    private static double[] abs(double[] v) {
        return Arrays.stream(v).map(Math::abs).toArray();
    }

    private static boolean hasTies(double[] values) {
        return Arrays.stream(values).distinct().count() != values.length;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
