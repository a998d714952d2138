package dev.rigor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.RunRequest;
import dev.rigor.plan.Planner;
import dev.rigor.plan.Trial;
import dev.rigor.spec.BudgetSpec;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.Ledger;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bound docs/BUDGET.md states, checked on hundreds of random sweeps: random per-run costs
 * (spend streamed in random increments, some runs far costlier than others), random report
 * intervals and random parallelism, with and without a per-run limit and with a budget carried over
 * from earlier sessions. For every sweep: the total spend never exceeds the limit by more than the
 * last increment of each run stopped by the budget; no run passes the per-run limit by more than its
 * last increment; every run's spend is counted exactly once; and the sweep stops launching only when
 * no reservation fits. The first part drives {@link Budget} alone in random interleavings; the second
 * runs the real {@link Sweep} (with its SQLite ledger) over an executor whose trials are threads
 * that stream their spend through the {@code RunObserver}, as a process's {@code $RIGOR_METRICS} does.
 */
class BudgetPropertyTest {

  private static final double TOLERANCE = 1e-9;

  @TempDir Path tmp;

  /** One simulated run: the cumulative spends it would report, if never stopped. */
  private record Script(double[] cumulative) {

    static Script random(SplittableRandom rnd, double scale) {
      int reports = 1 + rnd.nextInt(12);
      double[] c = new double[reports];
      double sum = 0;
      double runScale = rnd.nextInt(5) == 0 ? scale * (2 + rnd.nextDouble() * 4) : scale; // some runs cost far more
      for (int i = 0; i < reports; i++) {
        sum += rnd.nextInt(6) == 0 ? 0 : rnd.nextDouble() * runScale;
        c[i] = sum;
      }
      return new Script(c);
    }

    double lastIncrementAt(int i) {
      return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }
  }

  @Test
  void theBudgetAloneNeverOvershootsInRandomInterleavings() {
    SplittableRandom rnd = new SplittableRandom(20_02);
    int halted = 0;
    for (int c = 0; c < 600; c++) {
      double scale = 0.01 + rnd.nextDouble();
      double limit = rnd.nextDouble() * 40 * scale;
      Double perRun = rnd.nextBoolean() ? null : scale * (0.5 + rnd.nextDouble() * 6);
      double before = rnd.nextInt(4) == 0 ? rnd.nextDouble() * limit : 0;
      Ledger.Spend carried = before == 0 ? Ledger.Spend.NONE : new Ledger.Spend(before, before / 3, 3);
      Budget budget = new Budget(new BudgetSpec("cost_usd", limit, perRun), carried);
      int jobs = 1 + rnd.nextInt(6);
      List<Script> todo = new ArrayList<>();
      for (int i = 0, n = 1 + rnd.nextInt(30); i < n; i++) {
        todo.add(Script.random(rnd, scale));
      }
      halted += simulate(c, budget, todo, jobs, rnd, before, limit, perRun) ? 1 : 0;
    }
    assertThat(halted).as("cases that ran out of budget (the property is not vacuous)").isGreaterThan(100);
  }

