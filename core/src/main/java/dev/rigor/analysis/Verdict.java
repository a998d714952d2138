package dev.rigor.analysis;

import dev.rigor.spec.Goal;
import java.util.Optional;

/** What compare concludes for one candidate and metric. */
public enum Verdict {
  BETTER("better"),
  WORSE("worse"),
  /** Significantly higher, for a metric without a goal. */
  HIGHER("higher"),
  /** Significantly lower, for a metric without a goal. */
  LOWER("lower"),
  NO_DIFFERENCE("no significant difference"),
  /** Too few runs with a value for the test (or interval). */
  INSUFFICIENT("too few runs");

  private final String text;

  Verdict(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /**
   * The verdict of a significant or non-significant effect.
   *
   * @param higher whether the candidate is higher than the control (the sign of the tested effect)
   */
  static Verdict of(boolean significant, boolean higher, Optional<Goal> goal) {
    if (!significant) {
      return NO_DIFFERENCE;
    }
    if (goal.isEmpty()) {
      return higher ? HIGHER : LOWER;
    }
    return higher == (goal.get() == Goal.MAX) ? BETTER : WORSE;
  }
}
