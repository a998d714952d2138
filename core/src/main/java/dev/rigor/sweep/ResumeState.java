package dev.rigor.sweep;

import dev.rigor.plan.Plan;
import dev.rigor.plan.Trial;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Ledger;
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
 * @param stale runs found {@code running} although no coordinator runs them (it died): in their run
 *     directory, or only in the ledger for an attempt that its executor placed somewhere (a SLURM job
 *     still pending has written nothing yet)
 * @param reconciled records the ledger was missing, to be written to it
 * @param unplanned trial keys recorded in the experiment that the plan no longer has
 */
record ResumeState(List<Sweep.Pending> todo, int alreadyOk, List<Stale> stale, List<RunRecord> reconciled, int unplanned) {

  /**
   * A run left {@code running} by a dead coordinator.
   *
   * @param placement where its executor placed it (empty when it reported nothing)
   * @param inDirectory whether {@code meta} is the run directory's (else only the ledger knows the attempt)
   */
  record Stale(Trial trial, RunMeta meta, Map<String, Object> placement, boolean inDirectory) {}

  static ResumeState of(Plan plan, ExperimentDirectory dir, Ledger ledger) throws IOException {
    Map<String, Ledger.TrialState> known = ledger.latestByTrialKey();
    Map<String, Ledger.Placement> placed = new java.util.HashMap<>();
    for (Ledger.Placement p : ledger.runningPlacements()) {
      placed.put(p.runId(), p);
    }
    Set<String> dirs = dir.runIds();
    List<Sweep.Pending> todo = new ArrayList<>();
    List<Stale> stale = new ArrayList<>();
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
      Ledger.Placement placement = placed.get(trial.runId());
      RunRecord record = dirs.contains(trial.runId()) ? dir.run(trial.runId()).readRecord() : null;
      if (placement != null && state != null && state.attempt() == placement.attempt()
          && (record == null || record.meta().attempt() < placement.attempt())) {
        // placed (a SLURM job, say) but nothing in its directory yet: the ledger alone knows it runs
        stale.add(new Stale(trial, Sweep.runningMeta(trial, placement.attempt()), placement.where(), false));
        todo.add(new Sweep.Pending(trial, placement.attempt() + 1));
        continue;
      }
      if (record != null) {
        RunMeta meta = record.meta();
        attempts = Math.max(attempts, meta.attempt());
        if (meta.status() == RunStatus.OK) {
          ok++;
          reconciled.add(record);
          continue;
        }
        if (meta.status() == RunStatus.RUNNING) {
          Map<String, Object> where = placement != null && placement.attempt() == meta.attempt() ? placement.where() : Map.of();
          stale.add(new Stale(trial, meta, where, true));
        } else if (state == null || state.attempt() < meta.attempt() || state.status() != meta.status()) {
          reconciled.add(record);
        }
      }
      todo.add(new Sweep.Pending(trial, attempts + 1));
    }
    int unplanned = (int) known.keySet().stream().filter(k -> !planned.contains(k)).count();
    return new ResumeState(todo, ok, stale, reconciled, unplanned);
  }
}
