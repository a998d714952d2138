package dev.rigor.sweep;

import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.RunObserver;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.StaleRun;
import dev.rigor.plan.Trial;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.HostInfo;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Feeds trials to an executor under the sweep policies — at most {@code jobs} at once, retries,
 * fail-fast, interruption — and records every run in the ledger. All decisions are taken on the
 * calling thread; executors report completions through a queue, so the policy logic is sequential.
 */
public final class Sweep {

  /** A trial waiting to run, with the attempt number it will get and how often it already ran in this sweep. */
  public record Pending(Trial trial, int attempt, int triedInSweep) {

    public Pending(Trial trial, int attempt) {
      this(trial, attempt, 0);
    }
  }

  private static final Object WAKE_UP = new Object();

  /** A run stopped occupying a slot (its record may still be being written). */
  private record SlotFreed(Execution execution) {}

  /** An executor placed an attempt somewhere (RunObserver.placed): to be written to the ledger. */
  private record Placed(String runId, int attempt, Map<String, Object> where) {}

  private final Executor executor;
  private final Ledger ledger;
  private final ExperimentDirectory dir;
  private final SweepOptions options;
  private final SweepListener listener;
  private final LinkedBlockingQueue<Object> completions = new LinkedBlockingQueue<>();
  private volatile boolean interruptRequested;
  /** Runs a dead coordinator left running that the executor re-attached to, waited for like launched ones. */
  private final Map<Execution, Pending> adopted = new java.util.LinkedHashMap<>();

  public Sweep(Executor executor, Ledger ledger, ExperimentDirectory dir, SweepOptions options, SweepListener listener) {
    this.executor = executor;
    this.ledger = ledger;
    this.dir = dir;
    this.options = options;
    this.listener = listener;
  }

  /** Asks the sweep to stop: running trials are terminated and recorded as interrupted. Thread-safe. */
  public void interrupt() {
    interruptRequested = true;
    completions.add(WAKE_UP);
  }

  /**
   * Offers runs a dead coordinator left running to the executor ({@link Executor#adopt}); those it
   * re-attaches to are waited for by {@link #run} like launched ones. Returns their run ids. Asked
   * even when nothing is stale, so an executor can clean up what a dead coordinator placed without
   * recording it (a SLURM job submitted in the instant before the coordinator died).
   */
  Set<String> adopt(List<ResumeState.Stale> stale) {
    List<StaleRun> offered = new ArrayList<>();
    Map<String, Trial> trials = new java.util.HashMap<>();
    for (ResumeState.Stale s : stale) {
      offered.add(new StaleRun(request(s.trial(), s.meta().attempt()), s.meta(), s.placement()));
      trials.put(s.trial().runId(), s.trial());
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Execution e : executor.adopt(offered)) {
      RunRequest r = e.request();
      adopted.put(e, new Pending(r.trial(), r.attempt()));
      ids.add(r.trial().runId());
    }
    return ids;
  }

