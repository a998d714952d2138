package dev.rigor.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The package's only source of randomness: Commons RNG {@link RandomSource#XO_RO_SHI_RO_128_PP}
 * (xoroshiro128++, Blackman &amp; Vigna 2019) created from a caller-given seed, so a seed always means
 * the same stream. Commons RNG expands the long seed with SplitMix64.
 */
final class SeededRandom {
    private SeededRandom() {
    }

    static UniformRandomProvider create(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }
}
