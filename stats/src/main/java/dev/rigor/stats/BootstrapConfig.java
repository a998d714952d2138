package dev.rigor.stats;

/**
 * How to bootstrap: number of resamples, confidence level and the seed that makes the result
 * reproducible (same data, statistic and config ⇒ identical intervals).
 *
 * @param resamples number of bootstrap resamples, at least 2; 10,000 by default (Efron &amp; Tibshirani
 *        recommend at least 1,000-2,000 for BCa endpoints)
 * @param confidence two-sided confidence level in (0, 1); 0.95 by default
 * @param seed seed of the random stream
 */
public record BootstrapConfig(int resamples, double confidence, long seed) {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public BootstrapConfig {
        Require.atLeast(resamples, 2, "resamples");
        Require.confidence(confidence);
    }

    /** 10,000 resamples at 95% with the given seed. */
    public static BootstrapConfig seeded(long seed) {
        return new BootstrapConfig(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
    }

    /** This config with another number of resamples. */
    public BootstrapConfig withResamples(int newResamples) {
        return new BootstrapConfig(newResamples, confidence, seed);
    }

    /** This config with another confidence level. */
    public BootstrapConfig withConfidence(double newConfidence) {
        return new BootstrapConfig(resamples, newConfidence, seed);
    }

    /** This config with another seed. */
    public BootstrapConfig withSeed(long newSeed) {
        return new BootstrapConfig(resamples, confidence, newSeed);
    }
}
