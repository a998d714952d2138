package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WilsonScoreIntervalTest {

    @Test
    void staysInsideTheUnitIntervalAtTheExtremes() {
        ConfidenceInterval none = WilsonScoreInterval.of(0, 10, 0.95);
        ConfidenceInterval all = WilsonScoreInterval.of(10, 10, 0.95);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isBetween(0.0, 1.0);
        assertThat(all.upper()).isEqualTo(1);
        assertThat(all.lower()).isBetween(0.0, 1.0);
        assertThat(none.estimate()).isZero();
        assertThat(all.estimate()).isEqualTo(1);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> WilsonScoreInterval.of(5, 4, 0.95)).hasMessageContaining("successes must be in [0, trials=4]");
        assertThatThrownBy(() -> WilsonScoreInterval.of(0, 0, 0.95)).hasMessageContaining("trials must be at least 1");
        assertThatThrownBy(() -> WilsonScoreInterval.of(1, 2, 1.0)).hasMessageContaining("confidence must be in (0, 1)");
    }
}
