package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.store.Measurement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trial followed through {@code /proc} when no cgroup is available. Its tree is every process
 * that descends from the main process, or that carries the tree's id in its environment
 * ({@value ProcessTree#ENV}, inherited by every descendant — so a daemon that double-forked and
 * called setsid is still found), or that was seen in it before. CPU time and peak memory are
 * sampled every {@value ProcSampler#INTERVAL_MS} ms, so they are approximate (a process that lives
 * between two samples is missed), and limits cannot be enforced.
 */
final class ProcTree implements ProcessTree {

  private final String id;
  private final Limits limits;
  /** A member whose start time is not known yet (the main process until the first sample). */
  private static final long UNKNOWN = -1;

  private final Map<Long, Long> members = new HashMap<>(); // pid -> start ticks
  private Process main;
  private double cpuSeconds = -1;
  private long peakBytes = -1;

  ProcTree(String id, Limits limits) {
    this.id = id;
    this.limits = limits;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Measurement measurement() {
    return Measurement.PROC;
  }

  @Override
  public Process start(ProcessBuilder builder) throws java.io.IOException {
    return builder.start();
  }

  @Override
  public void attach(Process process) {
    synchronized (this) {
      main = process;
      members.put(process.pid(), UNKNOWN);
    }
    ProcSampler.attach(this);
  }

  /** Takes one sample from a snapshot of every process. */
  synchronized void sample(ProcSampler.Snapshot snapshot) {
    List<ProcFs.Stat> alive = collect(snapshot);
    if (alive.isEmpty()) {
      return;
    }
    long rss = 0;
    double cpu = 0;
    for (ProcFs.Stat s : alive) {
      rss += s.rssBytes();
      cpu += s.cpuSeconds(); // own time plus reaped children's; a live child is not yet in its parent's
    }
    peakBytes = Math.max(peakBytes, rss);
    cpuSeconds = Math.max(cpuSeconds, cpu);
  }

  private List<ProcFs.Stat> collect(ProcSampler.Snapshot snapshot) {
    Deque<ProcFs.Stat> todo = new ArrayDeque<>();
    for (Map.Entry<Long, Long> m : members.entrySet()) {
      ProcFs.Stat s = snapshot.byPid().get(m.getKey());
      if (s != null && (m.getValue() == UNKNOWN || s.startTicks() == m.getValue())) {
        m.setValue(s.startTicks());
        todo.add(s);
      }
    }
    todo.addAll(snapshot.tagged(id));
    List<ProcFs.Stat> alive = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      ProcFs.Stat s = todo.poll();
      if (!seen.add(s.pid())) {
        continue;
      }
      alive.add(s);
      members.putIfAbsent(s.pid(), s.startTicks());
      todo.addAll(snapshot.children().getOrDefault(s.pid(), List.of()));
    }
    return alive;
  }

  @Override
  public void signalAll(boolean kill) {
    ProcSampler.sampleNow(this);
    Map<Long, Long> snapshot;
    synchronized (this) {
      snapshot = new HashMap<>(members);
      snapshot.keySet().removeIf(this::reaped);
    }
    snapshot.forEach((pid, ticks) -> ProcFs.signal(pid, ticks, kill));
  }

  /**
   * Whether the main process has ended and the JDK has reaped it: its pid is then free, or another
   * process's, so it is neither looked up (a failed open and an exception on every short trial) nor
   * signalled (it may never have been sampled, so its start time could not tell a reused pid).
   */
  private boolean reaped(long pid) {
    return main != null && pid == main.pid() && !main.isAlive();
  }

  @Override
  public synchronized boolean isEmpty() {
    for (Map.Entry<Long, Long> m : members.entrySet()) {
      if (reaped(m.getKey())) {
        continue;
      }
      ProcFs.Stat s = ProcFs.stat(m.getKey());
      if (s != null && (m.getValue() == UNKNOWN || s.startTicks() == m.getValue()) && !ProcFs.isZombie(m.getKey())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized Usage usage() {
    return new Usage(cpuSeconds < 0 ? null : cpuSeconds, peakBytes < 0 ? null : peakBytes);
  }

  @Override
  public Boolean limitsEnforced() {
    return limits.any() ? Boolean.FALSE : null;
  }

  @Override
  public String killedBecause() {
    return null;
  }

  @Override
  public List<String> cgroups() {
    return List.of();
  }

  @Override
  public void close() {
    ProcSampler.detach(this);
  }

  /** Kills every process whose tree id starts with {@code prefix} (an experiment's orphans); returns how many trees. */
  static int killTagged(String prefix) {
    Set<String> trees = new HashSet<>();
    for (ProcFs.Stat s : ProcFs.all()) {
      String tree = ProcFs.environment(s.pid(), ProcessTree.ENV);
      if (tree != null && tree.startsWith(prefix) && s.pid() != ProcessHandle.current().pid()) {
        ProcFs.signal(s.pid(), s.startTicks(), true);
        trees.add(tree);
      }
    }
    return trees.size();
  }
}
