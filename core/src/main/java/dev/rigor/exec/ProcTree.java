package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.store.Measurement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial followed through {@code /proc} when no cgroup is available: the tree is the main process,
 * its descendants, and every process ever seen in it (so that a daemonized grandchild, re-parented
 * away, is still signalled). CPU time and peak memory are sampled, so they are approximate: a
 * process that lives between two samples is missed, and limits cannot be enforced.
 */
final class ProcTree implements ProcessTree {

  private final Limits limits;
  private final Map<Long, Long> members = new HashMap<>(); // pid -> start ticks
  private Process main;
  private double cpuSeconds = -1;
  private long peakBytes = -1;

  ProcTree(Limits limits) {
    this.limits = limits;
  }

  @Override
  public Measurement measurement() {
    return Measurement.PROC;
  }

  @Override
  public List<String> wrap(List<String> argv) {
    return argv;
  }

  @Override
  public void attach(Process process) {
    synchronized (this) {
      this.main = process;
      ProcFs.Stat stat = ProcFs.stat(process.pid());
      if (stat != null) {
        members.put(stat.pid(), stat.startTicks());
        peakBytes = stat.rssBytes();
        cpuSeconds = stat.cpuSeconds();
      }
    }
    ProcSampler.attach(this);
  }

  /** Takes one sample from a snapshot of every process (grouped by parent pid). */
  synchronized void sample(Map<Long, ProcFs.Stat> byPid, Map<Long, List<ProcFs.Stat>> children) {
    List<ProcFs.Stat> alive = collect(byPid, children);
    if (alive.isEmpty()) {
      return;
    }
    long rss = 0;
    double cpu = 0;
    for (ProcFs.Stat s : alive) {
      rss += s.rssBytes();
      if (!members.containsKey(s.ppid()) || s.pid() == main.pid()) {
        cpu += s.cpuSeconds(); // roots of the tree: own time plus reaped descendants
      }
    }
    peakBytes = Math.max(peakBytes, rss);
    cpuSeconds = Math.max(cpuSeconds, cpu);
  }

  private List<ProcFs.Stat> collect(Map<Long, ProcFs.Stat> byPid, Map<Long, List<ProcFs.Stat>> children) {
    List<ProcFs.Stat> alive = new ArrayList<>();
    Deque<ProcFs.Stat> todo = new ArrayDeque<>();
    for (Map.Entry<Long, Long> m : members.entrySet()) {
      ProcFs.Stat s = byPid.get(m.getKey());
      if (s != null && s.startTicks() == m.getValue()) {
        todo.add(s);
      }
    }
    Map<Long, Boolean> seen = new HashMap<>();
    while (!todo.isEmpty()) {
      ProcFs.Stat s = todo.poll();
      if (seen.put(s.pid(), Boolean.TRUE) != null) {
        continue;
      }
      alive.add(s);
      members.putIfAbsent(s.pid(), s.startTicks());
      todo.addAll(children.getOrDefault(s.pid(), List.of()));
    }
    return alive;
  }

  @Override
  public void signalAll(boolean kill) {
    ProcSampler.sampleNow(this);
    Map<Long, Long> snapshot;
    synchronized (this) {
      snapshot = new HashMap<>(members);
    }
    snapshot.forEach((pid, ticks) -> ProcFs.signal(pid, ticks, kill));
  }

  @Override
  public boolean isEmpty() {
    synchronized (this) {
      for (Map.Entry<Long, Long> m : members.entrySet()) {
        ProcFs.Stat s = ProcFs.stat(m.getKey());
        if (s != null && s.startTicks() == m.getValue() && !isZombie(m.getKey())) {
          return false;
        }
      }
      return true;
    }
  }

  private static boolean isZombie(long pid) {
    try {
      String text = java.nio.file.Files.readString(ProcFs.PROC.resolve(Long.toString(pid)).resolve("stat"));
      return text.charAt(text.lastIndexOf(')') + 2) == 'Z';
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
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
}
