package dev.rigor.stats;

/**
 * How to compute a {@link VarianceCurve}.
 *
 * @param subsamples bootstrap subsamples drawn at each n, at least 100 (default 2,000)
 * @param bandLower lower quantile of the band across subsamples, below 0.5 (default 0.10)
 * @param bandUpper upper quantile of the band across subsamples, above 0.5 (default 0.90)
 * @param confidence level of the t-based CI whose half-width is reported (default 0.95)
 * @param seed seed of the random stream
 */
public record VarianceVsNConfig(int subsamples, double bandLower, double bandUpper, double confidence, long seed) {
    /** Default number of subsamples per n. */
    public static final int DEFAULT_SUBSAMPLES = 2_000;

    public VarianceVsNConfig {
        Require.atLeast(subsamples, 100, "subsamples");
        Require.probability(bandLower, "bandLower");
        Require.probability(bandUpper, "bandUpper");
        if (!(bandLower < 0.5 && bandUpper > 0.5)) {
            throw new IllegalArgumentException("the band must surround the median: bandLower < 0.5 < bandUpper; got "
                + bandLower + " and " + bandUpper);
        }
        Require.confidence(confidence);
    }

    /** 2,000 subsamples, a 10th-90th percentile band, 95% CIs, with the given seed. */
    public static VarianceVsNConfig seeded(long seed) {
        return new VarianceVsNConfig(DEFAULT_SUBSAMPLES, 0.10, 0.90, 0.95, seed);
    }
}
