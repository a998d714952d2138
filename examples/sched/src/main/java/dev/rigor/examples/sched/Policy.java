package dev.rigor.examples.sched;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The scheduling policies of seed 004, each a fixed set of {@link Mechanism}s. */
public enum Policy {
  /** Arrival-order queues, always the cheapest tier. */
  FIFO_CHEAPEST("fifo_cheapest", EnumSet.noneOf(Mechanism.class)),
  /** Critical-path priority, always the cheapest tier. */
  DAG_CHEAPEST("dag_cheapest", EnumSet.of(Mechanism.DAG_PRIORITY)),
  /** Critical-path priority plus escalation to faster tiers. */
  DAG_ESCALATION("dag_escalation", EnumSet.of(Mechanism.DAG_PRIORITY, Mechanism.ESCALATION)),
  /** Everything: critical-path priority, escalation and hedging. */
  FULL("full", EnumSet.allOf(Mechanism.class));

  private final String cliName;
  private final Set<Mechanism> mechanisms;

  Policy(String cliName, EnumSet<Mechanism> mechanisms) {
    this.cliName = cliName;
    this.mechanisms = Collections.unmodifiableSet(mechanisms);
  }

  /** The name used on the command line and in output files. */
  public String cliName() {
    return cliName;
  }

  /** The mechanisms this policy uses before any ablation switch is applied. */
  public Set<Mechanism> mechanisms() {
    return mechanisms;
  }

  /** The policy called {@code name} on the command line, if any. */
  public static Optional<Policy> fromCliName(String name) {
    return Arrays.stream(values()).filter(p -> p.cliName.equals(name)).findFirst();
  }

  /** All CLI names, comma-separated, for messages and help. */
  public static String cliNames() {
    return Arrays.stream(values()).map(Policy::cliName).collect(Collectors.joining(", "));
  }
}