  /** Runs {@code todo} in order, and waits for the adopted runs; returns when every one has ended. */
  public SweepResult run(List<Pending> todo, int planned, int alreadyOk) {
    long start = System.nanoTime();
    Deque<Pending> queue = new ArrayDeque<>(todo);
    Set<Execution> running = new LinkedHashSet<>();
    Set<Execution> inSlots = new HashSet<>();
    Map<Execution, Pending> launched = new java.util.HashMap<>();
    adopted.forEach((e, p) -> {
      running.add(e);
      inSlots.add(e);
      launched.put(e, p);
      watch(e);
      listener.on(new SweepEvent.RunStarted(p.trial(), p.attempt()));
    });
    adopted.clear();
    Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
    List<RunRecord> failures = new ArrayList<>();
    SweepResult.Halt halt = null;
    while (!queue.isEmpty() || !running.isEmpty()) {
      if (halt == null && interruptRequested) {
        halt = halt(SweepResult.Halt.INTERRUPTED, "interrupted: stopping running trials", running, RunStatus.INTERRUPTED);
      }
      while (halt == null && inSlots.size() < options.jobs() && !queue.isEmpty()) {
        Pending p = queue.poll();
        Execution e = launch(p);
        running.add(e);
        inSlots.add(e);
        launched.put(e, p);
      }
      if (running.isEmpty()) {
        break;
      }
      Object event = next();
      if (event instanceof Placed placed) {
        ledger.place(placed.runId(), placed.attempt(), placed.where());
        continue;
      }
      if (event instanceof SlotFreed freed) {
        if (!options.failFast()) { // with fail-fast, a slot is reused only once the run's outcome is known
          inSlots.remove(freed.execution());
        }
        continue;
      }
      if (!(event instanceof Execution done)) {
        continue;
      }
      inSlots.remove(done);
      running.remove(done);
      Pending ran = launched.remove(done);
      RunRecord record = done.completion().join();
      ledger.record(record);
      Trial trial = done.request().trial();
      RunStatus status = record.meta().status();
      boolean retry = halt == null && !interruptRequested && status.isFailure() && ran.triedInSweep() + 1 <= options.retries();
      listener.on(new SweepEvent.RunFinished(trial, record, retry));
      if (retry) {
        queue.addFirst(new Pending(trial, done.request().attempt() + 1, ran.triedInSweep() + 1));
        continue;
      }
      counts.merge(status, 1, Integer::sum);
      if (status.isFailure()) {
        failures.add(record);
        if (options.failFast() && halt == null) {
          halt = halt(SweepResult.Halt.FAIL_FAST, "fail-fast: " + trial.runId() + " " + status.json()
              + (record.meta().error() == null ? "" : " (" + record.meta().error() + ")"), running, RunStatus.CANCELLED);
        }
      }
    }
    SweepResult result = new SweepResult(dir.root(), planned, alreadyOk, counts, failures, halt, (System.nanoTime() - start) / 1e9);
    listener.on(new SweepEvent.Finished(result));
    return result;
  }

  private Execution launch(Pending p) {
    ledger.record(new RunRecord(runningMeta(p.trial(), p.attempt()), null));
    Execution e = executor.start(request(p.trial(), p.attempt()));
    watch(e);
    listener.on(new SweepEvent.RunStarted(p.trial(), p.attempt()));
    return e;
  }

  private void watch(Execution e) {
    e.slotFreed().whenComplete((r, t) -> completions.add(new SlotFreed(e)));
    e.completion().whenComplete((r, t) -> completions.add(e));
  }

  /** An attempt to hand to the executor; where the executor places it reaches the ledger through the sweep's thread. */
  private RunRequest request(Trial trial, int attempt) {
    String runId = trial.runId();
    RunObserver observer = new RunObserver() {
      @Override
      public void placed(Map<String, Object> where) {
        completions.add(new Placed(runId, attempt, Map.copyOf(where)));
      }
    };
    return new RunRequest(trial, attempt, dir.run(runId), observer);
  }

  /** The ledger's view of a run while it runs (the run directory gets the full record from the executor). */
  static RunMeta runningMeta(Trial t, int attempt) {
    return new RunMeta(RunMeta.SCHEMA, t.runId(), t.trialKey(), null, t.variation().params(), t.variation().axes(), t.seed(),
        t.replicate(), t.variation().ablation().name(), t.variation().ablation().flags(), List.of(), null, HostInfo.hostname(),
        attempt, RunStatus.RUNNING, null, null, System.currentTimeMillis() / 1000.0, null, null, null, null, null, null,
        null, null, List.of(), null, ProcessHandle.current().pid());
  }

  private Object next() {
    try {
      return completions.take();
    } catch (InterruptedException e) {
      interruptRequested = true; // treated like SIGINT: terminate the running trials and wait for them
      return null;
    }
  }

  private SweepResult.Halt halt(SweepResult.Halt reason, String why, Set<Execution> running, RunStatus status) {
    listener.on(new SweepEvent.Halting(reason, why));
    for (Execution e : running) {
      e.terminate(status);
    }
    return reason;
  }
}
