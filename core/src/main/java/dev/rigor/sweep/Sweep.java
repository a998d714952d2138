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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds trials to an executor under the sweep policies — at most {@code jobs} at once, retries
 * with backoff, the budget, fail-fast, interruption — and records every run in the ledger. All
 * decisions are taken on the calling thread; executors report completions (and streamed spend)
 * through a queue, so the policy logic is sequential. The budget's arithmetic is {@link Budget}'s.
 */
public final class Sweep {

  /** A trial waiting to run, with the attempt number it will get and how often it already ran in this sweep. */
  public record Pending(Trial trial, int attempt, int triedInSweep) {

    public Pending(Trial trial, int attempt) {
      this(trial, attempt, 0);
    }
  }

  private static final Object WAKE_UP = new Object();

  /**
   * How often streamed spend wakes the sweep just to show the new total. Waking it for every report
   * would put a wake-up on the launch path of every short trial (a 15-20% slower sweep of trivial
   * trials on a loaded machine); the total is also shown whenever the sweep wakes anyway.
   */
  private static final long SPEND_EVENT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** A run stopped occupying a slot (its record may still be being written). */
  private record SlotFreed(Execution execution) {}

  /** A run was terminated for its spend (told to the listener on the sweep's thread). */
  private record CostStop(Trial trial, String why) {}

  /** A retry waiting for its backoff to pass; {@code previous} is the run it retries. */
  private record Delayed(Pending pending, long dueNanos, RunRecord previous) {}

  /** An executor placed an attempt somewhere (RunObserver.placed): to be written to the ledger. */
  private record Placed(String runId, int attempt, Map<String, Object> where) {}

  private final Executor executor;
  private final Ledger ledger;
  private final ExperimentDirectory dir;
  private final SweepOptions options;
  private final SweepListener listener;
  private Budget budget;
  private final RetryPolicy retries;
  private final LinkedBlockingQueue<Object> completions = new LinkedBlockingQueue<>();
  private final AtomicBoolean spendReported = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicLong lastSpendWake = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
  private volatile boolean interruptRequested;
  /** Runs a dead coordinator left running that the executor re-attached to, waited for like launched ones. */
  private final Map<Execution, Pending> adopted = new java.util.LinkedHashMap<>();

  public Sweep(Executor executor, Ledger ledger, ExperimentDirectory dir, SweepOptions options, SweepListener listener) {
    this(executor, ledger, dir, options, listener, null);
  }

  /** @param budget the experiment's budget, already charged with what it spent before; {@code null} for none */
  public Sweep(Executor executor, Ledger ledger, ExperimentDirectory dir, SweepOptions options, SweepListener listener, Budget budget) {
    this.executor = executor;
    this.ledger = ledger;
    this.dir = dir;
    this.options = options;
    this.listener = listener;
    this.budget = budget;
    this.retries = new RetryPolicy(options.retries(), options.retryRule(), new SplittableRandom());
  }

