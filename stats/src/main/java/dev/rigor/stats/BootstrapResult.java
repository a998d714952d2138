package dev.rigor.stats;

import java.util.Objects;

/**
 * A bootstrap estimate with its percentile, basic and BCa intervals (all at the same confidence).
 *
 * @param estimate the statistic on the original data
 * @param standardError standard deviation of the replicates (divisor B - 1)
 * @param bias mean of the replicates minus the estimate
 * @param biasCorrection BCa's {@code z0 = Phi^-1(proportion of replicates below the estimate, ties
 *        counted as half)}
 * @param acceleration BCa's {@code a}, from the jackknife ({@link JackknifeAcceleration})
 * @param resamples number of replicates B
 * @param percentile the percentile interval
 * @param basic the basic (reverse percentile) interval
 * @param bca the bias-corrected and accelerated interval
 */
public record BootstrapResult(double estimate, double standardError, double bias, double biasCorrection,
                              double acceleration, int resamples, ConfidenceInterval percentile,
                              ConfidenceInterval basic, ConfidenceInterval bca) {

    public BootstrapResult {
        Objects.requireNonNull(percentile, "percentile");
        Objects.requireNonNull(basic, "basic");
        Objects.requireNonNull(bca, "bca");
        Require.atLeast(resamples, 2, "resamples");
        if (Double.isNaN(estimate) || Double.isNaN(standardError) || Double.isNaN(biasCorrection)
            || Double.isNaN(acceleration)) {
            throw new IllegalArgumentException("bootstrap result must not contain NaN");
        }
    }

    /** The interval computed by {@code method}. */
    public ConfidenceInterval interval(IntervalMethod method) {
        return switch (method) {
            case PERCENTILE -> percentile;
            case BASIC -> basic;
            case BCA -> bca;
        };
    }

    /** The confidence level shared by the three intervals. */
    public double confidence() {
        return percentile.confidence();
    }
}
