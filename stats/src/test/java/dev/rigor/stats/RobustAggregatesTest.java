package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Behaviour; rliable reference values (NumPy/SciPy) are in extra-cases.json (kinds rliable*). */
class RobustAggregatesTest {
    private static final ScoreMatrix A = new ScoreMatrix(new double[][] {
        {0.61, 1.20, 0.31, 0.90}, {0.55, 1.05, 0.22, 0.80}, {0.72, 0.98, 0.40, 1.10},
        {0.48, 1.31, 0.35, 0.95}, {0.66, 1.12, 0.18, 0.70}});
    private static final ScoreMatrix B = new ScoreMatrix(new double[][] {
        {0.51, 1.00, 0.30, 0.85}, {0.45, 0.95, 0.25, 0.75}, {0.60, 1.02, 0.33, 0.90}});
    private static final BootstrapConfig CONFIG = BootstrapConfig.seeded(5).withResamples(2_000);

    @Test
    void bootstrappedAggregatesEstimateThePointValue() {
        for (ScoreAggregate aggregate : new ScoreAggregate[] {ScoreAggregate.iqm(), ScoreAggregate.mean(),
            ScoreAggregate.median(), ScoreAggregate.optimalityGap()}) {
            BootstrapResult r = RobustAggregates.estimate(A, aggregate, CONFIG);
            assertThat(r.estimate()).isEqualTo(aggregate.of(A));
            assertThat(r.percentile().contains(r.estimate())).isTrue();
            assertThat(r).isEqualTo(RobustAggregates.estimate(A, aggregate, CONFIG));
        }
    }

    @Test
    void probabilityOfImprovementOfAMatrixOverItselfIsOneHalf() {
        BootstrapResult self = RobustAggregates.probabilityOfImprovement(A, A, CONFIG);
        assertThat(self.estimate()).isEqualTo(0.5);
        BootstrapResult better = RobustAggregates.probabilityOfImprovement(A, B, CONFIG);
        assertThat(better.estimate()).isGreaterThan(0.5);
        assertThat(better.percentile().lower()).isGreaterThanOrEqualTo(0).isLessThan(better.estimate());
    }

    @Test
    void performanceProfileIsNonIncreasingWithBandsAroundIt() {
        double[] taus = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5};
        PerformanceProfile p = RobustAggregates.performanceProfile(A, taus, CONFIG);
        double[] f = p.fractions();
        assertThat(f[0]).isEqualTo(1);
        assertThat(f[f.length - 1]).isZero();
        for (int i = 1; i < f.length; i++) {
            assertThat(f[i]).isLessThanOrEqualTo(f[i - 1]);
            assertThat(p.lower()[i]).isLessThanOrEqualTo(f[i]);
            assertThat(p.upper()[i]).isGreaterThanOrEqualTo(f[i]);
        }
    }

    @Test
    void rejectsMismatchedOrRaggedScores() {
        ScoreMatrix twoTasks = new ScoreMatrix(new double[][] {{1, 2}});
        assertThatThrownBy(() -> RobustAggregates.probabilityOfImprovement(A, twoTasks, CONFIG))
            .hasMessageContaining("same tasks");
        assertThatThrownBy(() -> new ScoreMatrix(new double[][] {{1, 2}, {3}})).hasMessageContaining("rectangular");
        assertThatThrownBy(() -> RobustAggregates.performanceProfile(A, new double[] {1, 0.5}, CONFIG))
            .hasMessageContaining("ascending");
    }

    @Test
    void aSingleRunPerTaskHasNoBootstrapSpread() {
        ScoreMatrix one = new ScoreMatrix(new double[][] {{0.2, 0.9, 1.4}});
        BootstrapResult r = RobustAggregates.estimate(one, ScoreAggregate.iqm(), CONFIG);
        assertThat(r.bca().width()).isZero();
    }
}
