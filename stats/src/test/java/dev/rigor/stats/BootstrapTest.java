package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double[] X = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1, 3.9, 4.0, 2.2, 3.7};
    private static final double[] Y = {1.8, 3.0, 2.2, 4.9, 4.1, 2.6, 2.9, 5.2, 3.1, 3.6, 2.4, 3.0};
    private static final BootstrapConfig CONFIG = BootstrapConfig.seeded(7).withResamples(4_000);

    @Test
    void sameSeedGivesIdenticalResultsAndAnotherSeedDiffers() {
        BootstrapResult a = Bootstrap.paired(X, Y, PairedStatistic.meanDifference(), CONFIG);
        BootstrapResult b = Bootstrap.paired(X, Y, PairedStatistic.meanDifference(), CONFIG);
        BootstrapResult c = Bootstrap.paired(X, Y, PairedStatistic.meanDifference(), CONFIG.withSeed(8));
        assertThat(b).isEqualTo(a);
        assertThat(c.bca()).isNotEqualTo(a.bca());
        assertThat(c.estimate()).isEqualTo(a.estimate());
    }

    @Test
    void builtInMeanDrawsTheSameResamplesAsALambda() {
        BootstrapResult builtIn = Bootstrap.oneSample(X, SampleStatistic.mean(), CONFIG);
        BootstrapResult lambda = Bootstrap.oneSample(X, s -> Arrays.stream(s).sum() / s.length, CONFIG);
        assertSameIntervals(builtIn, lambda);

        BootstrapResult pairedBuiltIn = Bootstrap.paired(X, Y, PairedStatistic.meanDifference(), CONFIG);
        BootstrapResult pairedLambda = Bootstrap.paired(X, Y, (x, y) -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += x[i] - y[i];
            }
            return sum / x.length;
        }, CONFIG);
        assertSameIntervals(pairedBuiltIn, pairedLambda);

        BootstrapResult ratioBuiltIn = Bootstrap.twoSample(X, Y, TwoSampleStatistic.ratioOfMeans(), CONFIG);
        BootstrapResult ratioLambda = Bootstrap.twoSample(X, Y,
            (x, y) -> (Arrays.stream(x).sum() / x.length) / (Arrays.stream(y).sum() / y.length), CONFIG);
        assertSameIntervals(ratioBuiltIn, ratioLambda);
    }

    @Test
    void constantDataGiveDegeneratePointIntervals() {
        double[] constant = {3, 3, 3, 3, 3};
        for (BootstrapResult r : new BootstrapResult[] {
            Bootstrap.oneSample(constant, SampleStatistic.mean(), CONFIG),
            Bootstrap.oneSample(constant, SampleStatistic.median(), CONFIG),
            Bootstrap.paired(constant, constant, PairedStatistic.meanDifference(), CONFIG),
            Bootstrap.twoSample(constant, constant, TwoSampleStatistic.medianDifference(), CONFIG)}) {
            assertThat(r.standardError()).isZero();
            assertThat(r.biasCorrection()).as("ties count half: p0 = 1/2, z0 = 0").isZero();
            assertThat(r.acceleration()).isZero();
            for (IntervalMethod m : IntervalMethod.values()) {
                assertThat(r.interval(m).width()).as(m.name()).isZero();
                assertThat(r.interval(m).lower()).isEqualTo(r.estimate());
            }
        }
    }

    @Test
    void oneObservationGivesAPointAndTwoGiveAnIntervalWithinTheData() {
        BootstrapResult one = Bootstrap.oneSample(new double[] {4}, SampleStatistic.mean(), CONFIG);
        assertThat(one.bca().width()).isZero();
        assertThat(one.estimate()).isEqualTo(4);

        BootstrapResult two = Bootstrap.oneSample(new double[] {1, 5}, SampleStatistic.mean(), CONFIG);
        assertThat(two.percentile().lower()).isGreaterThanOrEqualTo(1);
        assertThat(two.percentile().upper()).isLessThanOrEqualTo(5);
        assertThat(two.bca().lower()).isGreaterThanOrEqualTo(1);
        assertThat(two.bca().upper()).isLessThanOrEqualTo(5);
    }

    @Test
    void pairedResamplingKeepsPairsTogether() {
        double[] y = Arrays.stream(X).map(v -> v + 1).toArray();
        Bootstrap.paired(X, y, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isEqualTo(a[i] + 1);
            }
            return 0;
        }, CONFIG.withResamples(50));
    }

    @Test
    void stratifiedResamplingStaysWithinEachStratum() {
        double[][] strata = {{1, 1, 1}, {100, 200}, {5}};
        // Also evaluated on jackknife (leave-one-out) strata, hence the sizes "at most".
        BootstrapResult r = Bootstrap.stratified(strata, s -> {
            assertThat(s[0]).containsOnly(1).hasSizeBetween(2, 3);
            assertThat(s[1]).hasSizeBetween(1, 2).containsAnyOf(100, 200).doesNotContain(1, 5);
            assertThat(s[2]).containsExactly(5);
            return s[0][0] + s[2][0];
        }, CONFIG.withResamples(200));
        assertThat(r.bca().width()).isZero();
        assertThat(r.estimate()).isEqualTo(6);
    }

    @Test
    void statisticsThatSortInPlaceDoNotTouchTheCallersArrays() {
        double[] x = X.clone();
        Bootstrap.oneSample(x, s -> {
            Arrays.sort(s);
            return s[0];
        }, CONFIG.withResamples(100));
        Bootstrap.oneSample(x, SampleStatistic.median(), CONFIG.withResamples(100));
        assertThat(x).containsExactly(X);
    }

    @Test
    void bcaDiffersFromPercentileForSkewedData() {
        double[] skewed = {1, 1, 2, 2, 3, 3, 4, 5, 8, 13, 21, 34, 55};
        BootstrapResult r = Bootstrap.oneSample(skewed, SampleStatistic.mean(), CONFIG);
        assertThat(r.acceleration()).isPositive();
        assertThat(r.bca().upper()).isGreaterThan(r.percentile().upper());
        assertThat(r.basic().lower()).isCloseTo(2 * r.estimate() - r.percentile().upper(), Offset.offset(1e-12));
    }

    @Test
    void medianDifferenceOfTwoSamples() {
        BootstrapResult r = Bootstrap.twoSample(X, Y, TwoSampleStatistic.medianDifference(), CONFIG);
        assertThat(r.estimate()).isCloseTo(Quantiles.type7(X, 0.5) - Quantiles.type7(Y, 0.5), Offset.offset(1e-12));
        assertThat(r.percentile().contains(r.estimate())).isTrue();
        BootstrapResult paired = Bootstrap.paired(X, Y, PairedStatistic.medianOfDifferences(), CONFIG);
        double[] d = new double[X.length];
        Arrays.setAll(d, i -> X[i] - Y[i]);
        assertThat(paired.estimate()).isCloseTo(Quantiles.type7(d, 0.5), Offset.offset(1e-12));
    }

    @Test
    void aRatioWithAZeroDenominatorHasNoBootstrapDistribution() {
        assertThatThrownBy(() -> Bootstrap.twoSample(X, new double[] {0, 0}, TwoSampleStatistic.ratioOfMeans(), CONFIG))
            .isInstanceOf(ArithmeticException.class).hasMessageContaining("Infinity on the original data");
        assertThatThrownBy(() -> Bootstrap.twoSample(new double[] {0, 1}, new double[] {0, 1},
            TwoSampleStatistic.ratioOfMeans(), CONFIG)).isInstanceOf(ArithmeticException.class)
            .hasMessageContaining("NaN on some resample");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Bootstrap.oneSample(new double[] {1, Double.NaN}, SampleStatistic.mean(), CONFIG))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample[1] is NaN");
        assertThatThrownBy(() -> Bootstrap.paired(X, new double[] {1}, PairedStatistic.meanDifference(), CONFIG))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> Bootstrap.stratified(new double[0][], s -> 0, CONFIG))
            .hasMessageContaining("at least one stratum");
        assertThatThrownBy(() -> new BootstrapConfig(1, 0.95, 1)).hasMessageContaining("resamples must be at least 2");
        assertThatThrownBy(() -> new BootstrapConfig(100, 95, 1)).hasMessageContaining("confidence must be in (0, 1)");
    }

    private static void assertSameIntervals(BootstrapResult a, BootstrapResult b) {
        assertThat(b.estimate()).isCloseTo(a.estimate(), Offset.offset(1e-12));
        assertThat(b.percentile().lower()).isCloseTo(a.percentile().lower(), Offset.offset(1e-12));
        assertThat(b.percentile().upper()).isCloseTo(a.percentile().upper(), Offset.offset(1e-12));
        assertThat(b.acceleration()).isCloseTo(a.acceleration(), Offset.offset(1e-12));
        assertThat(b.bca().lower()).isCloseTo(a.bca().lower(), Offset.offset(1e-9));
        assertThat(b.bca().upper()).isCloseTo(a.bca().upper(), Offset.offset(1e-9));
    }
}
