package dev.rigor.stats;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two-sided t tests with the confidence interval of the difference, as R's {@code t.test}. Statistic,
 * degrees of freedom and p-value come from Commons Statistics {@link TTest}; the interval is
 * {@code estimate ± t_{df, (1+c)/2} · SE}.
 *
 * <p>Zero variance (constant data or constant differences) has no t statistic. Where R stops with
 * "data are essentially constant" (standard error below {@code 10 · eps · |mean|}, R's own threshold),
 * these return {@link NullDistribution#DEGENERATE} instead:
 * t = 0 and p = 1 if the observed difference is 0, t = ±&infin; and p = 0 otherwise, and a zero-width
 * interval at the difference.
 */
public final class TTests {
    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);
    private static final TTest STUDENT = TTest.withDefaults().with(DataDispersion.HOMOSCEDASTIC);

    private TTests() {
    }

    /**
     * One-sample t test of {@code mean(x) = mu}.
     *
     * @param x finite values, at least 2
     * @param mu hypothesised mean
     * @param confidence level of the interval of {@code mean(x) - mu}, e.g. 0.95
     * @return the test
     */
    public static TestResult oneSample(double[] x, double mu, double confidence) {
        Require.finite(x, "x", 2);
        Require.finite(mu, "mu");
        Require.confidence(confidence);
        return location(TestMethod.ONE_SAMPLE_T, x, mu, confidence);
    }

    /**
     * Paired t test: the one-sample t test of the differences {@code x - y} against 0.
     *
     * @param x first member of each pair, at least 2 pairs
     * @param y second member of each pair, same length
     * @param confidence level of the interval of {@code mean(x - y)}
     * @return the test
     */
    public static TestResult paired(double[] x, double[] y, double confidence) {
        Require.finite(x, "x", 2);
        Require.finite(y, "y", 2);
        Require.sameLength(x, y);
        Require.confidence(confidence);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return location(TestMethod.PAIRED_T, d, 0, confidence);
    }

    /**
     * Welch's t test (unequal variances; Welch 1947, Satterthwaite 1946 degrees of freedom).
     *
     * @param x first sample, at least 2 values
     * @param y second sample, at least 2 values
     * @param confidence level of the interval of {@code mean(x) - mean(y)}
     * @return the test
     */
    public static TestResult welch(double[] x, double[] y, double confidence) {
        Require.finite(x, "x", 2);
        Require.finite(y, "y", 2);
        Require.confidence(confidence);
        Moments mx = Moments.of(x);
        Moments my = Moments.of(y);
        double se = Math.sqrt(mx.variance() / x.length + my.variance() / y.length);
        double difference = mx.mean() - my.mean();
        if (essentiallyConstant(se, Math.max(Math.abs(mx.mean()), Math.abs(my.mean())))) {
            return degenerate(TestMethod.WELCH_T, difference, x.length + y.length - 2.0, confidence);
        }
        TTest.Result r = WELCH.test(x, y);
        return withInterval(TestMethod.WELCH_T, r, difference, se, confidence);
    }

    /**
     * Student's two-sample t test with pooled variance.
     *
     * @param x first sample, at least 2 values (as Commons Statistics requires)
     * @param y second sample, at least 2 values
     * @param confidence level of the interval of {@code mean(x) - mean(y)}
     * @return the test
     */
    public static TestResult student(double[] x, double[] y, double confidence) {
        Require.finite(x, "x", 2);
        Require.finite(y, "y", 2);
        Require.confidence(confidence);
        Moments mx = Moments.of(x);
        Moments my = Moments.of(y);
        double df = x.length + y.length - 2.0;
        double pooled = ((x.length - 1) * mx.variance() + (y.length - 1) * my.variance()) / df;
        double se = Math.sqrt(pooled * (1.0 / x.length + 1.0 / y.length));
        double difference = mx.mean() - my.mean();
        if (essentiallyConstant(se, Math.max(Math.abs(mx.mean()), Math.abs(my.mean())))) {
            return degenerate(TestMethod.STUDENT_T, difference, df, confidence);
        }
        TTest.Result r = STUDENT.test(x, y);
        return withInterval(TestMethod.STUDENT_T, r, difference, se, confidence);
    }

    private static TestResult location(TestMethod method, double[] x, double mu, double confidence) {
        Moments m = Moments.of(x);
        double se = Math.sqrt(m.variance() / x.length);
        double difference = m.mean() - mu;
        if (essentiallyConstant(se, Math.abs(m.mean()))) {
            return degenerate(method, difference, x.length - 1.0, confidence);
        }
        TTest.Result r = TTest.withDefaults().withMu(mu).test(x);
        return withInterval(method, r, difference, se, confidence);
    }

    private static TestResult withInterval(TestMethod method, TTest.Result r, double difference, double se,
                                           double confidence) {
        double df = r.getDegreesOfFreedom();
        double q = TDistribution.of(df).inverseSurvivalProbability((1 - confidence) / 2);
        ConfidenceInterval ci = new ConfidenceInterval(difference, difference - q * se, difference + q * se, confidence);
        return new TestResult(method, r.getStatistic(), r.getPValue(), OptionalDouble.of(df), Optional.of(ci),
            NullDistribution.STUDENT_T);
    }

    /** R's {@code t.test} test for "data are essentially constant". */
    private static boolean essentiallyConstant(double se, double scale) {
        return se <= 10 * Math.ulp(1.0) * scale;
    }

    private static TestResult degenerate(TestMethod method, double difference, double df, double confidence) {
        double t = difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        return new TestResult(method, t, difference == 0 ? 1 : 0, OptionalDouble.of(df),
            Optional.of(ConfidenceInterval.point(difference, confidence)), NullDistribution.DEGENERATE);
    }
}
