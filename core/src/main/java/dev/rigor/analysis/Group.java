package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.List;

/**
 * The runs (latest per trial, any status) that share a {@link GroupKey}.
 */
public record Group(GroupKey key, List<RunRecord> runs) {

  public Group {
    runs = List.copyOf(runs);
  }

  /** The runs that enter statistics. */
  /** The runs that enter statistics ({@link Measured}): ok runs, and sessions that failed on the program's account. */
  public List<RunRecord> okRuns() {
    return runs.stream().filter(Measured::entersStatistics).toList();
  }

  /**
   * The runs that finished: ok or failed for good ({@link RunStatus#isFailure()}). Running, interrupted
   * and cancelled runs are unfinished and count neither way in a success rate.
   */
  public List<RunRecord> finishedRuns() {
    return runs.stream().filter(r -> r.meta().status() == RunStatus.OK || r.meta().status().isFailure()).toList();
  }
}
