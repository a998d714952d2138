package dev.rigor.stats;

/**
 * The package's single rule for spread relative to a mean, {@code spread / |mean|}: 0 when the
 * spread is 0 (no variation, even around a zero mean) and +&infin; when only the mean is 0.
 */
final class RelativeSpread {
    private RelativeSpread() {
    }

    static double of(double spread, double mean) {
        if (spread == 0) {
            return 0;
        }
        return mean == 0 ? Double.POSITIVE_INFINITY : spread / Math.abs(mean);
    }
}
