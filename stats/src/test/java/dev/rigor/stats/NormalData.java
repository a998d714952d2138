package dev.rigor.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded normal data for the simulation tests. */
final class NormalData {
    private final NormalizedGaussianSampler gaussian;

    NormalData(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    double[] sample(int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * gaussian.sample();
        }
        return x;
    }

    /** {@code pairs[0]} and {@code pairs[1]}: a shared subject effect plus independent noise, shifted by delta. */
    double[][] pairs(int n, double subjectSd, double noiseSd, double delta) {
        double[][] pairs = new double[2][n];
        for (int i = 0; i < n; i++) {
            double subject = 10 + subjectSd * gaussian.sample();
            pairs[0][i] = subject + delta + noiseSd * gaussian.sample();
            pairs[1][i] = subject + noiseSd * gaussian.sample();
        }
        return pairs;
    }
}
