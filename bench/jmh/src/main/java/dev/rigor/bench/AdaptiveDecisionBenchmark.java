package dev.rigor.bench;

import dev.rigor.adaptive.Observed;
import dev.rigor.adaptive.RoundDecision;
import dev.rigor.adaptive.SeedValues;
import dev.rigor.adaptive.Verdict;
import dev.rigor.spec.Adaptive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision after a round of adaptive replication (issue 18's target: under 100 ms for 100
 * variations × 10 metrics): every variation's confidence sequences, and in {@code decided} mode the
 * paired differences to the control over 60 seeds each. Measured single-shot too (the CLI decides once
 * per round, cold): see docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdaptiveDecisionBenchmark {
    static final int VARIATIONS = 100;
    static final int METRICS = 10;

    @Param({"60"})
    int seeds;

    Adaptive precision;
    Adaptive decided;
    List<Observed> observed;

    @Setup
    public void setUp() {
        observed = observations(seeds);
        List<String> metrics = new ArrayList<>();
        for (int m = 0; m < METRICS; m++) {
            metrics.add("metric" + m);
        }
        precision = new Adaptive(metrics, new Adaptive.HalfWidth(0.02, true), 5, 60, 5, 0.05);
        decided = new Adaptive(metrics, new Adaptive.Decided(Map.of("v", "0"), 0.01, true), 5, 60, 5, 0.05);
    }

    static List<Observed> observations(int seeds) {
        Random rng = new Random(18);
        List<Observed> out = new ArrayList<>();
        for (int v = 0; v < VARIATIONS; v++) {
            Map<String, SeedValues> metrics = new LinkedHashMap<>();
            for (int m = 0; m < METRICS; m++) {
                long[] s = new long[seeds];
                double[] x = new double[seeds];
                for (int i = 0; i < seeds; i++) {
                    s[i] = 1072 + 1071L * i;
                    x[i] = 100 + v * 0.01 + rng.nextGaussian() * (1 + m);
                }
                metrics.put("metric" + m, new SeedValues(s, x));
            }
            out.add(new Observed("v=" + v, Map.of("v", Integer.toString(v)), seeds, metrics));
        }
        return out;
    }

    @Benchmark
    public List<Verdict> ciHalfwidth() {
        return RoundDecision.decide(precision, observed, -1);
    }

    @Benchmark
    public List<Verdict> decidedAgainstControl() {
        return RoundDecision.decide(decided, observed, 0);
    }

    /** Decisions in a fresh JVM, as the CLI makes them once per round (the first one cold): CPU and wall milliseconds. */
    public static void main(String[] args) {
        List<Observed> observed = observations(60);
        List<String> metrics = new ArrayList<>();
        for (int m = 0; m < METRICS; m++) {
            metrics.add("metric" + m);
        }
        Adaptive decided = new Adaptive(metrics, new Adaptive.Decided(Map.of("v", "0"), 0.01, true), 5, 60, 5, 0.05);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 12; round++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Verdict> v = RoundDecision.decide(decided, observed, 0);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            // the CPU time is what the decision costs; the wall time also counts waiting for a core on a shared machine
            System.out.printf(java.util.Locale.ROOT, "decision %d (decided, %d variations x %d metrics x 60 seeds): %.1f ms CPU, %.1f ms wall (%d verdicts)%n",
                round, VARIATIONS, METRICS, (c1 - c0) / 1e6, (t1 - t0) / 1e6, v.size());
        }
    }
}
