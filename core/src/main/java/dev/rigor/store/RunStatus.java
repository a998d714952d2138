package dev.rigor.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The status of one run (DESIGN.md §5). */
public enum RunStatus {
  RUNNING,
  OK,
  /** Non-zero exit, or the success criteria were not met. */
  FAILED,
  TIMEOUT,
  COST_LIMIT,
  /** Could not start, or an in-process trial threw. */
  ERROR,
  /** Stopped by SIGINT/SIGTERM, or its coordinator died. */
  INTERRUPTED,
  /** Stopped by fail-fast or a budget halt. */
  CANCELLED;

  /** The lower-case name used in files and the ledger. */
  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RunStatus parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** Statuses that count as a failure of the trial (for retries, fail-fast and exit codes). */
  public boolean isFailure() {
    return this == FAILED || this == TIMEOUT || this == COST_LIMIT || this == ERROR;
  }
}