  /** Runs {@code todo} against {@code budget} in a random interleaving of reports and ends; returns whether it halted. */
  private static boolean simulate(int c, Budget budget, List<Script> todo, int jobs, SplittableRandom rnd, double before, double limit,
      Double perRun) {
    record Live(Script script, Budget.Reservation reservation, int[] next) {}
    List<Live> live = new ArrayList<>();
    double total = before;
    double excess = 0; // what stopped runs reported past their crossing point: the documented slack
    int launched = 0;
    boolean finishedOne = before > 0;
    boolean halted = false;
    while (launched < todo.size() || !live.isEmpty()) {
      while (!halted && launched < todo.size() && live.size() < jobs) {
        Budget.Reservation r = budget.reserve();
        if (r == null) {
          if (live.isEmpty()) {
            assertThat(budget.exhausted()).as("case %d: nothing in flight and nothing fits", c).isTrue();
            double reservation = budget.nextReservation();
            assertThat(Double.isNaN(reservation) ? budget.spent() >= limit - TOLERANCE : budget.spent() + reservation > limit - TOLERANCE)
                .as("case %d: halted although a reservation fit", c).isTrue();
            halted = true;
          }
          break;
        }
        if (perRun == null && !finishedOne) {
          assertThat(live).as("case %d: one run at a time until one has finished", c).isEmpty();
        }
        live.add(new Live(todo.get(launched++), r, new int[] {0}));
      }
      if (live.isEmpty()) {
        break;
      }
      Live l = live.get(rnd.nextInt(live.size()));
      double[] cum = l.script().cumulative();
      int i = l.next()[0];
      boolean stop = false;
      if (i < cum.length) {
        stop = l.reservation().report(cum[i]);
        l.next()[0]++;
      }
      if (stop || l.next()[0] >= cum.length && rnd.nextInt(3) == 0) {
        double spend = i < cum.length ? cum[i] : cum[cum.length - 1];
        if (stop) {
          excess += l.script().lastIncrementAt(i);
          if (perRun != null) {
            assertThat(spend - l.script().lastIncrementAt(i)).as("case %d: stopped only after its first report past the limit", c)
                .isLessThanOrEqualTo(perRun + TOLERANCE);
          }
        } else if (perRun != null) {
          assertThat(spend).as("case %d: a run that was not stopped stayed within the per-run limit", c).isLessThanOrEqualTo(perRun + TOLERANCE);
        }
        l.reservation().finish(spend);
        total += spend;
        finishedOne = true;
        live.remove(l);
      }
      assertThat(budget.spentLive()).as("case %d: live spend within the bound", c).isLessThanOrEqualTo(limit + excess + Math.max(0, before - limit) + TOLERANCE * (1 + limit));
    }
    assertThat(budget.spent()).as("case %d: every run counted once", c).isCloseTo(total, org.assertj.core.data.Offset.offset(TOLERANCE * (1 + total)));
    if (before <= limit) {
      assertThat(total).as("case %d: total within limit + the stopped runs' last increments", c).isLessThanOrEqualTo(limit + excess + TOLERANCE * (1 + limit));
    }
    return halted;
  }

  /** A trial of the simulated backend: a thread that streams its script to the observer and stops when terminated. */
  private static final class SimulatedRun implements Execution {
    private final RunRequest request;
    private final Script script;
    private final CompletableFuture<RunRecord> completion = new CompletableFuture<>();
    private volatile RunStatus stop;
    volatile int reportsAfterStop;
    volatile double lastIncrement;

    SimulatedRun(RunRequest request, Script script) {
      this.request = request;
      this.script = script;
    }

    void run(SplittableRandom rnd, Runnable ending) {
      double spent = 0;
      for (int i = 0; i < script.cumulative().length; i++) {
        if (stop != null) {
          break;
        }
        if (rnd.nextInt(3) == 0) {
          Thread.yield(); // a random report interval: other runs report in between
        }
        spent = script.cumulative()[i];
        lastIncrement = script.lastIncrementAt(i);
        request.observer().metrics(Map.of("cost_usd", spent));
      }
      RunStatus status = stop != null ? stop : RunStatus.OK;
      Trial t = request.trial();
      RunMeta meta = new RunMeta(RunMeta.SCHEMA, t.runId(), t.trialKey(), "prop", t.variation().params(), t.variation().axes(), t.seed(),
          t.replicate(), t.variation().ablation().name(), t.variation().ablation().flags(), List.of(), null, "sim", request.attempt(),
          RunStatus.RUNNING, null, null, 0.0, null, null, null, null, null, null, null, null, List.of(), null, 1L, null)
          .finished(status, 0, null, 0, 0, null, null, Measurement.NONE, null, null).withSpend(spent);
      ending.run(); // counted as ended before the sweep can learn it did
      completion.complete(new RunRecord(meta, new RunMetrics(Map.of("cost_usd", spent), List.of())));
    }

    @Override
    public RunRequest request() {
      return request;
    }

    @Override
    public CompletableFuture<RunRecord> completion() {
      return completion;
    }

    @Override
    public void terminate(RunStatus reason) {
      if (stop == null) {
        stop = reason;
      }
    }
  }

  /** Runs trials as {@link SimulatedRun}s on threads; records the most runs in flight before the first one ended. */
  private static final class SimulatedExecutor implements Executor {
    final Map<String, SimulatedRun> runs = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostBeforeFirstEnd = new AtomicInteger();
    volatile boolean oneEnded;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Script> scripts;
    private final long seed;

    SimulatedExecutor(Map<String, Script> scripts, long seed) {
      this.scripts = scripts;
      this.seed = seed;
    }

