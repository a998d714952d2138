package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.statistics.distribution.TDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Properties of AS 243; R's values are in extra-cases.json (kind nct_cdf). */
class NoncentralTDistributionTest {

    @Test
    void withZeroNoncentralityItIsTheCentralT() {
        for (double df : new double[] {1, 2.5, 9, 30, 300}) {
            for (double t : new double[] {-4, -1.3, -0.2, 0, 0.7, 2.1, 6}) {
                assertThat(NoncentralTDistribution.of(df, 0).cumulativeProbability(t))
                    .as("df %s, t %s", df, t)
                    .isCloseTo(TDistribution.of(df).cumulativeProbability(t), Offset.offset(1e-12));
            }
        }
    }

    @Test
    void reflectsAroundZero() {
        NoncentralTDistribution plus = NoncentralTDistribution.of(7, 1.4);
        NoncentralTDistribution minus = NoncentralTDistribution.of(7, -1.4);
        for (double t : new double[] {-3, -0.5, 0.5, 2, 5}) {
            assertThat(plus.cumulativeProbability(t)).isCloseTo(minus.survivalProbability(-t), Offset.offset(1e-12));
        }
    }

    @Test
    void isMonotoneWithCorrectLimits() {
        NoncentralTDistribution d = NoncentralTDistribution.of(12, 2.5);
        double previous = 0;
        for (double t = -10; t <= 20; t += 0.25) {
            double p = d.cumulativeProbability(t);
            assertThat(p).isGreaterThanOrEqualTo(previous - 1e-15);
            previous = p;
        }
        assertThat(d.cumulativeProbability(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(d.cumulativeProbability(Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    @Test
    void largeNoncentralityUsesTheNormalApproximation() {
        // ncp = 45 is beyond where AS 243's Poisson weights underflow; the result must still be sensible.
        NoncentralTDistribution d = NoncentralTDistribution.of(1000, 45);
        assertThat(d.cumulativeProbability(45)).isBetween(0.4, 0.6);
        assertThat(d.cumulativeProbability(35)).isLessThan(1e-6);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> NoncentralTDistribution.of(0, 1)).hasMessageContaining("degreesOfFreedom must be");
        assertThatThrownBy(() -> NoncentralTDistribution.of(3, Double.NaN)).hasMessageContaining("noncentrality");
    }
}
