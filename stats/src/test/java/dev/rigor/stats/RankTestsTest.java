package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankTestsTest {

    @Test
    void allZeroDifferencesAreDegenerate() {
        double[] x = {1, 2, 3};
        TestResult r = RankTests.wilcoxonSignedRank(x, x);
        assertThat(r.nullDistribution()).isEqualTo(NullDistribution.DEGENERATE);
        assertThat(r.pValue()).isEqualTo(1);
        assertThat(r.degreesOfFreedom()).isEmpty();
        assertThat(r.difference()).isEmpty();
    }

    @Test
    void allIdenticalValuesAreDegenerate() {
        TestResult r = RankTests.mannWhitneyU(new double[] {2, 2}, new double[] {2, 2, 2});
        assertThat(r.nullDistribution()).isEqualTo(NullDistribution.DEGENERATE);
        assertThat(r.pValue()).isEqualTo(1);
        assertThat(r.statistic()).isEqualTo(3);
    }

    @Test
    void exactWithoutTiesAndNormalApproximationWithTiesOrZeros() {
        double[] x = {1.1, 2.3, 3.9, 4.2};
        double[] y = {0.2, 0.4, 0.1, 0.5};
        assertThat(RankTests.wilcoxonSignedRank(x, y).nullDistribution()).isEqualTo(NullDistribution.EXACT);
        assertThat(RankTests.mannWhitneyU(x, y).nullDistribution()).isEqualTo(NullDistribution.EXACT);
        double[] withTie = {1, 2, 3, 4};
        double[] shifted = {0, 1, 2, 4};
        assertThat(RankTests.wilcoxonSignedRank(withTie, shifted).nullDistribution())
            .isEqualTo(NullDistribution.NORMAL_APPROXIMATION);
        assertThat(RankTests.mannWhitneyU(withTie, shifted).nullDistribution())
            .isEqualTo(NullDistribution.NORMAL_APPROXIMATION);
    }

    @Test
    void singleObservations() {
        TestResult w = RankTests.wilcoxonSignedRank(new double[] {2}, new double[] {1});
        assertThat(w.statistic()).isEqualTo(1);
        assertThat(w.pValue()).isEqualTo(1);
        TestResult u = RankTests.mannWhitneyU(new double[] {2}, new double[] {1});
        assertThat(u.statistic()).isEqualTo(1);
        assertThat(u.pValue()).isEqualTo(1);
    }
}
