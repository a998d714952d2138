package dev.rigor.spec;

/** How the resources of a trial's process tree are measured. */
public enum MeasureMode {
  /** cgroup v2 with cpu/memory controllers, else cgroup v1 (cpuacct + memory), else /proc sampling. */
  AUTO,
  /** A cgroup is required; the sweep refuses to start without one. */
  CGROUP,
  /** Sample /proc (cheapest per trial; approximate for very short processes). */
  PROC
}
