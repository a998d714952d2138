package dev.rigor.examples.sched;

import java.util.Locale;

/** What happened, in {@code trace.json}. */
public enum TraceType {
  WORKFLOW_ARRIVE,
  ATTEMPT_START,
  ATTEMPT_FINISH,
  ATTEMPT_CANCEL,
  HEDGE,
  ESCALATE,
  WORKFLOW_FINISH;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
