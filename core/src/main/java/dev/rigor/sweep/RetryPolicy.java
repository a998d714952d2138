package dev.rigor.sweep;

import dev.rigor.spec.RetryRule;
import dev.rigor.store.FileTail;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which ended runs get another attempt, and after how long (DESIGN.md §6): up to {@code max}
 * retries of runs that match {@code when} (without {@code when}: every failed, timed-out or
 * unstartable run; a run stopped at a cost limit never, as another attempt would spend again),
 * after an exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, initial·2^(n-1))}, so waits grow but clients that failed together do not retry
 * together.
 */
public final class RetryPolicy {

  /** Lines of stdout and stderr searched for {@code when.output} (the end of a run is where it says why it failed). */
  static final int OUTPUT_LINES = 200;

  private final int max;
  private final RetryRule rule;
  private final RandomGenerator random;

  public RetryPolicy(int max, RetryRule rule, RandomGenerator random) {
    this.max = max;
    this.rule = rule;
    this.random = random;
  }

  public int max() {
    return max;
  }

  /** Why the run is retried ("exit 75", "output matched …"), or {@code null} when it is not. */
  public String why(RunMeta meta, int retriedSoFar, RunDirectory dir) {
    RunStatus status = meta.status();
    if (retriedSoFar >= max || !status.isFailure() || status == RunStatus.COST_LIMIT) {
      return null;
    }
    if (!rule.selective()) {
      return status.json();
    }
    if (meta.exitCode() != null && rule.exitCodes().contains(meta.exitCode())) {
      return "exit " + meta.exitCode();
    }
    if (rule.output() != null) {
      for (java.nio.file.Path file : List.of(dir.stderr(), dir.stdout())) {
        for (String line : FileTail.lines(file, OUTPUT_LINES, Integer.MAX_VALUE)) {
          if (rule.output().matcher(line).find()) {
            return "output matched /" + rule.output().pattern() + "/";
          }
        }
      }
    }
    return null;
  }

  /** The wait before retry number {@code n} (1 for the first). */
  public Duration backoff(int n) {
    if (rule.initialBackoff().isZero()) {
      return Duration.ZERO;
    }
    long initial = rule.initialBackoff().toNanos();
    long cap = rule.maxBackoff().toNanos();
    long step = n - 1 >= 62 || initial > (cap >> Math.min(62, n - 1)) ? cap : Math.min(cap, initial << (n - 1));
    long half = step / 2;
    return Duration.ofNanos(half + (step - half == 0 ? 0 : random.nextLong(step - half + 1)));
  }
}
