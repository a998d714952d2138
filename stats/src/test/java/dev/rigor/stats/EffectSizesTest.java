package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EffectSizesTest {
    private static final double[] X = {5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3};
    private static final double[] Y = {4.1, 4.5, 3.9, 5.0, 4.4};

    @Test
    void zeroVarianceGivesZeroOrInfiniteEffects() {
        double[] c = {2, 2, 2};
        assertThat(EffectSizes.cohensD(c, c)).isZero();
        assertThat(EffectSizes.cohensD(new double[] {3, 3}, c)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(EffectSizes.cohensDz(c, new double[] {3, 3, 3})).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(EffectSizes.rankBiserialPaired(c, c)).isZero();
    }

    @Test
    void hedgesGShrinksCohensDTowardZero() {
        double d = EffectSizes.cohensD(X, Y);
        double g = EffectSizes.hedgesG(X, Y);
        assertThat(g).isLessThan(d).isGreaterThan(0.85 * d);
        assertThat(EffectSizes.hedgesG(Y, X)).isCloseTo(-g, Offset.offset(1e-12));
    }

    @Test
    void rankBiserialIsTwicePoiMinusOneAndAntisymmetric() {
        double poi = ProbabilityOfImprovement.of(X, Y);
        assertThat(EffectSizes.rankBiserial(X, Y)).isCloseTo(2 * poi - 1, Offset.offset(1e-15));
        assertThat(EffectSizes.rankBiserial(Y, X)).isCloseTo(-EffectSizes.rankBiserial(X, Y), Offset.offset(1e-15));
        assertThat(EffectSizes.rankBiserialPaired(new double[] {3, 4, 5}, new double[] {1, 1, 1})).isEqualTo(1);
    }

    @Test
    void probabilityOfImprovementFollowsTheGoal() {
        double[] low = {1, 2, 3};
        double[] high = {4, 5, 6};
        assertThat(ProbabilityOfImprovement.of(high, low, Goal.MAXIMIZE)).isEqualTo(1);
        assertThat(ProbabilityOfImprovement.of(high, low, Goal.MINIMIZE)).isZero();
        assertThat(ProbabilityOfImprovement.of(low, low)).isEqualTo(0.5);
    }

    @Test
    void rejectsTooFewValues() {
        assertThatThrownBy(() -> EffectSizes.cohensD(new double[] {1}, new double[] {2}))
            .hasMessageContaining("at least 3 values in all");
        assertThatThrownBy(() -> EffectSizes.hedgesG(new double[] {1, 2}, new double[] {2}))
            .hasMessageContaining("at least 4 values in all");
        assertThatThrownBy(() -> EffectSizes.cohensDz(new double[] {1}, new double[] {2}))
            .hasMessageContaining("at least 2 values");
    }
}