  /**
   * Sets the budget once the resume has recorded what earlier runs spent (the sweep exists before
   * that, to re-attach to runs a dead coordinator left): before {@link #run}.
   */
  void useBudget(Budget budget) {
    this.budget = budget;
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
    PriorityQueue<Delayed> delayed = new PriorityQueue<>(Comparator.comparingLong(Delayed::dueNanos));
    Set<Execution> running = new LinkedHashSet<>();
    Set<Execution> inSlots = new HashSet<>();
    Map<Execution, Pending> launched = new HashMap<>();
    Map<Execution, Budget.Reservation> reservations = new HashMap<>();
    adopted.forEach((e, p) -> { // re-attached runs hold no reservation: the budget is refused with the executors that adopt (slurm)
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
    spent();
    while (!queue.isEmpty() || !running.isEmpty() || !delayed.isEmpty()) {
      if (halt == null && interruptRequested) {
        halt = halt(SweepResult.Halt.INTERRUPTED, "interrupted: stopping running trials", running, RunStatus.INTERRUPTED);
      }
      if (halt != null) {
        queue.clear();
        giveUp(delayed, counts, failures);
      }
      while (!delayed.isEmpty() && delayed.peek().dueNanos() <= System.nanoTime()) {
        queue.addFirst(delayed.poll().pending());
      }
      while (halt == null && inSlots.size() < options.jobs() && !queue.isEmpty()) {
        Budget.Reservation reservation = null;
        if (budget != null) {
          reservation = budget.reserve();
          if (reservation == null) {
            if (running.isEmpty() && budget.exhausted()) {
              halt = SweepResult.Halt.BUDGET;
              listener.on(new SweepEvent.Halting(halt, budgetHalt(queue.size() + delayed.size())));
            }
            break; // wait for a run in flight to end and release its reservation
          }
        }
        Pending p = queue.poll();
        Execution e = launch(p, reservation);
        running.add(e);
        inSlots.add(e);
        launched.put(e, p);
        if (reservation != null) {
          reservations.put(e, reservation);
        }
      }
      if (halt != null) {
        queue.clear();
        giveUp(delayed, counts, failures);
      }
      if (running.isEmpty() && (queue.isEmpty() || halt != null) && delayed.isEmpty()) {
        break;
      }
      if (spendReported.getAndSet(false)) {
        spent();
      }
      Object event = next(delayed.isEmpty() ? -1 : delayed.peek().dueNanos() - System.nanoTime());
      if (event instanceof CostStop stop) {
        listener.on(new SweepEvent.CostStopped(stop.trial(), stop.why()));
        continue;
      }
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
      RunRecord record = charge(done, done.completion().join(), reservations.remove(done));
      ledger.record(record);
      Trial trial = done.request().trial();
      RunStatus status = record.meta().status();
      String why = halt == null && !interruptRequested ? retries.why(record.meta(), ran.triedInSweep(), done.request().directory()) : null;
      listener.on(new SweepEvent.RunFinished(trial, record, why != null));
      if (why != null) {
        Pending next = new Pending(trial, done.request().attempt() + 1, ran.triedInSweep() + 1);
        Duration wait = retries.backoff(next.triedInSweep());
        listener.on(new SweepEvent.RetryWaiting(trial, next.attempt(), wait.toNanos() / 1e9, why));
        if (wait.isZero()) {
          queue.addFirst(next);
        } else {
          delayed.add(new Delayed(next, System.nanoTime() + wait.toNanos(), record));
        }
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
    spent();
    SweepResult.Spending spending = budget == null ? null : new SweepResult.Spending(budget.spec().metric(), budget.spent(),
        budget.spec().limit(), budget.spec().perRunLimit(), budget.nextReservation());
    SweepResult result = new SweepResult(dir.root(), planned, alreadyOk, counts, failures, halt, (System.nanoTime() - start) / 1e9, spending);
    listener.on(new SweepEvent.Finished(result));
    return result;
  }

  private Execution launch(Pending p, Budget.Reservation reservation) {
    ledger.record(new RunRecord(runningMeta(p.trial(), p.attempt()), null));
    SpendObserver spend = reservation == null ? null : new SpendObserver(p.trial(), reservation);
    Execution e = executor.start(request(p.trial(), p.attempt(), spend));
    if (spend != null) {
      spend.started(e);
    }
    watch(e);
    listener.on(new SweepEvent.RunStarted(p.trial(), p.attempt()));
    return e;
  }

  /**
   * Counts what an ended run spent against the budget. The executor records the spend in meta.json
   * (the last streamed value of the budget's metric); a backend that did not gets it written here,
   * from the run's metrics or, failing those, from what it streamed.
   */
  private RunRecord charge(Execution done, RunRecord record, Budget.Reservation reservation) {
    if (reservation == null) {
      return record;
    }
    Double spend = record.meta().spend();
    if (spend == null) { // not recorded by this executor
      Object value = record.metrics().values().get(budget.spec().metric());
      spend = value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : reservation.current();
      record = new RunRecord(record.meta().withSpend(spend), record.metrics());
      try {
        done.request().directory().writeMeta(record.meta());
      } catch (IOException e) {
        listener.on(new SweepEvent.Warning("cannot record the spend of " + record.meta().runId() + " in its meta.json: "
            + e.getMessage() + " (the ledger has it)", List.of()));
      }
    }
    reservation.finish(spend);
    spendReported.set(true); // shown when the sweep next waits, once per wake-up however many runs ended
    if (record.meta().status() == RunStatus.COST_LIMIT && reservation.stopReason() != null) {
      record = new RunRecord(record.meta().withStatus(RunStatus.COST_LIMIT, "stopped: " + reservation.stopReason()), record.metrics());
      try {
        done.request().directory().writeMeta(record.meta());
      } catch (IOException e) {
        // the executor's meta.json stands, with its generic reason; the ledger has this one
      }
    }
    return record;
  }

  /** Retries still waiting when the sweep stops: their last runs are final. */
  private static void giveUp(PriorityQueue<Delayed> delayed, Map<RunStatus, Integer> counts, List<RunRecord> failures) {
    for (Delayed d; (d = delayed.poll()) != null; ) {
      counts.merge(d.previous().meta().status(), 1, Integer::sum);
      failures.add(d.previous());
    }
  }

  private String budgetHalt(int notRun) {
    double reservation = budget.nextReservation();
    double left = budget.spec().limit() - budget.spent();
    return "budget: spent " + Budget.amount(budget.spent()) + " of " + Budget.amount(budget.spec().limit()) + " " + budget.spec().metric()
        + (Double.isNaN(reservation) ? "" : "; the next run would reserve " + Budget.amount(reservation) + " and "
            + Budget.amount(Math.max(0, left)) + " is left")
        + "; not launching the " + notRun + " remaining trial(s)";
  }

  private void spent() {
    if (budget != null) {
      listener.on(new SweepEvent.Spent(budget.spec().metric(), budget.spentLive(), budget.spec().limit(), budget.spec().perRunLimit()));
    }
  }

  private void watch(Execution e) {
    e.slotFreed().whenComplete((r, t) -> completions.add(new SlotFreed(e)));
    e.completion().whenComplete((r, t) -> completions.add(e));
  }

  /** An attempt to hand to the executor; where the executor places it reaches the ledger through the sweep's thread. */
  private RunRequest request(Trial trial, int attempt) {
    return request(trial, attempt, null);
  }

  /** {@code spend}: where streamed metrics go when the sweep has a budget ({@code null}: nowhere). */
  private RunRequest request(Trial trial, int attempt, SpendObserver spend) {
    String runId = trial.runId();
    RunObserver observer = new RunObserver() {
      @Override
      public void metrics(Map<String, Object> values) {
        if (spend != null) {
          spend.metrics(values);
        }
      }

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
        null, null, List.of(), null, ProcessHandle.current().pid(), null);
  }

  /** Waits for the next event; at most {@code timeoutNanos} when it is not negative (then null on timeout). */
  private Object next(long timeoutNanos) {
    try {
      return timeoutNanos < 0 ? completions.take() : completions.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
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

  /**
   * Hands a run's streamed spend to its reservation, on the executor's thread: a run past a limit is
   * terminated there and then (the sweep thread may be waiting for another run), and the sweep is
   * woken to show the new total.
   */
  private final class SpendObserver implements RunObserver {

    private final Trial trial;
    private final Budget.Reservation reservation;
    private final CompletableFuture<Execution> execution = new CompletableFuture<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    SpendObserver(Trial trial, Budget.Reservation reservation) {
      this.trial = trial;
      this.reservation = reservation;
    }

    @Override
    public void metrics(Map<String, Object> values) {
      if (!(values.get(budget.spec().metric()) instanceof Number n) || values.containsKey("step")) {
        return;
      }
      if (reservation.report(n.doubleValue())) {
        stop(started());
      }
      spendReported.set(true);
      long now = System.nanoTime();
      long last = lastSpendWake.get();
      if (now - last >= SPEND_EVENT_NANOS && lastSpendWake.compareAndSet(last, now)) {
        completions.add(WAKE_UP);
      }
    }

    /** The execution exists now. */
    void started(Execution e) {
      execution.complete(e);
    }

    /**
     * The execution, waiting the moment between the executor's start and {@link #started} if a report
     * comes that early: the stop then still reaches the run before its next report. A backend that
     * reported from inside {@code start} would wait for nothing, so the wait is bounded.
     */
    private Execution started() {
      try {
        return execution.get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return null;
      }
    }

    private void stop(Execution e) {
      if (e != null && !stopped.getAndSet(true)) {
        e.terminate(RunStatus.COST_LIMIT);
        completions.add(new CostStop(trial, reservation.stopReason()));
      }
    }
  }
}
