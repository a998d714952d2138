package dev.rigor.stats;

/**
 * Precision of the mean of n runs, from bootstrap subsamples of size n (see {@link VarianceVsN}).
 * All values are relative to |mean of all data|.
 *
 * @param n subsample size
 * @param cvOfMean sd of the subsample means / |mean|: the CV of a mean of n runs
 * @param cvLower lower band of the per-subsample estimate {@code (sd_s / sqrt(n)) / |mean|}
 * @param cvUpper upper band of the same
 * @param relativeHalfWidth median over subsamples of the t-based CI half-width
 *        {@code t_{n-1} sd_s / sqrt(n) / |mean|}
 * @param halfWidthLower lower band of the relative half-width
 * @param halfWidthUpper upper band of the relative half-width
 */
public record VariancePoint(int n, double cvOfMean, double cvLower, double cvUpper, double relativeHalfWidth,
                            double halfWidthLower, double halfWidthUpper) {

    public VariancePoint {
        Require.atLeast(n, 2, "n");
        if (!(cvLower <= cvUpper) || !(halfWidthLower <= relativeHalfWidth && relativeHalfWidth <= halfWidthUpper)) {
            throw new IllegalArgumentException("bands must be ordered: cv [" + cvLower + ", " + cvUpper
                + "], half-width " + halfWidthLower + " <= " + relativeHalfWidth + " <= " + halfWidthUpper);
        }
        if (!(cvOfMean >= 0)) {
            throw new IllegalArgumentException("cvOfMean must be >= 0; got " + cvOfMean);
        }
    }

    /** The value of {@code measure} at {@code bound}. */
    public double value(VarianceMeasure measure, CurveBound bound) {
        return switch (measure) {
            case CV_OF_MEAN -> bound == CurveBound.CENTRAL ? cvOfMean : cvUpper;
            case RELATIVE_HALF_WIDTH -> bound == CurveBound.CENTRAL ? relativeHalfWidth : halfWidthUpper;
        };
    }
}
