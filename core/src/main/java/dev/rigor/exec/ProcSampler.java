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

/**
 * One thread that samples {@code /proc} for every {@link ProcTree} at once, every
 * {@value #INTERVAL_MS} ms. The tree id in a process's environment is read once per process and
 * remembered (by pid and start time).
 */
final class ProcSampler {

  static final long INTERVAL_MS = 100;

  /** Every process at one instant, by pid, by parent, and by tree id. */
  record Snapshot(Map<Long, ProcFs.Stat> byPid, Map<Long, List<ProcFs.Stat>> children, Map<String, List<ProcFs.Stat>> byTree) {

    List<ProcFs.Stat> tagged(String treeId) {
      return byTree.getOrDefault(treeId, List.of());
    }
  }

  private record Tag(long startTicks, String tree) {}

  private static final Set<ProcTree> TREES = ConcurrentHashMap.newKeySet();
  private static final Map<Long, Tag> TAGS = new ConcurrentHashMap<>();
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

  /** Stops following {@code tree}; the sampler thread stays (idle) for the next trial. */
  static void detach(ProcTree tree) {
    TREES.remove(tree);
  }

  static void sampleNow(ProcTree tree) {
    sample(List.of(tree));
  }

  private static void sample(List<ProcTree> trees) {
    if (trees.isEmpty()) {
      TAGS.clear();
      return;
    }
    Snapshot snapshot = snapshot();
    for (ProcTree tree : trees) {
      tree.sample(snapshot);
    }
  }

  static Snapshot snapshot() {
    Map<Long, ProcFs.Stat> byPid = new HashMap<>();
    Map<Long, List<ProcFs.Stat>> children = new HashMap<>();
    Map<String, List<ProcFs.Stat>> byTree = new HashMap<>();
    for (ProcFs.Stat s : ProcFs.all()) {
      byPid.put(s.pid(), s);
      children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
      Tag tag = TAGS.get(s.pid());
      if (tag == null || tag.startTicks() != s.startTicks()) {
        tag = new Tag(s.startTicks(), ProcFs.environment(s.pid(), ProcessTree.ENV));
        TAGS.put(s.pid(), tag);
      }
      if (tag.tree() != null) {
        byTree.computeIfAbsent(tag.tree(), k -> new ArrayList<>()).add(s);
      }
    }
    TAGS.keySet().retainAll(byPid.keySet());
    return new Snapshot(byPid, children, byTree);
  }
}
