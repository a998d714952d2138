package dev.rigor.examples.sched;

/** What a scheduled event does when simulated time reaches it. */
enum EventKind {
  ARRIVAL,
  /** An attempt's service ends (ignored if the attempt was cancelled meanwhile). */
  COMPLETE,
  /** Is this attempt slow enough to hedge? */
  HEDGE_CHECK,
  /** Has this attempt run so long that it should be abandoned for a faster tier? */
  RUNNING_ESCALATION_CHECK,
  /** Has this attempt waited so long in its queue that it should move to a faster tier? */
  WAITING_ESCALATION_CHECK,
  /** Report progress to the listener. */
  PROGRESS_TICK
}
