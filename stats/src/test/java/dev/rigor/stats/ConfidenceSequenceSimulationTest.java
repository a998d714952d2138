package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * What adaptive replication relies on, by seeded simulation (deterministic): a look after every batch
 * of 5 seeds, from 5 to 60 seeds, α = 5%, 4,000 data sets per figure (binomial standard error 0.34% at
 * 5%). The figures are printed and quoted in docs/STATISTICS.md ("Adaptive replication").
 */
class ConfidenceSequenceSimulationTest {
    private static final int DATA_SETS = 4_000;
    private static final int MIN = 5;
    private static final int BATCH = 5;
    private static final int MAX = 60;
    private static final double ALPHA = 0.05;
    private static final ConfidenceSequence LAI = ConfidenceSequence.gaussianT(ALPHA, MIN);

    /** Anytime coverage: the mean lies in the interval at every look, in ≥ 95% of data sets. */
    @Test
    void theIntervalsHoldTheMeanAtEveryLook() {
        NormalData data = new NormalData(1801);
        int missed = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            double[] x = data.sample(MAX, 3, 2);
            for (int n = MIN; n <= MAX; n += BATCH) {
                if (LAI.interval(Arrays.copyOf(x, n)).excludes(3)) {
                    missed++;
                    break;
                }
            }
        }
        double coverage = 1 - (double) missed / DATA_SETS;
        report("anytime coverage, Gaussian t mixture", coverage);
        assertThat(coverage).isGreaterThanOrEqualTo(1 - ALPHA);
    }

    /**
     * Under no difference (paired seeds with a shared seed effect), stopping at the first look whose
     * interval of the paired difference excludes 0 decides "better" or "worse" in ≤ α of experiments;
     * a fixed-n paired t test looked at the same way does so far more often.
     */
    @Test
    void lookingAfterEveryBatchKeepsFalseDecisionsAtAlphaWhileNaivePeekingInflatesThem() {
        NormalData data = new NormalData(1802);
        int sequential = 0;
        int naive = 0;
        int fixedAtMax = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            double[][] pairs = data.pairs(MAX, 3, 1, 0);
            boolean decided = false;
            boolean peeked = false;
            for (int n = MIN; n <= MAX; n += BATCH) {
                double[] a = Arrays.copyOf(pairs[0], n);
                double[] b = Arrays.copyOf(pairs[1], n);
                decided |= LAI.pairedDifference(a, b).excludes(0);
                peeked |= TTests.paired(a, b, 0.95).rejects(ALPHA);
            }
            fixedAtMax += TTests.paired(pairs[0], pairs[1], 0.95).rejects(ALPHA) ? 1 : 0;
            sequential += decided ? 1 : 0;
            naive += peeked ? 1 : 0;
        }
        double rate = (double) sequential / DATA_SETS;
        double naiveRate = (double) naive / DATA_SETS;
        report("false decisions, confidence sequence, 12 looks", rate);
        report("false decisions, paired t test at each of 12 looks", naiveRate);
        report("false decisions, paired t test once at n = 60", (double) fixedAtMax / DATA_SETS);
        assertThat(rate).isLessThanOrEqualTo(ALPHA);
        assertThat(naiveRate).as("naive peeking is inflated well above alpha").isGreaterThan(0.15);
        assertThat((double) fixedAtMax / DATA_SETS).as("the t test looked at once holds its level").isBetween(0.04, 0.06);
    }

    /** Why adaptive replication does not use the asymptotic sequence: with few seeds it misses too often. */
    @Test
    void theAsymptoticSequenceUnderCoversWithFewSeeds() {
        NormalData data = new NormalData(1803);
        ConfidenceSequence asymptotic = ConfidenceSequence.asymptotic(ALPHA, MIN);
        int missed = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            double[] x = data.sample(MAX, 0, 1);
            for (int n = MIN; n <= MAX; n += BATCH) {
                if (asymptotic.interval(Arrays.copyOf(x, n)).excludes(0)) {
                    missed++;
                    break;
                }
            }
        }
        double coverage = 1 - (double) missed / DATA_SETS;
        report("anytime coverage, asymptotic (Waudby-Smith et al.) from n = 5", coverage);
        assertThat(coverage).isLessThan(1 - ALPHA).isGreaterThan(0.9);
    }

    /**
     * With a true effect δ (in units of the paired differences' SD), seeds used until the interval
     * excludes 0 (or 60), against the fixed-n paired t design with the same power. Large effects stop
     * early and save seeds; small ones cost more than a fixed design that knew δ in advance.
     */
    @Test
    void withATrueEffectTheSeedsUsedAgainstAFixedDesignOfTheSamePower() {
        Savings medium = savings(0.5, 1804);
        Savings large = savings(0.8, 1805);
        Savings huge = savings(1.2, 1806);
        assertThat(medium.power()).isGreaterThan(0.6);
        assertThat(large.meanSeeds()).as("delta 0.8 saves seeds").isLessThan(large.fixedN());
        assertThat(huge.meanSeeds()).as("delta 1.2 saves seeds").isLessThan(huge.fixedN() * 0.7);
        assertThat(medium.meanSeeds()).as("delta 0.5 costs more than a design that knew delta").isGreaterThan(medium.fixedN());
    }

    private record Savings(double power, double meanSeeds, int fixedN) {
    }

    private static Savings savings(double delta, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        NormalData data = new NormalData(rng.nextLong());
        int decided = 0;
        long seeds = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            double[] d = data.sample(MAX, delta, 1);
            int n = MIN;
            while (true) {
                ConfidenceInterval ci = LAI.interval(Arrays.copyOf(d, n));
                if (ci.lower() > 0) {
                    decided++;
                    break;
                }
                if (n >= MAX) {
                    break;
                }
                n += BATCH;
            }
            seeds += n;
        }
        double power = (double) decided / DATA_SETS;
        int fixedN = TTestPower.sampleSize(TTestDesign.PAIRED, delta, 1, ALPHA, Math.min(power, 0.999)).wholeN();
        double mean = (double) seeds / DATA_SETS;
        System.out.printf(Locale.ROOT, "delta %.1f: power %.3f, mean seeds %.1f, fixed-n paired t of the same power %d (ratio %.2f)%n",
            delta, power, mean, fixedN, mean / fixedN);
        return new Savings(power, mean, fixedN);
    }

    private static void report(String what, double value) {
        System.out.printf(Locale.ROOT, "%s: %.4f%n", what, value);
    }
}
