package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oneValueHasUndefinedSpreadAndEverythingElseIsThatValue() {
        Summary s = Summary.of(new double[] {4.2});
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(4.2);
        assertThat(s.standardDeviation()).isNaN();
        assertThat(s.standardError()).isNaN();
        assertThat(s.coefficientOfVariation()).isNaN();
        assertThat(new double[] {s.min(), s.q1(), s.median(), s.q3(), s.max(), s.interquartileMean()})
            .containsOnly(4.2);
    }

    @Test
    void twoValues() {
        Summary s = Summary.of(new double[] {1, 3});
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.q1()).isEqualTo(1.5);
        assertThat(s.median()).isEqualTo(2);
        assertThat(s.q3()).isEqualTo(2.5);
        assertThat(s.interquartileMean()).isEqualTo(2);
    }

    @Test
    void constantDataHasZeroSpreadAndZeroCv() {
        Summary s = Summary.of(new double[] {7, 7, 7, 7});
        assertThat(s.standardDeviation()).isZero();
        assertThat(s.standardError()).isZero();
        assertThat(s.coefficientOfVariation()).isZero();
        assertThat(s.interquartileMean()).isEqualTo(7);
    }

    @Test
    void zeroMeanWithSpreadHasInfiniteCv() {
        assertThat(Summary.of(new double[] {-1, 1}).coefficientOfVariation()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void rejectsNaNInfinityAndEmptyInput() {
        assertThatThrownBy(() -> Summary.of(new double[] {1, Double.NaN}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[1] is NaN");
        assertThatThrownBy(() -> Summary.of(new double[] {Double.POSITIVE_INFINITY}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Summary.of(new double[0]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 value");
    }

    @Test
    void doesNotReorderItsInput() {
        double[] x = {3, 1, 2};
        Summary.of(x);
        assertThat(x).containsExactly(3, 1, 2);
    }

    @Test
    void compactConstructorRejectsUnorderedQuantiles() {
        assertThatThrownBy(() -> new Summary(3, 1, 1, 1, 5, 1, 2, 3, 4, 1, 2))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordered");
    }
}
