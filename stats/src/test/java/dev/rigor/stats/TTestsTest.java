package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TTestsTest {

    @Test
    void identicalPairsAreDegenerateWithPOne() {
        double[] x = {1, 2, 3};
        TestResult r = TTests.paired(x, x, 0.95);
        assertThat(r.nullDistribution()).isEqualTo(NullDistribution.DEGENERATE);
        assertThat(r.pValue()).isEqualTo(1);
        assertThat(r.statistic()).isZero();
        assertThat(r.difference().orElseThrow().width()).isZero();
    }

    @Test
    void aConstantNonZeroDifferenceIsDegenerateWithPZero() {
        TestResult r = TTests.paired(new double[] {2, 3, 4}, new double[] {1, 2, 3}, 0.95);
        assertThat(r.nullDistribution()).isEqualTo(NullDistribution.DEGENERATE);
        assertThat(r.pValue()).isZero();
        assertThat(r.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.difference().orElseThrow().estimate()).isEqualTo(1);
    }

    @Test
    void constantGroupsAreDegenerateForWelchAndStudent() {
        double[] a = {5, 5, 5};
        double[] b = {4, 4};
        assertThat(TTests.welch(a, b, 0.95).pValue()).isZero();
        assertThat(TTests.student(a, a, 0.95).pValue()).isEqualTo(1);
    }

    @Test
    void smallestValidSamples() {
        assertThat(TTests.paired(new double[] {1, 3}, new double[] {0, 1}, 0.95).degreesOfFreedom().orElseThrow())
            .isEqualTo(1);
        assertThat(TTests.student(new double[] {1, 2}, new double[] {2, 4}, 0.95).degreesOfFreedom().orElseThrow())
            .isEqualTo(2);
        assertThatThrownBy(() -> TTests.paired(new double[] {1}, new double[] {2}, 0.95))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x needs at least 2 values; got 1");
        assertThatThrownBy(() -> TTests.welch(new double[] {1, 2}, new double[] {2}, 0.95))
            .hasMessageContaining("y needs at least 2 values");
        assertThatThrownBy(() -> TTests.student(new double[] {1}, new double[] {2, 3}, 0.95))
            .hasMessageContaining("x needs at least 2 values");
    }

    @Test
    void theIntervalAgreesWithTheTest() {
        double[] x = {5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3};
        double[] y = {4.1, 4.5, 3.9, 5.0, 4.4};
        TestResult r = TTests.welch(x, y, 0.95);
        assertThat(r.rejects(0.05)).isEqualTo(r.difference().orElseThrow().excludes(0));
        assertThat(r.method()).isEqualTo(TestMethod.WELCH_T);
        assertThat(r.nullDistribution()).isEqualTo(NullDistribution.STUDENT_T);
    }
}
