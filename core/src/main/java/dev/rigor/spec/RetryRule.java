package dev.rigor.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which failed runs are retried and how long to wait first: {@code retries: {max, when: {exit_codes,
 * output}, backoff: {initial, max}}} (DESIGN.md §6). The number of retries is {@link Spec#retries()}.
 *
 * @param exitCodes a run is retried when its exit code is one of these (empty: not matched by exit code)
 * @param output a run is retried when its stdout or stderr contains a match (null: not matched by output)
 * @param initialBackoff the wait before the first retry ({@link Duration#ZERO}: at once); doubled per retry
 * @param maxBackoff the longest wait
 */
public record RetryRule(Set<Integer> exitCodes, Pattern output, Duration initialBackoff, Duration maxBackoff) {

  /** {@code retries: N}: every failed, timed-out or unstartable run, retried at once. */
  public static final RetryRule ANY_FAILURE = new RetryRule(Set.of(), null, Duration.ZERO, Duration.ZERO);

  public RetryRule {
    exitCodes = Set.copyOf(exitCodes);
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("0 <= initial backoff <= max backoff");
    }
  }

  /** True when {@code when} narrows which failures are retried. */
  public boolean selective() {
    return !exitCodes.isEmpty() || output != null;
  }
}
