package dev.rigor.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops the process tree of a run whose coordinator died, when the run was not in a cgroup: the
 * recorded main process (if it is still the same process: its start time matches) and every
 * descendant of it.
 */
final class OrphanKiller {

  private OrphanKiller() {}

  /** Kills the tree rooted at {@code pid}; returns 1 when something was killed. */
  static int killTree(long pid, long startTicks) {
    ProcFs.Stat root = ProcFs.stat(pid);
    if (root == null || (startTicks >= 0 && root.startTicks() != startTicks)) {
      return 0;
    }
    Map<Long, List<ProcFs.Stat>> children = new HashMap<>();
    for (ProcFs.Stat s : ProcFs.all()) {
      children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
    }
    List<ProcFs.Stat> tree = new ArrayList<>();
    Deque<ProcFs.Stat> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      ProcFs.Stat s = todo.poll();
      tree.add(s);
      todo.addAll(children.getOrDefault(s.pid(), List.of()));
    }
    for (ProcFs.Stat s : tree) {
      ProcFs.signal(s.pid(), s.startTicks(), true);
    }
    return 1;
  }
}
