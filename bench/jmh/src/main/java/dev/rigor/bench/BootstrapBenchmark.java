package dev.rigor.bench;

import dev.rigor.stats.Bootstrap;
import dev.rigor.stats.BootstrapConfig;
import dev.rigor.stats.BootstrapResult;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.PairedStatistic;
import dev.rigor.stats.TwoSampleStatistic;
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
 * Bootstrap CIs of a paired mean difference, n = 30 pairs, 10,000 resamples: the case Rigor's
 * {@code compare} runs for every metric. Same data as {@code bench/stats/scipy_bootstrap.py}.
 * Every call computes percentile, basic and BCa together (BCa adds a 30-point jackknife), so the
 * percentile and BCa figures cost the same; the lambda variant shows the general (copying) path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BootstrapBenchmark {
    /** Baseline (A) and candidate (B) of 30 paired runs. */
    static final double[] A = {115.43, 124.63, 117.2, 85.4, 79.11, 101.01, 112.92, 107.64, 127.15, 111.26, 109.6,
        89.03, 83.38, 122.27, 100.73, 112.17, 79.35, 93.45, 80.63, 88.36, 113.55, 77.79, 91.99, 102.46, 89.97, 96.22,
        96.67, 106.27, 93.53, 104.08};
    static final double[] B = {118.77, 130.18, 121.55, 98.35, 78.13, 111.21, 113.5, 104.89, 137.42, 111.62, 110.27,
        83.7, 73.79, 129.08, 96.74, 119.84, 93.44, 95.76, 76.87, 93.73, 121.12, 79.22, 95.09, 113.47, 100.56, 103.48,
        94.47, 108.95, 100.15, 105.81};
    private static final BootstrapConfig CONFIG = BootstrapConfig.seeded(42);

    @Benchmark
    public ConfidenceInterval bcaPairedMeanDifference() {
        return Bootstrap.paired(B, A, PairedStatistic.meanDifference(), CONFIG).bca();
    }

    @Benchmark
    public ConfidenceInterval percentilePairedMeanDifference() {
        return Bootstrap.paired(B, A, PairedStatistic.meanDifference(), CONFIG).percentile();
    }

    @Benchmark
    public ConfidenceInterval bcaPairedMeanDifferenceLambda() {
        return Bootstrap.paired(B, A, (x, y) -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += x[i] - y[i];
            }
            return sum / x.length;
        }, CONFIG).bca();
    }

    @Benchmark
    public BootstrapResult twoSampleMeanDifference() {
        return Bootstrap.twoSample(B, A, TwoSampleStatistic.meanDifference(), CONFIG);
    }
}
