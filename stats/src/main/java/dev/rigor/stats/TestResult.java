package dev.rigor.stats;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of a two-sided hypothesis test.
 *
 * @param method which test
 * @param statistic the test statistic: t for t tests, V (sum of positive ranks) for the signed-rank
 *        test, U of x (R's W) for Mann-Whitney
 * @param pValue two-sided p-value in [0, 1]
 * @param degreesOfFreedom degrees of freedom, for t tests only
 * @param difference the estimated location difference ({@code mean(x - y)}, {@code mean(x) - mean(y)}
 *        or {@code mean(x) - mu}) with its t-based confidence interval, for t tests only
 * @param nullDistribution where the p-value came from
 */
public record TestResult(TestMethod method, double statistic, double pValue, OptionalDouble degreesOfFreedom,
                         Optional<ConfidenceInterval> difference, NullDistribution nullDistribution) {

    public TestResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(nullDistribution, "nullDistribution");
        if (Double.isNaN(statistic)) {
            throw new IllegalArgumentException("statistic must not be NaN");
        }
        Require.probability(pValue, "pValue");
    }

    /** Whether the p-value is below {@code alpha}. */
    public boolean rejects(double alpha) {
        return pValue < alpha;
    }
}
