package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Simulated rejection rates match {@link TTestPower} (seeded, 4,000 data sets each; binomial standard
 * error at most 0.8%, so the 3% allowance is about 4 standard errors). Power counts rejections on the side
 * of the true effect ({@link RejectionRegion#EFFECT_SIDE}), so a simulated rejection must have that sign.
 */
class PowerSimulationTest {
    private static final int DATA_SETS = 4_000;

    @Test
    void twoSamplePowerMatchesSimulation() {
        double computed = TTestPower.power(TTestDesign.TWO_SAMPLE, 20, 0.5, 1, 0.05).power();
        NormalData data = new NormalData(31);
        int rejections = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            TestResult r = TTests.student(data.sample(20, 0.5, 1), data.sample(20, 0, 1), 0.95);
            rejections += r.rejects(0.05) && r.statistic() > 0 ? 1 : 0;
        }
        assertThat((double) rejections / DATA_SETS).isCloseTo(computed, org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void pairedPowerMatchesSimulation() {
        // Differences have sd sqrt(2) * 1: the power analysis takes the sd of the differences, not an SE.
        double sdOfDifferences = Math.sqrt(2);
        double computed = TTestPower.power(TTestDesign.PAIRED, 12, 0.9, sdOfDifferences, 0.05).power();
        NormalData data = new NormalData(32);
        int rejections = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            double[][] pairs = data.pairs(12, 3, 1, 0.9);
            TestResult r = TTests.paired(pairs[0], pairs[1], 0.95);
            rejections += r.rejects(0.05) && r.statistic() > 0 ? 1 : 0;
        }
        assertThat(computed).isBetween(0.4, 0.8);
        assertThat((double) rejections / DATA_SETS).isCloseTo(computed, org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void sampleSizeForEightyPercentPowerDeliversEightyPercent() {
        TTestPower plan = TTestPower.sampleSize(TTestDesign.TWO_SAMPLE, 0.8, 1, 0.05, 0.8);
        int n = plan.wholeN();
        NormalData data = new NormalData(33);
        int rejections = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            TestResult r = TTests.student(data.sample(n, 0.8, 1), data.sample(n, 0, 1), 0.95);
            rejections += r.rejects(0.05) && r.statistic() > 0 ? 1 : 0;
        }
        double atWholeN = TTestPower.power(TTestDesign.TWO_SAMPLE, n, 0.8, 1, 0.05).power();
        assertThat(atWholeN).isBetween(0.8, 0.85);
        assertThat((double) rejections / DATA_SETS).isCloseTo(atWholeN, org.assertj.core.data.Offset.offset(0.03));
    }
}
