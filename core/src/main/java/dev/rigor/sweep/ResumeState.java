package dev.rigor.sweep;

import dev.rigor.plan.Plan;
import dev.rigor.plan.Trial;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which planned trials still need a run. The ledger answers for most trials in one query; a trial
 * it does not know as {@code ok} is checked against its run directory (the source of truth: after
 * a kill -9 the ledger may lag behind the files), so no finished trial runs twice and none is lost.
 *
 * @param todo trials to run, in plan order, with their next attempt numbers
 * @param alreadyOk trials whose latest run is ok
 * @param stale runs found {@code running} although no coordinator runs them (it died)
 * @param reconciled records the ledger was missing, to be written to it
 * @param unplanned trial keys recorded in the experiment that the plan no longer has
 */
record ResumeState(List<Sweep.Pending> todo, int alreadyOk, List<RunMeta> stale, List<RunRecord> reconciled, int unplanned) {

  static ResumeState of(Plan plan, ExperimentDirectory dir, Ledger ledger) throws IOException {
    Map<String, Ledger.TrialState> known = ledger.latestByTrialKey();
    Set<String> dirs = dir.runIds();
    List<Sweep.Pending> todo = new ArrayList<>();
    List<RunMeta> stale = new ArrayList<>();
    List<RunRecord> reconciled = new ArrayList<>();
    Set<String> planned = new HashSet<>();
    int ok = 0;
    for (Trial trial : plan.trials()) {
      planned.add(trial.trialKey());
      Ledger.TrialState state = known.get(trial.trialKey());
      if (state != null && state.status() == RunStatus.OK) {
        ok++;
        continue;
      }
      int attempts = state == null ? 0 : state.attempt();
      if (dirs.contains(trial.runId())) {
        RunDirectory run = dir.run(trial.runId());
        RunRecord record = run.readRecord();
        if (record != null) {
          RunMeta meta = record.meta();
          attempts = Math.max(attempts, meta.attempt());
          if (meta.status() == RunStatus.OK) {
            ok++;
            reconciled.add(record);
            continue;
          }
          if (meta.status() == RunStatus.RUNNING) {
            stale.add(meta);
          } else if (state == null || state.attempt() < meta.attempt() || state.status() != meta.status()) {
            reconciled.add(record);
          }
        }
      }
      todo.add(new Sweep.Pending(trial, attempts + 1));
    }
    int unplanned = (int) known.keySet().stream().filter(k -> !planned.contains(k)).count();
    return new ResumeState(todo, ok, stale, reconciled, unplanned);
  }
}
