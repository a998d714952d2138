package dev.rigor.examples.sched;

import java.util.List;
import java.util.OptionalInt;

/**
 * The decisions a policy makes, given which {@link Mechanism}s are on. Thresholds are relative
 * to each tier's own latency distribution, so they mean the same on a 30 ms embedding tier and
 * on a 2 s LLM tier.
 */
final class SchedulingPolicy {
  /** Hedge once an attempt has run longer than this quantile of its tier's latency body. */
  static final double HEDGE_AFTER_Z = LatencyModel.Z_P90;
  /** Abandon a request and resend it a tier up once its newest attempt runs past this. */
  static final double ESCALATE_RUNNING_AFTER_Z = LatencyModel.Z_P99;
  /** Move a queued attempt up a tier once it has waited this many median service times. */
  static final double ESCALATE_WAITING_AFTER_MEDIANS = 1.0;
  /** Send a new request past a tier whose queue holds this many requests per slot. */
  static final double ESCALATE_QUEUE_PER_SLOT = 1.0;

  private final boolean dagPriority;
  private final boolean escalation;
  private final boolean hedging;

  SchedulingPolicy(SimConfig config) {
    this.dagPriority = config.uses(Mechanism.DAG_PRIORITY);
    this.escalation = config.uses(Mechanism.ESCALATION);
    this.hedging = config.uses(Mechanism.HEDGING);
  }

  boolean escalates() {
    return escalation;
  }

  boolean hedges() {
    return hedging;
  }

  /**
   * Queue position of a request's attempts: with DAG priority, its critical-path deadline
   * (least slack first, so old workflows and critical steps go ahead); otherwise when it was
   * first submitted (FIFO).
   */
  double queueKey(Request r) {
    return dagPriority ? r.latestStartMs() : r.submittedAtMs;
  }

  /** The tier a new request joins: the cheapest, or with escalation the first short queue. */
  int initialTier(List<TierState> tiers) {
    int t = 0;
    while (escalation && t + 1 < tiers.size() && queueIsLong(tiers.get(t))) {
      t++;
    }
    return t;
  }

  /** Where to hedge a slow attempt: the nearest faster tier with a free slot, else a slower one. */
  OptionalInt hedgeTier(List<TierState> tiers, int current) {
    for (int t = current + 1; t < tiers.size(); t++) {
      if (tiers.get(t).hasFreeSlot()) {
        return OptionalInt.of(t);
      }
    }
    for (int t = current - 1; t >= 0; t--) {
      if (tiers.get(t).hasFreeSlot()) {
        return OptionalInt.of(t);
      }
    }
    return OptionalInt.empty();
  }

  static double hedgeAfterMs(Tier tier, double size) {
    return LatencyModel.bodyQuantile(tier, size, HEDGE_AFTER_Z);
  }

  static double escalateRunningAfterMs(Tier tier, double size) {
    return LatencyModel.bodyQuantile(tier, size, ESCALATE_RUNNING_AFTER_Z);
  }

  static double escalateWaitingAfterMs(Tier tier, double size) {
    return ESCALATE_WAITING_AFTER_MEDIANS * size * tier.medianMs();
  }

  private static boolean queueIsLong(TierState tier) {
    return tier.queueLength() >= ESCALATE_QUEUE_PER_SLOT * tier.tier.concurrency();
  }
}
