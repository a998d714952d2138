package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hodges–Lehmann estimates and intervals against R 4.2.2 Patched (2022-11-10 r83330),
 * {@code wilcox.test(..., conf.int = TRUE)}; the R commands are quoted per case. Exact cases agree to
 * 1e-12; normal-approximation cases to 2e-4, because R's {@code uniroot} stops at tolerance 1e-4.
 */
class HodgesLehmannTest {

    /** Darwin's Zea mays (Fisher 1935; R's and SciPy's docs): crossed vs self-fertilised heights of 15 pairs. */
    static final double[] CROSS = {23.5, 12, 21, 22, 19.125, 21.5, 22.125, 20.375, 18.25, 21.625, 23.25, 21, 22.125, 23, 12};
    static final double[] SELF = {17.375, 20.375, 20, 20, 18.375, 18.625, 18.625, 15.25, 16.5, 18, 16.25, 18, 12.75, 15.5, 18};
    static final double[] SLEEP_G1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_G2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    static final double[] TIES_X = {10, 12, 15, 11, 9, 14, 13, 12, 16, 10, 11, 15};
    static final double[] TIES_Y = {8, 12, 13, 11, 10, 11, 12, 9, 13, 10, 9, 12};
    static final double[] MW_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    static final double[] MW_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

    @Test
    void darwinPairedExactMatchesR() {
        // wilcox.test(cross, self, paired=TRUE, conf.int=TRUE): V = 96, p = 0.041259765625, (pseudo)median 3.125, CI [0.5, 5.1875]
        ConfidenceInterval ci = HodgesLehmann.paired(CROSS, SELF, 0.95);
        assertThat(ci.estimate()).isCloseTo(3.125, within(1e-12));
        assertThat(ci.lower()).isCloseTo(0.5, within(1e-12));
        assertThat(ci.upper()).isCloseTo(5.1875, within(1e-12));
        assertThat(ci.confidence()).isEqualTo(0.95);
        assertThat(RankTests.wilcoxonSignedRank(CROSS, SELF).pValue()).isCloseTo(0.041259765625, within(1e-12));
    }

    @Test
    void twoSampleExactMatchesR() {
        // wilcox.test(mw_x, mw_y, conf.int=TRUE): W = 35, difference in location 0.305, CI [-0.15, 0.76]
        ConfidenceInterval ci = HodgesLehmann.twoSample(MW_X, MW_Y, 0.95);
        assertThat(ci.estimate()).isCloseTo(0.305, within(1e-12));
        assertThat(ci.lower()).isCloseTo(-0.15, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.76, within(1e-12));
    }

    @Test
    void pairedWithTiesAndZerosFollowsTheNormalApproximationAsR() {
        // wilcox.test(sleep_g2, sleep_g1, paired=TRUE, conf.int=TRUE): 1.40002084226989 [1.05001799066454, 2.94992079954078]
        ConfidenceInterval sleep = HodgesLehmann.paired(SLEEP_G2, SLEEP_G1, 0.95);
        assertThat(sleep.estimate()).isCloseTo(1.40002084226989, within(2e-4));
        assertThat(sleep.lower()).isCloseTo(1.05001799066454, within(2e-4));
        assertThat(sleep.upper()).isCloseTo(2.94992079954078, within(2e-4));
        // wilcox.test(ties_x, ties_y, paired=TRUE, conf.int=TRUE): 2.0000153946414887 [1.0000684864920102, 2.9999292344999837]
        ConfidenceInterval ties = HodgesLehmann.paired(TIES_X, TIES_Y, 0.95);
        assertThat(ties.estimate()).isCloseTo(2.0000153946414887, within(2e-4));
        assertThat(ties.lower()).isCloseTo(1.0000684864920102, within(2e-4));
        assertThat(ties.upper()).isCloseTo(2.9999292344999837, within(2e-4));
    }

