package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TTestPowerTest {

    @Test
    void sampleSizeAndPowerAreInverses() {
        TTestPower plan = TTestPower.sampleSize(TTestDesign.PAIRED, 0.6, 1.5, 0.05, 0.9);
        assertThat(TTestPower.power(TTestDesign.PAIRED, plan.n(), 0.6, 1.5, 0.05).power())
            .isCloseTo(0.9, Offset.offset(1e-9));
        assertThat(plan.wholeN()).isEqualTo((int) Math.ceil(plan.n()));
        TTestPower mde = TTestPower.detectableEffect(TTestDesign.PAIRED, plan.n(), 1.5, 0.05, 0.9);
        assertThat(mde.delta()).isCloseTo(0.6, Offset.offset(1e-8));
    }

    @Test
    void powerGrowsWithNAndEffectAndCountingBothSidesAddsALittle() {
        double small = TTestPower.power(TTestDesign.TWO_SAMPLE, 10, 0.5, 1, 0.05).power();
        double larger = TTestPower.power(TTestDesign.TWO_SAMPLE, 40, 0.5, 1, 0.05).power();
        double bigger = TTestPower.power(TTestDesign.TWO_SAMPLE, 10, 1.0, 1, 0.05).power();
        double both = TTestPower.power(TTestDesign.TWO_SAMPLE, 10, 0.5, 1, 0.05, RejectionRegion.BOTH_SIDES).power();
        assertThat(larger).isGreaterThan(small);
        assertThat(bigger).isGreaterThan(small);
        assertThat(both).isGreaterThan(small).isLessThan(small + 0.01);
        assertThat(TTestPower.power(TTestDesign.PAIRED, 10, -0.5, 1, 0.05).power())
            .isEqualTo(TTestPower.power(TTestDesign.PAIRED, 10, 0.5, 1, 0.05).power());
    }

    @Test
    void theSdIsOfOneObservationNotAStandardError() {
        // With sd = 1 and delta = 1, n ≈ 17 per group for 80% (Cohen's d = 1); using the SE of the
        // difference (sqrt(2/17) ≈ 0.34) as sd would wrongly give n ≈ 3.
        assertThat(TTestPower.sampleSize(TTestDesign.TWO_SAMPLE, 1, 1, 0.05, 0.8).wholeN()).isEqualTo(17);
    }

    @Test
    void hugeEffectsNeedOnlyTwoAndTinyOnesAreRefused() {
        assertThat(TTestPower.sampleSize(TTestDesign.PAIRED, 50, 1, 0.05, 0.8).n()).isEqualTo(2);
        assertThatThrownBy(() -> TTestPower.sampleSize(TTestDesign.PAIRED, 1e-6, 1, 0.05, 0.8))
            .hasMessageContaining("too small");
        assertThatThrownBy(() -> TTestPower.sampleSize(TTestDesign.PAIRED, 0, 1, 0.05, 0.8))
            .hasMessageContaining("delta must be non-zero");
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> TTestPower.power(TTestDesign.PAIRED, 1, 1, 1, 0.05)).hasMessageContaining("n must be");
        assertThatThrownBy(() -> TTestPower.power(TTestDesign.PAIRED, 10, 1, 0, 0.05)).hasMessageContaining("sd must be");
        assertThatThrownBy(() -> TTestPower.power(TTestDesign.PAIRED, 10, 1, 1, 1.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> TTestPower.sampleSize(TTestDesign.PAIRED, 1, 1, 0.05, 0.01))
            .hasMessageContaining("power must be in (alpha/2, 1)");
    }
}
