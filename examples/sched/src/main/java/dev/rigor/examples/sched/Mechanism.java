package dev.rigor.examples.sched;

/**
 * A scheduling mechanism that a {@link Policy} may use and an ablation switch may turn off.
 */
public enum Mechanism {
  /** Order each tier's queue by critical-path urgency instead of arrival order. */
  DAG_PRIORITY("disable_dag_priority"),
  /** Move a request to a faster tier when its queue is long or it waited or ran too long. */
  ESCALATION("disable_escalation"),
  /** Duplicate a slow request onto another tier; the first answer wins, both are paid. */
  HEDGING("disable_hedging");

  private final String disableFlag;

  Mechanism(String disableFlag) {
    this.disableFlag = disableFlag;
  }

  /** The parameter (and CLI flag without dashes) that switches this mechanism off. */
  public String disableFlag() {
    return disableFlag;
  }
}
