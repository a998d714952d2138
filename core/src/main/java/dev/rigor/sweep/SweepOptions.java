package dev.rigor.sweep;

import dev.rigor.spec.RetryRule;
import java.util.Objects;

/**
 * How the sweep schedules trials, resolved once (CLI over spec over defaults).
 *
 * @param jobs trials running at once
 * @param retries extra attempts for a failed or timed-out run
 * @param failFast stop at the first trial that fails for good
 * @param retryRule which failures are retried, and the backoff before each retry
 */
public record SweepOptions(int jobs, int retries, boolean failFast, RetryRule retryRule) {

  public SweepOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
    Objects.requireNonNull(retryRule, "retryRule");
  }

  /** Every failure retried at once ({@code retries: N}). */
  public SweepOptions(int jobs, int retries, boolean failFast) {
    this(jobs, retries, failFast, RetryRule.ANY_FAILURE);
  }
}
