package dev.rigor.exec;

import dev.rigor.store.RunMeta;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs trials as local process trees, each attempt on its own thread (the sweep bounds how many
 * run at once). Processes are started with the JDK's {@code VFORK} launch mechanism where it exists
 * (JDK 17–21; set in {@code Main}), which halves the cost of starting a short trial.
 */
public final class LocalExecutor implements Executor {

  private final TrialSetup setup;
  private final ProcessTrees trees;
  private final ExecutorService threads;

  public LocalExecutor(TrialSetup setup, ProcessTrees trees) {
    this.setup = setup;
    this.trees = trees;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "rigor-trial-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String measurement() {
    return trees.kind().json();
  }

  @Override
  public Execution start(RunRequest request) {
    LocalRun run = new LocalRun(request, setup, trees);
    threads.execute(run);
    return run;
  }

  @Override
  public int reclaim(List<RunMeta> staleRuns) {
    return reclaim(trees, staleRuns);
  }

  /**
   * Stops every process tree of this experiment left by a dead coordinator (tagged processes, cgroups,
   * and the pids and cgroups recorded in the stale runs' meta.json); for every backend whose trials run
   * in local process trees.
   */
  public static int reclaim(ProcessTrees trees, List<RunMeta> staleRuns) {
    int stopped = trees.reclaimAll();
    for (RunMeta meta : staleRuns) {
      for (String cgroup : meta.cgroups()) {
        Path dir = Path.of(cgroup);
        if (dir.toFile().isDirectory()) {
          ProcessTrees.reclaim(dir);
          stopped++;
        }
      }
      if (meta.pid() != null && meta.cgroups().isEmpty()) {
        stopped += OrphanKiller.killTree(meta.pid(), meta.pidStartTicks() == null ? -1 : meta.pidStartTicks());
      }
    }
    return stopped;
  }

  @Override
  public void close() {
    threads.shutdownNow(); // the coordinator closes the trees (and their cgroup slots)
  }
}
