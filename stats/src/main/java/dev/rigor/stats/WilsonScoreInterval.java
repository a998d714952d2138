package dev.rigor.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wilson score interval for a binomial proportion: Wilson (1927), "Probable inference, the law of
 * succession, and statistical inference", JASA 22:209-212. Equals R's
 * {@code prop.test(k, n, correct = FALSE)$conf.int}; recommended over the Wald interval by Brown, Cai &amp;
 * DasGupta (2001) because it stays inside [0, 1] and keeps its coverage near 0 and 1.
 */
public final class WilsonScoreInterval {
    private WilsonScoreInterval() {
    }

    /**
     * The interval for a success rate of {@code successes} out of {@code trials}.
     *
     * @param successes number of successes, 0..trials
     * @param trials number of trials, at least 1
     * @param confidence e.g. 0.95
     * @return estimate {@code successes / trials} with its Wilson interval
     */
    public static ConfidenceInterval of(long successes, long trials, double confidence) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1; got " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, trials=" + trials + "]; got " + successes);
        }
        Require.confidence(confidence);
        double n = trials;
        double p = successes / n;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = successes == 0 ? 0 : Math.max(0, center - half);
        double upper = successes == trials ? 1 : Math.min(1, center + half);
        return new ConfidenceInterval(p, lower, upper, confidence);
    }
}
