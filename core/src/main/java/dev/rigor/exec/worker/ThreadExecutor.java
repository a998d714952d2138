package dev.rigor.exec.worker;

import dev.rigor.api.Trial;
import dev.rigor.api.TrialResult;
import dev.rigor.exec.Attempts;
import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ExecutorFactory;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.SuccessCheck;
import dev.rigor.exec.TrialCommand;
import dev.rigor.exec.TrialSetup;
import dev.rigor.metrics.MetricExtractor;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import dev.rigor.store.RunMetrics;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import dev.rigor.store.SeriesFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code java} trials with {@code isolation: coordinator}: each trial runs on a thread of Rigor's own
 * JVM (no process, no socket: the fastest way to run a Java function), the class loaded once in a
 * class loader of its own, one instance per job slot. The price (docs/WRITING-TRIALS.md): a thread
 * cannot be killed, so a trial that ignores its cancellation past {@code kill_grace} is abandoned (its
 * run ends, the thread runs on), {@code System.exit} ends the sweep, an {@code OutOfMemoryError} hits
 * the coordinator's heap, and {@code System.out} is the console's: trials write to {@code ctx.stdout()}.
 */
public final class ThreadExecutor implements Executor {

  private final TrialSetup setup;
  private final Class<? extends Trial> trialClass;
  private final BlockingQueue<Slot> free = new LinkedBlockingQueue<>();
  private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
  private final AtomicInteger threads = new AtomicInteger();

  /** A job slot's trial instance (created on its first trial, dropped when a trial had to be abandoned). */
  private static final class Slot {
    Trial instance;
  }

  private ThreadExecutor(TrialSetup setup, Class<? extends Trial> trialClass, int jobs) {
    this.setup = setup;
    this.trialClass = trialClass;
    for (int i = 0; i < jobs; i++) {
      free.add(new Slot());
    }
  }

  public static ThreadExecutor open(ExecutorContext context) throws ExecutorFactory.UnavailableException {
    List<String> classpath = WorkerPrograms.userClasspath(context.spec().worker(), context.setup());
    try {
      return new ThreadExecutor(context.setup(), TrialLoader.load(context.spec().worker().javaClass(), classpath), context.jobs());
    } catch (TrialLoader.Unusable e) {
      throw new ExecutorFactory.UnavailableException(e.getMessage(), "fix java.class / java.classpath in the spec");
    }
  }

  @Override
  public String name() {
    return "java threads";
  }

  @Override
  public String measurement() {
    return Measurement.THREAD.json();
  }

  @Override
  public Execution start(RunRequest request) {
    Slot slot = free.poll();
    if (slot == null) {
      throw new IllegalStateException("more concurrent runs than job slots");
    }
    ThreadRun run = new ThreadRun(request, slot);
    Thread t = new Thread(run::run, "rigor-java-trial-" + threads.incrementAndGet());
    t.setDaemon(true);
    t.start();
    return run;
  }

  /** Nothing of a dead coordinator survives it: its threads died with it. */
  @Override
  public int reclaim(List<RunMeta> staleRuns) {
    return 0;
  }

  @Override
  public void close() {
    // trial threads are daemons; an abandoned one ends with the JVM
  }

  private final class ThreadRun implements Execution {
    private final RunRequest request;
    private final Slot slot;
    private final CompletableFuture<RunRecord> completion = new CompletableFuture<>();
    private final CompletableFuture<RunStatus> stop = new CompletableFuture<>();
    private final CompletableFuture<Void> slotFreed = new CompletableFuture<>();

