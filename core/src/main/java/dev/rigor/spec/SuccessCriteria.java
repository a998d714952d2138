package dev.rigor.spec;

import java.util.List;
import java.util.Set;

/**
 * When a run counts as {@code ok}: its exit code is one of {@code exitCodes}, every file exists
 * (paths relative to the run directory) and every named metric was extracted.
 */
public record SuccessCriteria(Set<Integer> exitCodes, List<Template> files, List<String> metrics) {

  public static final SuccessCriteria DEFAULT = new SuccessCriteria(Set.of(0), List.of(), List.of());

  public SuccessCriteria {
    exitCodes = Set.copyOf(exitCodes);
    files = List.copyOf(files);
    metrics = List.copyOf(metrics);
    if (exitCodes.isEmpty()) {
      throw new IllegalArgumentException("at least one successful exit code is needed");
    }
  }
}
