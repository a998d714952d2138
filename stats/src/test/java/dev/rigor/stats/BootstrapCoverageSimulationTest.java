package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Coverage of 95% bootstrap CIs of the mean over simulated normal data (seeded, deterministic).
 * 2,000 data sets per scenario, 2,000 resamples per interval (enough for stable 2.5%/97.5% endpoints and
 * about a second per scenario).
 *
 * <p>Percentile and BCa intervals of a mean are known to be too narrow in small samples: they use z
 * instead of t and the plug-in sd (divisor n). Their coverage is about
 * {@code P(|T_{n-1}| <= 1.96 sqrt((n-1)/n))} = 93.6% at n = 30 and 94.6% at n = 100 (Hesterberg 2015,
 * "What teachers should know about the bootstrap", Am. Statistician 69:371-386, "narrowness bias").
 * So at n = 30 the test checks the coverage against that value; the [93.5%, 96.5%] window is asserted
 * at n = 100 and for the t interval, where the nominal 95% is the true coverage.
 */
class BootstrapCoverageSimulationTest {
    private static final int DATA_SETS = 2_000;
    private static final int RESAMPLES = 2_000;
    private static final double TRUE_MEAN = 5;

    @Test
    void atThirtyObservationsCoverageMatchesTheKnownNarrownessBias() {
        Coverage c = simulate(30, 11);
        // 93.6% ± 3.3 binomial standard errors (0.55% each at 2,000 data sets).
        assertThat(c.percentile).as("percentile coverage").isBetween(0.918, 0.954);
        assertThat(c.bca).as("BCa coverage").isBetween(0.918, 0.954);
        assertThat(c.t).as("t-interval coverage").isBetween(0.935, 0.965);
    }

    @Test
    void atOneHundredObservationsCoverageIsNominal() {
        Coverage c = simulate(100, 12);
        assertThat(c.percentile).as("percentile coverage").isBetween(0.935, 0.965);
        assertThat(c.bca).as("BCa coverage").isBetween(0.935, 0.965);
        assertThat(c.t).as("t-interval coverage").isBetween(0.935, 0.965);
    }

    private static Coverage simulate(int n, long seed) {
        NormalData data = new NormalData(seed);
        int percentile = 0;
        int bca = 0;
        int t = 0;
        for (int s = 0; s < DATA_SETS; s++) {
            double[] x = data.sample(n, TRUE_MEAN, 2);
            BootstrapResult r = Bootstrap.oneSample(x, SampleStatistic.mean(),
                new BootstrapConfig(RESAMPLES, 0.95, seed * 1_000_003L + s));
            percentile += r.percentile().contains(TRUE_MEAN) ? 1 : 0;
            bca += r.bca().contains(TRUE_MEAN) ? 1 : 0;
            t += TTests.oneSample(x, TRUE_MEAN, 0.95).difference().orElseThrow().contains(0) ? 1 : 0;
        }
        return new Coverage((double) percentile / DATA_SETS, (double) bca / DATA_SETS, (double) t / DATA_SETS);
    }

    private record Coverage(double percentile, double bca, double t) {
    }
}
