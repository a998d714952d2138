package dev.rigor.examples.sched;

import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;

/** Runs a configuration over seeds 1..n and averages a number taken from each result. */
final class SeedAverages {
  private SeedAverages() {}

  static double mean(SimConfig config, int seeds, ToDoubleFunction<SimResult> metric) {
    return LongStream.rangeClosed(1, seeds)
        .mapToDouble(seed -> metric.applyAsDouble(Simulation.run(config, seed)))
        .average().orElseThrow();
  }

  static double[] perSeed(SimConfig config, int seeds, ToDoubleFunction<SimResult> metric) {
    return LongStream.rangeClosed(1, seeds)
        .mapToDouble(seed -> metric.applyAsDouble(Simulation.run(config, seed)))
        .toArray();
  }

  /** The seed-004 workload: 10 pdfs, 3 iterations of 4 sub-queries, routing, 2% × 50 tails. */
  static SimConfig seed004(int workflows, Policy policy) {
    return SimConfig.defaults().withPolicy(policy).withWorkload(workflows, 50)
        .withHeavyTail(0.02, 50).withRouting(true);
  }

  static double p99(SimResult r) {
    return r.summary().makespanP99Ms();
  }

  static double p95(SimResult r) {
    return r.summary().makespanP95Ms();
  }

  static double meanMakespan(SimResult r) {
    return r.summary().makespanMeanMs();
  }

  static double cost(SimResult r) {
    return r.summary().costMean();
  }
}
