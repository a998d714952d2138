package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Many data sets bootstrapped from one stream give, bit for bit, what one call per data set gives. */
class SharedBootstrapTest {

    private static final BootstrapConfig CONFIG = new BootstrapConfig(2_000, 0.95, 20261122L);

    @Test
    void pairedEachEqualsOneCallPerDataSet() {
        double[][] x = dataSets(7, 25, 1);
        double[][] y = dataSets(7, 25, 2);
        y[3] = new double[25]; // a ratio with a zero denominator: no bootstrap distribution
        for (PairedStatistic statistic : List.of(PairedStatistic.meanDifference(), PairedStatistic.ratioOfMeans(),
                PairedStatistic.medianOfDifferences())) {
            List<Optional<BootstrapResult>> shared = Bootstrap.pairedEach(x, y, statistic, CONFIG);
            assertThat(shared).hasSize(7);
            for (int k = 0; k < x.length; k++) {
                double[] a = x[k];
                double[] b = y[k];
                assertThat(shared.get(k)).as("data set %d, %s", k, statistic).isEqualTo(alone(() -> Bootstrap.paired(a, b, statistic, CONFIG)));
            }
            if (statistic == PairedStatistic.ratioOfMeans()) {
                assertThat(shared.get(3)).isEmpty();
            }
        }
    }

    @Test
    void twoSampleEachEqualsOneCallPerDataSet() {
        double[][] x = dataSets(5, 40, 3);
        double[][] y = dataSets(5, 17, 4);
        for (TwoSampleStatistic statistic : List.of(TwoSampleStatistic.meanDifference(), TwoSampleStatistic.ratioOfMeans(),
                TwoSampleStatistic.medianDifference())) {
            List<Optional<BootstrapResult>> shared = Bootstrap.twoSampleEach(x, y, statistic, CONFIG);
            for (int k = 0; k < x.length; k++) {
                double[] a = x[k];
                double[] b = y[k];
                assertThat(shared.get(k)).as("data set %d, %s", k, statistic).isEqualTo(alone(() -> Bootstrap.twoSample(a, b, statistic, CONFIG)));
            }
        }
    }

    @Test
    void dataSetsMustShareTheirSizes() {
        double[][] x = {{1, 2, 3}, {1, 2}};
        double[][] y = {{1, 2, 3}, {1, 2}};
        assertThatThrownBy(() -> Bootstrap.pairedEach(x, y, PairedStatistic.meanDifference(), CONFIG))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("every data set must have as many pairs; got 2 and 3");
        assertThatThrownBy(() -> Bootstrap.twoSampleEach(x, new double[][] {{1}}, TwoSampleStatistic.meanDifference(), CONFIG))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("x and y must hold as many data sets; got 2 and 1");
    }

    private static Optional<BootstrapResult> alone(java.util.function.Supplier<BootstrapResult> call) {
        try {
            return Optional.of(call.get());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static double[][] dataSets(int count, int n, long seed) {
        Random random = new Random(seed);
        double[][] out = new double[count][n];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                out[k][i] = 10 * (k + 1) + random.nextGaussian() * (k + 1);
            }
        }
        return out;
    }
}
