package dev.rigor.bench;

import dev.rigor.stats.Bootstrap;
import dev.rigor.stats.BootstrapConfig;
import dev.rigor.stats.BootstrapResult;
import dev.rigor.stats.PairedStatistic;
import dev.rigor.stats.TwoSampleStatistic;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The report's resampling at 100,000 runs (bench/report): ratios of means of six metrics sharing one
 * stream of 2,000 resamples, for a policy contrast (5,000 runs a side, two-sample) and an ablation
 * contrast (1,000 seed-paired runs). Lognormal data like the latency metrics of the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SharedBootstrapBenchmark {
    private static final int METRICS = 6;
    private static final BootstrapConfig CONFIG = BootstrapConfig.seeded(7).withResamples(2_000);
    private final double[][] candidate = data(5_000, 1);
    private final double[][] control = data(5_000, 2);
    private final double[][] ablated = data(1_000, 3);
    private final double[][] baseline = data(1_000, 4);

    private static double[][] data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[METRICS][n];
        for (double[] metric : out) {
            for (int i = 0; i < n; i++) {
                metric[i] = Math.exp(5 + 0.5 * r.nextGaussian());
            }
        }
        return out;
    }

    @Benchmark
    public List<Optional<BootstrapResult>> policyContrastTwoSample() {
        return Bootstrap.twoSampleEach(candidate, control, TwoSampleStatistic.ratioOfMeans(), CONFIG);
    }

    @Benchmark
    public List<Optional<BootstrapResult>> ablationContrastPaired() {
        return Bootstrap.pairedEach(ablated, baseline, PairedStatistic.ratioOfMeans(), CONFIG);
    }
}
