package dev.rigor.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a run's resources were measured; recorded in {@code meta.json} as {@code measurement}. */
public enum Measurement {
  CGROUP_V2("cgroup-v2"),
  CGROUP_V1("cgroup-v1"),
  PROC("proc"),
  /** The run was a trial of a long-lived worker: its CPU time is the worker tree's delta over the run (DESIGN.md §7). */
  WORKER("worker"),
  /** The run was a Java trial on a thread of Rigor's own JVM: its CPU time is that thread's. */
  THREAD("thread"),
  /** Not measured (the run never started, or ran elsewhere without a record). */
  NONE("none");

  private final String json;

  Measurement(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }

  @JsonCreator
  public static Measurement parse(String text) {
    for (Measurement m : values()) {
      if (m.json.equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown measurement: " + text);
  }
}