    @Test
    void twoSampleWithTiesFollowsTheNormalApproximationAsR() {
        // wilcox.test(sleep_g2, sleep_g1, conf.int=TRUE): 1.3453225356704 [-0.0999734878270, 3.5999348477693]
        ConfidenceInterval sleep = HodgesLehmann.twoSample(SLEEP_G2, SLEEP_G1, 0.95);
        // With ties the uncorrected statistic is 0 for every shift in [1.3, 1.4) (R: wdiff(1.3, 0) = 0.113, wdiff(1.4, 0)
        // = -0.038, 0 between); R returns the point uniroot meets, this the midpoint: both are the estimate.
        assertThat(sleep.estimate()).isCloseTo(1.35, within(2e-4));
        assertThat(sleep.lower()).isCloseTo(-0.0999734878270, within(2e-4));
        assertThat(sleep.upper()).isCloseTo(3.5999348477693, within(2e-4));
        // wilcox.test(ties_x, ties_y, conf.int=TRUE): 1.00001259457080 [-2.13308104361511e-05, 3.00004843095127]
        ConfidenceInterval ties = HodgesLehmann.twoSample(TIES_X, TIES_Y, 0.95);
        assertThat(ties.estimate()).isCloseTo(1.00001259457080, within(2e-4));
        assertThat(ties.lower()).isCloseTo(-2.13308104361511e-05, within(2e-4));
        assertThat(ties.upper()).isCloseTo(3.00004843095127, within(2e-4));
    }

    @Test
    void anUnachievableLevelGivesTheWidestIntervalAtItsAchievedConfidence() {
        // wilcox.test(c(1.1,2.3,0.4,3.3), c(0.2,0.1,0.5,0.3), paired=TRUE, conf.int=TRUE): 1.5 [-0.1, 3], conf.level 0.88 (= 1 - 2/16, signif 2)
        ConfidenceInterval ci = HodgesLehmann.paired(new double[] {1.1, 2.3, 0.4, 3.3}, new double[] {0.2, 0.1, 0.5, 0.3}, 0.95);
        assertThat(ci.estimate()).isCloseTo(1.5, within(1e-12));
        assertThat(ci.lower()).isCloseTo(-0.1, within(1e-12));
        assertThat(ci.upper()).isCloseTo(3.0, within(1e-12));
        assertThat(ci.confidence()).isEqualTo(0.875);
    }

    @Test
    void exactNullDistributionsSumToOneAndMatchKnownTails() {
        double[] v = HodgesLehmann.signedRankCumulative(15);
        assertThat(v[v.length - 1]).isEqualTo(1.0);
        // psignrank(24, 15) = 0.0206298828125 (R)
        assertThat(v[24]).isCloseTo(0.0206298828125, within(1e-15));
        double[] u = HodgesLehmann.rankSumCumulative(10, 5);
        assertThat(u[u.length - 1]).isCloseTo(1.0, within(1e-15));
        // pwilcox(10, 10, 5) = 0.0376290376290376 (R)
        assertThat(u[10]).isCloseTo(0.0376290376290376, within(1e-13));
    }

    /** The interval inverts the test: it excludes 0 exactly when the Wilcoxon test rejects at 1 - confidence. */
    @Test
    void intervalExcludesZeroExactlyWhenTheTestRejects() {
        SplittableRandom random = new SplittableRandom(11);
        int rejected = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 5 + random.nextInt(25);
            double shift = random.nextDouble() * 1.5;
            boolean rounded = trial % 3 == 0;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = value(random, shift, rounded);
                y[i] = value(random, 0, rounded);
            }
            boolean paired = trial % 2 == 0;
            TestResult test = paired ? RankTests.wilcoxonSignedRank(x, y) : RankTests.mannWhitneyU(x, y);
            ConfidenceInterval ci = paired ? HodgesLehmann.paired(x, y, 0.95) : HodgesLehmann.twoSample(x, y, 0.95);
            if (ci.confidence() < 0.95 || test.nullDistribution() == NullDistribution.DEGENERATE) {
                continue;
            }
            assertThat(ci.excludes(0)).as("trial %d (n %d, paired %s): p %s, CI %s", trial, n, paired, test.pValue(), ci)
                .isEqualTo(test.rejects(0.05));
            rejected += test.rejects(0.05) ? 1 : 0;
        }
        assertThat(rejected).as("the property is checked on both sides of the verdict").isBetween(50, 350);
    }

    private static double value(SplittableRandom random, double shift, boolean rounded) {
        double g = shift + gaussian(random);
        return rounded ? Math.round(g * 2) / 2.0 : g;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
