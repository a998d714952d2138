package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.store.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trial in a slot of cgroup v1 children of {@code cpuacct} (CPU time), {@code memory} (peak usage,
 * memory limit) and, when a CPU limit is asked for, {@code cpu} (CFS quota). The slot's cgroups are
 * reused trial after trial ({@link CgroupPool}); what a trial reports is its own:
 * <ul>
 *   <li>CPU time: {@code cpuacct.usage} now minus its value when the trial took the slot;
 *   <li>peak memory: {@code memory.max_usage_in_bytes} is reset (written 0: it restarts from the
 *       current usage) when the trial takes the slot, and the usage then charged — page cache and
 *       kernel objects earlier trials left charged to the slot — is subtracted. So the figure is
 *       what the trial added, as a fresh cgroup would count it (a fresh cgroup is not charged again
 *       for page cache that earlier trials had read either). Leftover charges above
 *       {@link #RESIDUE_LIMIT} are reclaimed ({@code memory.force_empty}) when a slot is released,
 *       which bounds what a trial may find charged;
 *   <li>an OOM kill: {@code oom_kill} of {@code memory.oom_control} rose during the trial
 *       ({@code memory.failcnt}, reset per trial, on kernels without that counter).
 * </ul>
 */
final class CgroupV1Tree implements ProcessTree {

  private static final long CFS_PERIOD_US = 100_000;

  /** Charges left in a released slot above which they are reclaimed before the slot is reused. */
  static final long RESIDUE_LIMIT = 16L << 20;

  /** One slot: the cgroup v1 directories a trial runs in, and the limits they were last set to. */
  static final class Slot implements CgroupPool.Slot {
    private final Cgroups.V1 base;
    private final String name;
    final Path cpuacct;
    final Path memory;
    private Path cpu;
    private Long memoryLimit;
    private Double cpus;
    /** Counters read once the last trial's tree was empty (they cannot change while the slot is idle), or null. */
    private Long idleCpuNanos;
    private Long idleOomKills;
    /** The last trial's tree was seen empty: nothing can have entered it since. */
    private boolean knownEmpty;

    Slot(Cgroups.V1 base, String name) throws IOException {
      this.base = base;
      this.name = name;
      this.cpuacct = Files.createDirectories(base.cpuacct().resolve(name));
      try {
        this.memory = Files.createDirectories(base.memory().resolve(name));
      } catch (IOException e) {
        Cgroups.remove(cpuacct);
        throw e;
      }
    }

    /** Sets the slot's limits to {@code limits} (only what changed is written); false when one cannot be enforced. */
    boolean configure(Limits limits) {
      boolean ok = true;
      try {
        if (!Objects.equals(memoryLimit, limits.memoryBytes())) {
          setMemoryLimit(limits.memoryBytes() == null ? "-1" : Long.toString(limits.memoryBytes()));
          memoryLimit = limits.memoryBytes();
        }
      } catch (IOException e) {
        ok = false;
        memoryLimit = null;
      }
      if (!Objects.equals(cpus, limits.cpus())) {
        ok &= setCpuQuota(limits.cpus());
      }
      return ok;
    }

    /** memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes: the order of the two writes depends on the direction. */
    private void setMemoryLimit(String value) throws IOException {
      Path limit = memory.resolve("memory.limit_in_bytes");
      Path swap = memory.resolve("memory.memsw.limit_in_bytes");
      if (!Files.exists(swap)) {
        Cgroups.write(limit, value);
        return;
      }
      try {
        Cgroups.write(limit, value);
        Cgroups.write(swap, value);
      } catch (IOException raising) {
        Cgroups.write(swap, value);
        Cgroups.write(limit, value);
      }
    }

    private boolean setCpuQuota(Double wanted) {
      try {
        if (cpu == null && wanted != null) {
          boolean separate = base.cpu() != null && !base.cpu().equals(base.cpuacct());
          cpu = separate ? Files.createDirectories(base.cpu().resolve(name)) : cpuacct;
        }
        if (cpu != null) {
          Path quota = cpu.resolve("cpu.cfs_quota_us");
          if (!Files.exists(quota)) {
            return wanted == null;
          }
          Cgroups.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_US));
          Cgroups.write(quota, wanted == null ? "-1" : Long.toString(Math.max(1000, Math.round(wanted * CFS_PERIOD_US))));
        }
        cpus = wanted;
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /** The cpu cgroup a trial must join for its CPU limit, or null. */
    private Path limitedCpu() {
      return cpus != null && cpu != null && !cpu.equals(cpuacct) ? cpu : null;
    }

    private List<Path> dirs() {
      List<Path> out = new ArrayList<>(List.of(cpuacct, memory));
      if (cpu != null && !cpu.equals(cpuacct)) {
        out.add(cpu);
      }
      return out;
    }

    boolean empty() {
      return Cgroups.noProcs(memory) && Cgroups.noProcs(cpuacct) && (limitedCpu() == null || Cgroups.noProcs(cpu));
    }

    @Override
    public boolean recycle() {
      if (!knownEmpty && !empty()) {
        return false;
      }
      Long left = Cgroups.readLong(memory.resolve("memory.usage_in_bytes"));
      if (left != null && left > RESIDUE_LIMIT) {
        try {
          Cgroups.write(memory.resolve("memory.force_empty"), "0");
        } catch (IOException e) {
          return false; // cannot bound what the next trial would find charged: start afresh
        }
      }
      return true;
    }

    @Override
    public void discard() {
      dirs().forEach(ProcessTrees::reclaim);
    }
  }

  private final String id;
  private final CgroupPool<Slot> pool;
  private final Slot slot;
  private final Limits limits;
  private final boolean limitsOk;
  private final long cpuNanosBefore;
  private final long chargedBefore;
  private final long oomKillsBefore;
  /** Set once the tree was seen empty: no process can enter it again, so the counters read after are final. */
  private volatile boolean emptySeen;
  private volatile Long finalCpuNanos;
  private volatile Long finalOomKills;
  private boolean closed;

  CgroupV1Tree(CgroupPool<Slot> pool, String id, Limits limits) throws IOException {
    this.id = id;
    this.pool = pool;
    this.slot = pool.acquire();
    this.limits = limits;
    try {
      this.limitsOk = slot.configure(limits);
      Cgroups.write(slot.memory.resolve("memory.max_usage_in_bytes"), "0");
      if (slot.memoryLimit != null) {
        Cgroups.write(slot.memory.resolve("memory.failcnt"), "0");
      }
    } catch (IOException | RuntimeException e) {
      pool.drop(slot);
      throw e;
    }
    this.chargedBefore = orZero(Cgroups.readLong(slot.memory.resolve("memory.usage_in_bytes")));
    this.cpuNanosBefore = slot.idleCpuNanos != null ? slot.idleCpuNanos : orZero(Cgroups.readLong(slot.cpuacct.resolve("cpuacct.usage")));
    this.oomKillsBefore = slot.idleOomKills != null ? slot.idleOomKills : orZero(oomKills());
    slot.idleCpuNanos = null;
    slot.idleOomKills = null;
    slot.knownEmpty = false;
  }

  private Long oomKills() {
    return Cgroups.readKey(slot.memory.resolve("memory.oom_control"), "oom_kill");
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Measurement measurement() {
    return Measurement.CGROUP_V1;
  }

  /**
   * Moves the launching thread into the trial's cgroups for the spawn ({@link LaunchingThread}),
   * which is cheaper than a shell prefix and charges the trial far less foreign work (a few dozen
   * microseconds of the JVM's spawn instead of a shell's start-up); falls back to the shell prefix
   * if the thread cannot be moved.
   */
  @Override
  public Process start(ProcessBuilder builder) throws IOException {
    List<LaunchingThread.Placement> placements = new ArrayList<>(List.of(
        new LaunchingThread.Placement(slot.cpuacct, slot.base.cpuacct().getParent()),
        new LaunchingThread.Placement(slot.memory, slot.base.memory().getParent())));
    Path cpu = slot.limitedCpu();
    if (cpu != null) {
      placements.add(new LaunchingThread.Placement(cpu, slot.base.cpu().getParent()));
    }
    try {
      return LaunchingThread.startInside(placements, builder);
    } catch (LaunchingThread.CannotJoin threadsCannotMove) {
      List<Path> join = placements.stream().map(LaunchingThread.Placement::trial).toList();
      return builder.command(Cgroups.joinAndExec(join, builder.command())).start();
    }
  }

  @Override
  public void attach(Process main) {
    // the wrapper joined the cgroups before exec; nothing to follow
  }

  @Override
  public void signalAll(boolean kill) {
    Cgroups.signalAll(slot.memory, kill);
    Cgroups.signalAll(slot.cpuacct, kill); // the same processes, unless one was moved out of the memory cgroup
  }

  @Override
  public boolean isEmpty() {
    if (!emptySeen && slot.empty()) {
      emptySeen = true;
    }
    return emptySeen;
  }

  @Override
  public Usage usage() {
    boolean complete = emptySeen;
    Long ns = Cgroups.readLong(slot.cpuacct.resolve("cpuacct.usage"));
    if (complete) {
      finalCpuNanos = ns;
    }
    Long peak = Cgroups.readLong(slot.memory.resolve("memory.max_usage_in_bytes"));
    return new Usage(ns == null ? null : Math.max(0, ns - cpuNanosBefore) / 1e9, peak == null ? null : Math.max(0, peak - chargedBefore));
  }

  @Override
  public Boolean limitsEnforced() {
    return limits.any() ? limitsOk : null;
  }

  @Override
  public String killedBecause() {
    boolean complete = emptySeen;
    Long oomKills = oomKills();
    if (complete) {
      finalOomKills = oomKills;
    }
    boolean oom = oomKills != null ? oomKills > oomKillsBefore : limits.memoryBytes() != null && failures();
    if (!oom) {
      return null;
    }
    return limits.memoryBytes() == null ? "out of memory (killed by the kernel)"
        : "out of memory: the trial's processes exceeded limits.memory (" + Sizes.format(limits.memoryBytes()) + ")";
  }

  private boolean failures() {
    Long failures = Cgroups.readLong(slot.memory.resolve("memory.failcnt"));
    return failures != null && failures > 0;
  }

  @Override
  public List<String> cgroups() {
    List<String> out = new ArrayList<>(List.of(slot.cpuacct.toString(), slot.memory.toString()));
    Path cpu = slot.limitedCpu();
    if (cpu != null) {
      out.add(cpu.toString());
    }
    return out;
  }

  /** Gives the slot back to the pool: reused when the trial left nothing in it, else its processes are killed and it is removed. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      slot.knownEmpty = emptySeen;
      slot.idleCpuNanos = emptySeen ? finalCpuNanos : null;
      slot.idleOomKills = emptySeen ? finalOomKills : null;
      pool.release(slot);
    }
  }
}
