package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.List;

/**
 * One side of a comparison: a label for the user, the runs (latest per trial, any status) and where
 * their metric values come from.
 */
public record Side(String label, RunValues values, List<RunRecord> runs) {

  public Side {
    runs = List.copyOf(runs);
  }

  public List<RunRecord> okRuns() {
    return runs.stream().filter(r -> r.meta().status() == RunStatus.OK).toList();
  }
}