    ThreadRun(RunRequest request, Slot slot) {
      this.request = request;
      this.slot = slot;
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
    public CompletableFuture<?> slotFreed() {
      return slotFreed;
    }

    @Override
    public void terminate(RunStatus reason) {
      stop.complete(reason);
    }

    void run() {
      RunRecord record;
      try {
        record = execute();
      } catch (IOException | RuntimeException e) {
        RunMeta failed = Attempts.startingMeta(request, setup.experiment(), List.of(), "")
            .finished(RunStatus.ERROR, null, null, Attempts.now(), 0, null, null, Measurement.NONE, "could not run the trial: " + e, null);
        try {
          request.directory().writeMeta(failed);
        } catch (IOException ignored) {
          // the run directory itself is unusable; the ledger still gets the record
        }
        record = new RunRecord(failed, RunMetrics.EMPTY);
      }
      freeSlot();
      completion.complete(record);
    }

    private void freeSlot() {
      if (!slotFreed.isDone()) {
        free.add(slot);
        slotFreed.complete(null);
      }
    }

    private RunRecord execute() throws IOException {
      RunDirectory dir = request.directory();
      dir.prepareAttempt();
      dir.writeParams(Attempts.paramsFile(request.trial()));
      long startNanos = System.nanoTime();
      RunMeta meta = Attempts.startingMeta(request, setup.experiment(), List.of(trialClass.getName()), setup.invocationDir().toString());
      RunStatus status;
      String error = null;
      Map<String, Object> returned = Map.of();
      Double cpuSeconds = null;
      try (PrintStream out = stream(dir.stdout()); PrintStream err = stream(dir.stderr()); OutputStream metrics = lazy(dir)) {
        ThreadContext ctx = new ThreadContext(request, out, err, metrics);
        CompletableFuture<TrialResult> result = new CompletableFuture<>();
        long[] cpuNanos = {-1};
        Thread trialThread = new Thread(() -> {
          long before = cpu.getCurrentThreadCpuTime();
          try {
            Thread.currentThread().setContextClassLoader(trialClass.getClassLoader());
            if (slot.instance == null) {
              slot.instance = TrialLoader.instantiate(trialClass);
            }
            result.complete(slot.instance.run(ctx));
          } catch (Throwable t) { // the trial's own failure ends only its run
            result.completeExceptionally(t);
          } finally {
            cpuNanos[0] = cpu.getCurrentThreadCpuTime() - before;
          }
        }, Thread.currentThread().getName() + "-body");
        trialThread.setDaemon(true);
        trialThread.start();
        RunStatus stopped = await(result, ctx, trialThread);
        if (stopped != null) {
          status = stopped;
          boolean abandoned = !result.isDone();
          if (abandoned) {
            slot.instance = null; // still in use by the abandoned thread
          }
          error = Attempts.stopped(stopped, setup.timeout(), abandoned
              ? "the trial did not return within kill_grace; its thread was abandoned (isolation: coordinator cannot kill a thread)"
              : "the trial returned when cancelled");
        } else {
          try {
            TrialResult r = result.get();
            returned = r == null ? Map.of() : r.metrics();
            status = r == null || r.failure() == null ? RunStatus.OK : RunStatus.FAILED;
            error = r == null ? null : r.failure();
          } catch (ExecutionException e) {
            String trace = Context.stackTrace(e.getCause());
            err.println(trace);
            status = RunStatus.ERROR;
            error = trace;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = RunStatus.INTERRUPTED;
          }
          cpuSeconds = cpuNanos[0] >= 0 ? cpuNanos[0] / 1e9 : null;
        }
      }
      freeSlot();
      double wall = (System.nanoTime() - startNanos) / 1e9;
      Function<String, String> placeholders = TrialCommand.placeholders(request.trial(), dir);
      MetricExtractor.Extraction extraction = MetricExtractor.extract(setup.metrics(), dir, placeholders, returned);
      if (status == RunStatus.OK) {
        error = SuccessCheck.failure(setup.success(), 0, dir.root(), extraction.metrics(), placeholders);
        status = error == null ? RunStatus.OK : RunStatus.FAILED;
      }
      dir.writeMetrics(extraction.metrics());
      if (!extraction.series().isEmpty()) {
        SeriesFile.write(dir.series(), extraction.series());
      }
      RunMeta end = meta.finished(status, null, null, meta.startTimeUnixS() + wall, wall, cpuSeconds, null, Measurement.THREAD, error, null);
      dir.writeMeta(end);
      return new RunRecord(end, extraction.metrics());
    }

    /** Waits for the trial; on a stop or timeout cancels and interrupts it, and gives it kill_grace. Returns why it was stopped, or null. */
    private RunStatus await(CompletableFuture<TrialResult> result, ThreadContext ctx, Thread trialThread) {
      long deadline = setup.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + setup.timeout().toNanos();
      while (true) {
        try {
          result.get(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))), TimeUnit.MILLISECONDS);
          return null;
        } catch (ExecutionException e) {
          return null;
        } catch (TimeoutException e) {
          RunStatus reason = stop.getNow(null);
          if (reason == null && System.nanoTime() >= deadline) {
            reason = RunStatus.TIMEOUT;
          }
          if (reason != null) {
            ctx.cancel();
            trialThread.interrupt();
            try {
              result.get(setup.killGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
              // stopped with an exception, or not at all: either way the run ends with the reason
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
            }
            return reason;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return RunStatus.INTERRUPTED;
        }
      }
    }

    private PrintStream stream(java.nio.file.Path file) throws IOException {
      return new PrintStream(new BufferedOutputStream(Files.newOutputStream(file)), false, StandardCharsets.UTF_8);
    }

    /** The run's metrics lines, opened on the first line. */
    private OutputStream lazy(RunDirectory dir) {
      return new OutputStream() {
        private OutputStream out;

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (out == null) {
            out = Files.newOutputStream(dir.metricsStream(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          if (out != null) {
            out.close();
          }
        }
      };
    }
  }

  /** A trial's context on a coordinator thread: metrics lines go to the run's metrics file and to the sweep. */
  private static final class ThreadContext extends Context {
    private final RunRequest request;
    private final OutputStream metrics;

    ThreadContext(RunRequest request, PrintStream out, PrintStream err, OutputStream metrics) {
      super(request.trial().runId(), request.trial().variation().params(), request.trial().seed(), request.trial().replicate(),
          request.trial().variation().ablation().name(), request.directory().root(), request.directory().out(), out, err);
      this.request = request;
      this.metrics = metrics;
    }

    @Override
    synchronized void emit(Map<String, Object> line) {
      try {
        metrics.write(Protocol.mapper().writeValueAsBytes(line));
        metrics.write('\n');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot append to the run's metrics: " + e.getMessage(), e);
      }
      request.observer().metrics(line);
    }
  }
}
