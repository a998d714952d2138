package dev.rigor.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Turns bootstrap replicates into percentile, basic and BCa intervals.
 *
 * <p>BCa follows Efron (1987) / Efron &amp; Tibshirani (1993) eq. 14.9-14.10: {@code z0 = Phi^-1(p0)} with
 * {@code p0 = (#{t* < t} + #{t* = t} / 2) / B} (as SciPy), where a replicate "equals" the estimate within
 * {@code 1e-10 · max(SE, |t|)} so that floating-point summation order cannot change z0; the endpoints are the replicate quantiles at
 * {@code Phi(z0 + (z0 + z_q) / (1 - a (z0 + z_q)))} for {@code z_q} at {@code (1 - c)/2} and
 * {@code (1 + c)/2}. Quantiles of the replicates are type 7 (as NumPy's, used by SciPy).
 *
 * <p>Degenerate cases, defined rather than NaN: when every replicate equals the estimate (constant data)
 * {@code p0 = 1/2}, {@code a = 0} and all three intervals collapse to the point. When the estimate lies
 * outside every replicate, {@code p0} is clamped to {@code [1/(2B), 1 - 1/(2B)]} (the interval then sits
 * at the extreme replicates; SciPy returns NaN there). When {@code 1 - a (z0 + z_q) <= 0} the adjusted
 * level is taken as its limit, 0 or 1.
 */
final class BootstrapIntervals {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** Relative tolerance (of max(SE, |estimate|)) under which a replicate ties with the estimate. */
    private static final double TIE_TOLERANCE = 1e-10;

    private BootstrapIntervals() {
    }

    /**
     * Summarises {@code replicates}, which this method reorders.
     *
     * @throws ArithmeticException if a replicate is NaN (the statistic is undefined on some resample)
     */
    static BootstrapResult summarize(double estimate, double[] replicates, double acceleration, double confidence) {
        int b = replicates.length;
        double sum = 0;
        for (double r : replicates) {
            if (Double.isNaN(r)) {
                throw new ArithmeticException("the statistic is NaN on some resample (e.g. a ratio whose"
                    + " denominator resamples to 0); it has no bootstrap distribution on these data");
            }
            sum += r;
        }
        double mean = sum / b;
        double squares = 0;
        for (double r : replicates) {
            squares += (r - mean) * (r - mean);
        }
        double standardError = Double.isFinite(mean) ? Math.sqrt(squares / (b - 1)) : Double.POSITIVE_INFINITY;

        // Ties: replicates that equal the estimate up to floating-point noise (summation order must not
        // decide z0, e.g. a resample that permutes the data); the tolerance is negligible next to the SE.
        double tieTolerance = TIE_TOLERANCE * Math.max(Double.isFinite(standardError) ? standardError : 0,
            Math.abs(estimate));
        int below = 0;
        int equal = 0;
        for (double r : replicates) {
            if (Math.abs(r - estimate) <= tieTolerance) {
                equal++;
            } else if (r < estimate) {
                below++;
            }
        }
        double p0 = (below + 0.5 * equal) / b;
        p0 = Math.min(Math.max(p0, 0.5 / b), 1 - 0.5 / b);
        double z0 = STANDARD_NORMAL.inverseCumulativeProbability(p0);
        double alpha = 1 - confidence;
        double low = alpha / 2;
        double high = 1 - alpha / 2;
        double[] q = Quantiles.type7InPlace(replicates, low, high,
            adjustedLevel(z0, acceleration, low), adjustedLevel(z0, acceleration, high));

        return new BootstrapResult(estimate, standardError, mean - estimate, z0, acceleration, b,
            new ConfidenceInterval(estimate, q[0], q[1], confidence),
            new ConfidenceInterval(estimate, 2 * estimate - q[1], 2 * estimate - q[0], confidence),
            new ConfidenceInterval(estimate, q[2], q[3], confidence));
    }

    /** BCa's adjusted quantile level for the nominal level {@code level}. */
    private static double adjustedLevel(double z0, double a, double level) {
        double w = z0 + STANDARD_NORMAL.inverseCumulativeProbability(level);
        double denominator = 1 - a * w;
        if (denominator <= 0) {
            return w > 0 ? 1 : 0;
        }
        return STANDARD_NORMAL.cumulativeProbability(z0 + w / denominator);
    }
}