    @Override
    public String name() {
      return "simulated";
    }

    @Override
    public String measurement() {
      return "none";
    }

    @Override
    public Execution start(RunRequest request) {
      SimulatedRun run = new SimulatedRun(request, scripts.get(request.trial().runId()));
      runs.put(request.trial().runId(), run);
      int now = inFlight.incrementAndGet();
      if (!oneEnded) {
        mostBeforeFirstEnd.accumulateAndGet(now, Math::max);
      }
      SplittableRandom rnd = new SplittableRandom(seed ^ request.trial().keyBits());
      threads.execute(() -> run.run(rnd, () -> {
        inFlight.decrementAndGet();
        oneEnded = true;
      }));
      return run;
    }

    @Override
    public int reclaim(List<RunMeta> staleRuns) {
      return 0;
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }

  @Test
  void theSweepNeverOvershootsWithRunsReportingConcurrently() throws Exception {
    SplittableRandom rnd = new SplittableRandom(2);
    int halted = 0;
    int stopped = 0;
    for (int c = 0; c < 200; c++) {
      int trials = 1 + rnd.nextInt(16);
      int jobs = 1 + rnd.nextInt(6);
      double scale = 0.01 + rnd.nextDouble();
      double limit = rnd.nextDouble() * 25 * scale;
      Double perRun = rnd.nextBoolean() ? null : scale * (0.5 + rnd.nextDouble() * 6);
      List<Trial> plan = Planner.plan(SpecLoader.parse("prop.yaml", """
          name: prop
          command: [sim]
          replicates: %d
          budget: {limit: %s%s}
          """.formatted(trials, limit, perRun == null ? "" : ", per_run_limit: " + perRun), List.of()).spec()).trials();
      Map<String, Script> scripts = new ConcurrentHashMap<>();
      List<Sweep.Pending> todo = new ArrayList<>();
      for (Trial t : plan) {
        scripts.put(t.runId(), Script.random(rnd, scale));
        todo.add(new Sweep.Pending(t, 1));
      }
      ExperimentDirectory dir = new ExperimentDirectory(tmp.resolve("case" + c));
      SimulatedExecutor executor = new SimulatedExecutor(scripts, rnd.nextLong());
      Budget budget = new Budget(new BudgetSpec("cost_usd", limit, perRun), Ledger.Spend.NONE);
      SweepResult result;
      double recorded;
      try (Ledger ledger = Ledger.open(dir.ledger()); executor) {
        result = new Sweep(executor, ledger, dir, new SweepOptions(jobs, 0, false), SweepListener.NONE, budget).run(todo, trials, 0);
        recorded = ledger.spend().total();
      }
      double total = 0;
      double excess = 0;
      for (SimulatedRun run : executor.runs.values()) {
        RunRecord r = run.completion().join();
        total += r.meta().spend();
        if (r.meta().status() == RunStatus.COST_LIMIT) {
          excess += run.lastIncrement;
          stopped++;
          if (perRun != null) {
            assertThat(r.meta().spend() - run.lastIncrement).as("case %d: stopped at its first report past the per-run limit", c)
                .isLessThanOrEqualTo(perRun + TOLERANCE);
          }
        } else if (perRun != null) {
          assertThat(r.meta().spend()).as("case %d: within the per-run limit", c).isLessThanOrEqualTo(perRun + TOLERANCE);
        }
      }
      assertThat(recorded).as("case %d: the ledger counts every run once", c).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(result.spending().spent()).as("case %d", c).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(total).as("case %d: total within limit + the stopped runs' last increments", c)
          .isLessThanOrEqualTo(limit + excess + TOLERANCE * (1 + limit));
      if (perRun == null) {
        assertThat(executor.mostBeforeFirstEnd.get()).as("case %d: one run at a time until one has finished", c).isLessThanOrEqualTo(1);
      }
      if (result.halt() == SweepResult.Halt.BUDGET) {
        halted++;
        assertThat(result.notRun()).isPositive();
        assertThat(result.exitCode()).isEqualTo(3);
      } else {
        assertThat(result.notRun()).as("case %d: without a halt every trial ran", c).isZero();
      }
    }
    assertThat(halted).as("sweeps that ran out of budget").isGreaterThan(30);
    assertThat(stopped).as("runs stopped for their spend").isGreaterThan(30);
  }
}
