package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class VarianceVsNTest {
    private static final double[] RUNS = new NormalData(41).sample(15, 100, 8);

    @Test
    void isReproducibleForASeed() {
        VarianceVsNConfig config = VarianceVsNConfig.seeded(3);
        assertThat(VarianceVsN.compute(RUNS, config)).isEqualTo(VarianceVsN.compute(RUNS, config));
        assertThat(VarianceVsN.compute(RUNS, VarianceVsNConfig.seeded(4))).isNotEqualTo(VarianceVsN.compute(RUNS, config));
    }

    @Test
    void cvOfTheMeanFollowsTheBootstrapTheory() {
        // Resampling with replacement: sd of the mean of n draws = s * sqrt((N - 1) / N) / sqrt(n).
        VarianceCurve curve = VarianceVsN.compute(RUNS, 30, new VarianceVsNConfig(4_000, 0.1, 0.9, 0.95, 5));
        Summary s = Summary.of(RUNS);
        double plugInSd = s.standardDeviation() * Math.sqrt((RUNS.length - 1.0) / RUNS.length);
        assertThat(curve.points()).hasSize(29);
        for (VariancePoint p : curve.points()) {
            double expected = plugInSd / Math.sqrt(p.n()) / Math.abs(s.mean());
            assertThat(p.cvOfMean()).as("n = %d", p.n()).isCloseTo(expected, Percentage.withPercentage(6));
            assertThat(p.cvLower()).isLessThan(p.cvUpper());
            assertThat(p.halfWidthLower()).isLessThan(p.halfWidthUpper());
        }
        assertThat(curve.points().get(0).relativeHalfWidth()).isGreaterThan(curve.points().get(28).relativeHalfWidth());
    }

    @Test
    void minimumNIsWhereTheCurveStaysUnderNotWhereItFirstDips() {
        VarianceCurve curve = new VarianceCurve(10, 8, List.of(
            point(2, 0.30), point(3, 0.04), point(4, 0.06), point(5, 0.045), point(6, 0.05), point(7, 0.03)));
        assertThat(curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.CENTRAL, 0.05)).isEqualTo(OptionalInt.of(5));
        assertThat(curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.CENTRAL, 0.02)).isEmpty();
        assertThat(curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.CENTRAL, 0.5)).isEqualTo(OptionalInt.of(2));
        assertThat(curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.UPPER, 0.05)).isEqualTo(OptionalInt.of(7));
    }

    @Test
    void constantRunsNeedOnlyTwo() {
        VarianceCurve curve = VarianceVsN.compute(new double[] {4, 4, 4, 4}, VarianceVsNConfig.seeded(1));
        assertThat(curve.points()).allMatch(p -> p.cvOfMean() == 0 && p.halfWidthUpper() == 0);
        assertThat(curve.minimumN(VarianceMeasure.RELATIVE_HALF_WIDTH, CurveBound.UPPER, 0.01)).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void aZeroMeanMakesRelativeMeasuresInfinite() {
        VarianceCurve curve = VarianceVsN.compute(new double[] {-1, 1, -2, 2}, VarianceVsNConfig.seeded(1));
        assertThat(curve.points().get(2).cvOfMean()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(curve.minimumN(VarianceMeasure.CV_OF_MEAN, CurveBound.CENTRAL, 0.05)).isEmpty();
    }

    @Test
    void rejectsTooLittleData() {
        assertThatThrownBy(() -> VarianceVsN.compute(new double[] {1}, VarianceVsNConfig.seeded(1)))
            .hasMessageContaining("at least 2 values");
        assertThatThrownBy(() -> new VarianceVsNConfig(2_000, 0.6, 0.9, 0.95, 1)).hasMessageContaining("surround the median");
    }

    private static VariancePoint point(int n, double cv) {
        return new VariancePoint(n, cv, cv * 0.8, cv * 1.2, 2 * cv, 1.5 * cv, 2.5 * cv);
    }
}
