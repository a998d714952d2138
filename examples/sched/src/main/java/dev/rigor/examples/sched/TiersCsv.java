package dev.rigor.examples.sched;

/**
 * {@code tiers.csv}: one row per provider tier, every tier listed even when unused, so the
 * widened metric columns are the same for every run of an experiment.
 */
final class TiersCsv {
  static final String HEADER = "provider,tier_id,queue_wait_p95_ms,utilization,in_flight_avg,"
      + "attempts,cancelled,cost";

  private TiersCsv() {}

  static String render(SimResult result) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (TierResult t : result.tiers()) {
      out.append(t.tier().provider().csvName()).append(',')
          .append(t.tier().id()).append(',')
          .append(DecimalText.fixed(t.queueWaitP95Ms(), 3)).append(',')
          .append(DecimalText.fixed(t.utilization(), 4)).append(',')
          .append(DecimalText.fixed(t.inFlightAvg(), 3)).append(',')
          .append(t.attempts()).append(',')
          .append(t.cancelled()).append(',')
          .append(DecimalText.fixed(t.cost(), 6)).append('\n');
    }
    return out.toString();
  }
}
