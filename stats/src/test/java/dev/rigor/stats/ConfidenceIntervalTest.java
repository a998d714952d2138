package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    @Test
    void validatesBoundsAndLevel() {
        assertThatThrownBy(() -> new ConfidenceInterval(0, 2, 1, 0.95)).hasMessageContaining("exceeds upper bound");
        assertThatThrownBy(() -> new ConfidenceInterval(Double.NaN, 0, 1, 0.95)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ConfidenceInterval(0, 0, 1, 0)).hasMessageContaining("confidence");
    }

    @Test
    void pointIntervalContainsOnlyItsValue() {
        ConfidenceInterval p = ConfidenceInterval.point(3, 0.9);
        assertThat(p.width()).isZero();
        assertThat(p.contains(3)).isTrue();
        assertThat(p.excludes(3.0000001)).isTrue();
    }
}
