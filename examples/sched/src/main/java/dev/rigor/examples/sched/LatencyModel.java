package dev.rigor.examples.sched;

import java.util.SplittableRandom;

/**
 * Service latency: a lognormal body per tier, times {@code heavyTailMult} with probability
 * {@code heavyTailProb} (a stalled connection, a cold replica, a provider incident). The tail is
 * drawn per attempt, so a duplicate of a stalled request is usually not stalled itself.
 */
record LatencyModel(double heavyTailProb, double heavyTailMult) {
  /** Standard normal quantiles used for thresholds. */
  static final double Z_P90 = 1.2815515655446004;
  static final double Z_P99 = 2.3263478740408408;

  /** One latency draw. */
  record Draw(double ms, boolean heavyTail) {}

  Draw draw(Tier tier, double size, SplittableRandom rng) {
    double z = RandomStreams.standardNormal(rng);
    boolean heavy = rng.nextDouble() < heavyTailProb;
    double body = size * tier.medianMs() * StrictMath.exp(tier.sigma() * z);
    return new Draw(heavy ? body * heavyTailMult : body, heavy);
  }

  /** A quantile of the lognormal body (tails excluded), given the normal quantile {@code z}. */
  static double bodyQuantile(Tier tier, double size, double z) {
    return size * tier.medianMs() * StrictMath.exp(tier.sigma() * z);
  }

  /** The mean of the lognormal body: what a planner expects a request to take. */
  static double bodyMean(Tier tier, double size) {
    return size * tier.medianMs() * StrictMath.exp(tier.sigma() * tier.sigma() / 2);
  }
}
