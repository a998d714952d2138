package dev.rigor.store;

/** A run as the ledger and the analysis see it: its meta and its metrics. */
public record RunRecord(RunMeta meta, RunMetrics metrics) {

  public RunRecord {
    if (meta == null) {
      throw new IllegalArgumentException("a run record needs its meta");
    }
    metrics = metrics == null ? RunMetrics.EMPTY : metrics;
  }
}
