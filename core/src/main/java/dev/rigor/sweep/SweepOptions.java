package dev.rigor.sweep;

/**
 * How the sweep schedules trials, resolved once (CLI over spec over defaults).
 *
 * @param jobs trials running at once
 * @param retries extra attempts for a failed or timed-out run
 * @param failFast stop at the first trial that fails for good
 */
public record SweepOptions(int jobs, int retries, boolean failFast) {

  public SweepOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }
}
