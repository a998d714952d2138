package dev.rigor.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One thread that samples {@code /proc} for every {@link ProcTree} at once, every {@value #INTERVAL_MS} ms. */
final class ProcSampler {

  static final long INTERVAL_MS = 100;

  private static final Set<ProcTree> TREES = ConcurrentHashMap.newKeySet();
  private static ScheduledExecutorService timer;

  private ProcSampler() {}

  static synchronized void attach(ProcTree tree) {
    TREES.add(tree);
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rigor-proc-sampler");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleWithFixedDelay(() -> sample(List.copyOf(TREES)), INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }
  }

  static synchronized void detach(ProcTree tree) {
    TREES.remove(tree);
    if (TREES.isEmpty() && timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  static void sampleNow(ProcTree tree) {
    sample(List.of(tree));
  }

  private static void sample(List<ProcTree> trees) {
    if (trees.isEmpty()) {
      return;
    }
    Map<Long, ProcFs.Stat> byPid = new HashMap<>();
    Map<Long, List<ProcFs.Stat>> children = new HashMap<>();
    for (ProcFs.Stat s : ProcFs.all()) {
      byPid.put(s.pid(), s);
      children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
    }
    for (ProcTree tree : trees) {
      tree.sample(byPid, children);
    }
  }
}
