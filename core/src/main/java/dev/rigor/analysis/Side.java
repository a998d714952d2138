package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import java.util.List;

/**
 * One side of a comparison: a label for the user, the runs (latest per trial, any status) and where
 * their metric values come from.
 */
public record Side(String label, RunValues values, List<RunRecord> runs) {

  public Side {
    runs = List.copyOf(runs);
  }

  /** The runs that enter statistics ({@link Measured}): ok runs, and sessions that failed on the program's account. */
  public List<RunRecord> okRuns() {
    return runs.stream().filter(Measured::entersStatistics).toList();
  }
}
