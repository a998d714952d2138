package dev.rigor.spec;

/** Which direction of a metric is better, for verdicts. */
public enum Goal {
  MIN,
  MAX
}
