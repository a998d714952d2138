package dev.rigor.stats;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * <p>A zero-width interval ({@code lower == upper}) is legal: it is what constant data produce.
 * Bounds may be infinite (e.g. a ratio whose denominator can be zero) but never NaN. The estimate
 * is not required to lie inside the interval: basic and BCa bootstrap intervals may, rarely, exclude it.
 *
 * @param estimate the point estimate
 * @param lower the lower bound
 * @param upper the upper bound, {@code >= lower}
 * @param confidence the nominal coverage, in (0, 1)
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double confidence) {

    public ConfidenceInterval {
        if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("confidence interval values must not be NaN; got estimate "
                + estimate + ", [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
        }
        Require.confidence(confidence);
    }

    /** A zero-width interval at {@code value}: the interval of constant data. */
    public static ConfidenceInterval point(double value, double confidence) {
        return new ConfidenceInterval(value, value, value, confidence);
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** Half the width: the "±" of a symmetric interval. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** Whether {@code value} lies outside the closed interval, e.g. "the CI of B - A excludes 0". */
    public boolean excludes(double value) {
        return !contains(value);
    }
}
