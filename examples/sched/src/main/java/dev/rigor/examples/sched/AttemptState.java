package dev.rigor.examples.sched;

/** Where an attempt is in its life. */
enum AttemptState {
  QUEUED,
  RUNNING,
  /** Finished and delivered the answer. */
  DONE,
  /** Stopped by the scheduler (lost a hedge race, abandoned by escalation); paid if started. */
  CANCELLED
}
