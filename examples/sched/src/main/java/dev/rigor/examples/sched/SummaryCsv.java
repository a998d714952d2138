package dev.rigor.examples.sched;

/** {@code summary.csv}: one header row, one value row, in the column order of seed 004. */
final class SummaryCsv {
  static final String HEADER =
      "makespan_mean_ms,makespan_p50_ms,makespan_p95_ms,makespan_p99_ms,cost_mean,cost_p50";

  private SummaryCsv() {}

  static String render(SimResult result) {
    Summary s = result.summary();
    return HEADER + "\n"
        + String.join(",",
            DecimalText.fixed(s.makespanMeanMs(), 3),
            DecimalText.fixed(s.makespanP50Ms(), 3),
            DecimalText.fixed(s.makespanP95Ms(), 3),
            DecimalText.fixed(s.makespanP99Ms(), 3),
            DecimalText.fixed(s.costMean(), 6),
            DecimalText.fixed(s.costP50(), 6))
        + "\n";
  }
}
