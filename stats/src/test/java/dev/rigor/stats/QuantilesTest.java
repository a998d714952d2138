package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void interpolatesLinearlyBetweenOrderStatistics() {
        // p95 and p99 differ: seed 004's tool reported p95 = p99 because it did not interpolate.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] q = Quantiles.type7(x, 0.95, 0.99);
        assertThat(q[0]).isCloseTo(9.55, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(q[1]).isCloseTo(9.91, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void singleValueIsEveryQuantile() {
        assertThat(Quantiles.type7(new double[] {3}, 0, 0.5, 1)).containsOnly(3);
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Quantiles.type7(new double[] {1, 2}, 1.5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p must be in [0, 1]");
    }

    @Test
    void doesNotReorderItsInput() {
        double[] x = {5, 1, 4, 2};
        Quantiles.type7(x, 0.5);
        assertThat(x).containsExactly(5, 1, 4, 2);
    }
}
