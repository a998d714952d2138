package dev.rigor.exec;

import dev.rigor.store.RunMeta;
import java.util.Map;
import java.util.Objects;

/**
 * A run that a coordinator which died left {@code running}, offered to the executor to re-attach to
 * ({@link Executor#adopt}).
 *
 * @param request the attempt as it was started (same trial, attempt and run directory), with the new sweep's observer
 * @param meta its last record ({@code running}: from its run directory, or from the ledger when the directory has none yet)
 * @param placement where the executor placed it, as it reported through {@link RunObserver#placed}; empty when unknown
 */
public record StaleRun(RunRequest request, RunMeta meta, Map<String, Object> placement) {

  public StaleRun {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(meta, "meta");
    placement = placement == null ? Map.of() : Map.copyOf(placement);
  }
}
