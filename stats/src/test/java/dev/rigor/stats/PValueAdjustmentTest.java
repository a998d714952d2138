package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PValueAdjustmentTest {

    @Test
    void aSingleTestIsUnchanged() {
        for (PValueAdjustment a : PValueAdjustment.values()) {
            assertThat(a.adjust(new double[] {0.03})).containsExactly(0.03);
        }
    }

    @Test
    void adjustedValuesNeverDecreaseAndAreCappedAtOne() {
        double[] p = {0.9, 0.2, 0.04, 0.5};
        for (PValueAdjustment a : PValueAdjustment.values()) {
            double[] adjusted = a.adjust(p);
            for (int i = 0; i < p.length; i++) {
                assertThat(adjusted[i]).isBetween(p[i], 1.0);
            }
        }
        assertThat(PValueAdjustment.HOLM.adjust(p)[0]).isEqualTo(1);
    }

    @Test
    void rejectsValuesOutsideTheUnitIntervalAndEmptyFamilies() {
        assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust(new double[] {0.1, 1.2}))
            .hasMessageContaining("every p-value must be in [0, 1]");
        assertThatThrownBy(() -> PValueAdjustment.BENJAMINI_HOCHBERG.adjust(new double[0]))
            .hasMessageContaining("at least 1 value");
    }
}
