package dev.rigor.exec.worker;

import dev.rigor.exec.Execution;
import dev.rigor.exec.Executor;
import dev.rigor.exec.ExecutorContext;
import dev.rigor.exec.ExecutorFactory;
import dev.rigor.exec.LocalExecutor;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.TrialSetup;
import dev.rigor.spec.WorkerSpec;
import dev.rigor.store.Measurement;
import dev.rigor.store.RunDirectory;
import dev.rigor.store.RunMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs trials on long-lived worker processes ({@code worker}, {@code python}, {@code java} with
 * {@code isolation: worker}; DESIGN.md §7): one worker per job slot, started when the slot first
 * gets a trial, reused, and replaced after it crashed, timed out, broke the protocol or ran
 * {@code max_trials}. Each worker is a process tree of its own (cgroup or /proc), created, measured
 * and stopped like a process trial's, so a dead coordinator's workers are found and stopped by the
 * next one exactly like its trials.
 */
public final class WorkerExecutor implements Executor {

  /** One job slot: at most one trial at a time, and its worker between trials. */
  static final class Slot {
    final int index;
    volatile Worker worker;
    int started;

    Slot(int index) {
      this.index = index;
    }

    String nextName() {
      return "worker" + index + "-" + (++started);
    }

    String lastName() {
      return "worker" + index + "-" + started;
    }
  }

  private final TrialSetup setup;
  private final WorkerSpec spec;
  private final WorkerProgram program;
  private final ProcessTrees trees;
  private final Path files;
  private final List<Slot> slots = new ArrayList<>();
  private final BlockingQueue<Slot> free = new LinkedBlockingQueue<>();
  private final ExecutorService threads;

  private WorkerExecutor(ExecutorContext context, WorkerProgram program, Path files) {
    this.setup = context.setup();
    this.spec = context.spec().worker();
    this.program = program;
    this.trees = context.trees();
    this.files = files;
    for (int i = 1; i <= context.jobs(); i++) {
      Slot slot = new Slot(i);
      slots.add(slot);
      free.add(slot);
    }
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "rigor-worker-trial-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens the executor for a {@code worker}, {@code python} or {@code java} (worker isolation) spec. */
  public static WorkerExecutor open(ExecutorContext context) throws IOException, ExecutorFactory.UnavailableException {
    // Socket paths are limited to ~100 bytes: the worker files live in a short temporary directory.
    Path files = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rigor-w");
    try {
      return new WorkerExecutor(context, WorkerPrograms.of(context, files), files);
    } catch (ExecutorFactory.UnavailableException | IOException | RuntimeException e) {
      deleteTree(files);
      throw e;
    }
  }

  TrialSetup setup() {
    return setup;
  }

  WorkerSpec spec() {
    return spec;
  }

  WorkerProgram program() {
    return program;
  }

  @Override
  public String name() {
    return spec.kind().key() + " workers";
  }

  @Override
  public String measurement() {
    return Measurement.WORKER.json() + " (" + trees.kind().json() + ")";
  }

  /** The sweep starts at most {@code jobs} runs at once and waits for a slot to be freed, so a slot is always free here. */
  @Override
  public Execution start(RunRequest request) {
    Slot slot = free.poll();
    if (slot == null) {
      throw new IllegalStateException("more concurrent runs than job slots");
    }
    WorkerRun run = new WorkerRun(request, this, slot);
    threads.execute(run);
    return run;
  }

  void release(Slot slot) {
    free.add(slot);
  }

  Worker startWorker(Slot slot, Supplier<Object> stopped) throws Worker.StartFailure, IOException {
    return Worker.start(program, trees, setup.limits(), files, slot.nextName(), spec.startupTimeout(), setup.killGrace(), stopped);
  }

  /** A worker that could not start: what it printed goes to the run that waited for it. */
  void copyFailedStart(Slot slot, RunDirectory dir) throws IOException {
    Path out = files.resolve(slot.lastName() + ".out");
    Path err = files.resolve(slot.lastName() + ".err");
    for (Path[] pair : new Path[][] {{out, dir.stdout()}, {err, dir.stderr()}}) {
      if (Files.exists(pair[0])) {
        Files.write(pair[1], Files.readAllBytes(pair[0]), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(pair[0]);
      }
    }
  }

  /** Ends a worker: asked to shut down when {@code graceful}, else stopped at once; its tree is removed. */
  void retire(Worker worker, boolean graceful) {
    if (graceful) {
      worker.shutdown(setup.killGrace());
    } else {
      worker.kill(setup.killGrace());
    }
    worker.release();
  }

  @Override
  public int reclaim(List<RunMeta> staleRuns) {
    return LocalExecutor.reclaim(trees, staleRuns);
  }

  /** Shuts every idle worker down (the sweep has ended or was interrupted; running trials were stopped first). */
  @Override
  public void close() {
    for (Slot slot : slots) {
      Worker w = slot.worker;
      if (w != null) {
        slot.worker = null;
        retire(w, w.alive());
      }
    }
    threads.shutdownNow(); // the coordinator closes the trees
    deleteTree(files);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory; the system cleans it eventually
    }
  }
}
