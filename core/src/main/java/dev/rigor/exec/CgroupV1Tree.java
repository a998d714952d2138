package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.store.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial in its own cgroup v1 children of {@code cpuacct} (CPU time), {@code memory} (peak usage,
 * memory limit) and, when a CPU limit is asked for, {@code cpu} (CFS quota). Peak memory is the
 * kernel's {@code memory.max_usage_in_bytes}: resident memory plus page cache charged to the tree.
 */
final class CgroupV1Tree implements ProcessTree {

  private static final long CFS_PERIOD_US = 100_000;

  private final String id;
  private final Cgroups.V1 base;
  private final Path cpuacct;
  private final Path memory;
  private final Path cpu;
  private final Limits limits;
  private final boolean limitsOk;

  CgroupV1Tree(Cgroups.V1 base, String id, String name, Limits limits) throws IOException {
    this.id = id;
    this.base = base;
    this.cpuacct = Files.createDirectories(base.cpuacct().resolve(name));
    this.memory = Files.createDirectories(base.memory().resolve(name));
    boolean separateCpu = limits.cpus() != null && base.cpu() != null && !base.cpu().equals(base.cpuacct());
    this.cpu = separateCpu ? Files.createDirectories(base.cpu().resolve(name)) : null;
    this.limits = limits;
    this.limitsOk = applyLimits();
  }

  private boolean applyLimits() {
    boolean ok = true;
    try {
      if (limits.memoryBytes() != null) {
        Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
        Path swap = memory.resolve("memory.memsw.limit_in_bytes");
        if (Files.exists(swap)) {
          Files.writeString(swap, Long.toString(limits.memoryBytes()));
        }
      }
      if (limits.cpus() != null) {
        Path dir = cpu != null ? cpu : cpuacct;
        Path quota = dir.resolve("cpu.cfs_quota_us");
        if (!Files.exists(quota)) {
          ok = false;
        } else {
          Files.writeString(dir.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_US));
          Files.writeString(quota, Long.toString(Math.max(1000, Math.round(limits.cpus() * CFS_PERIOD_US))));
        }
      }
    } catch (IOException e) {
      ok = false;
    }
    return ok;
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
    List<LaunchingThread.Placement> placements = placements();
    try {
      return LaunchingThread.startInside(placements, builder);
    } catch (LaunchingThread.CannotJoin threadsCannotMove) {
      List<Path> join = placements.stream().map(LaunchingThread.Placement::trial).toList();
      return builder.command(Cgroups.joinAndExec(join, builder.command())).start();
    }
  }

  /** As {@link #start(ProcessBuilder)}: the spawner runs on this thread, moved into the cgroups (a fork inherits them). */
  @Override
  public Process start(List<String> argv, Spawner spawner) throws IOException {
    List<LaunchingThread.Placement> placements = placements();
    try {
      return LaunchingThread.startInside(placements, () -> spawner.spawn(argv));
    } catch (LaunchingThread.CannotJoin threadsCannotMove) {
      return spawner.spawn(Cgroups.joinAndExec(placements.stream().map(LaunchingThread.Placement::trial).toList(), argv));
    }
  }

  private List<LaunchingThread.Placement> placements() {
    List<LaunchingThread.Placement> placements = new ArrayList<>(List.of(
        new LaunchingThread.Placement(cpuacct, base.cpuacct().getParent()),
        new LaunchingThread.Placement(memory, base.memory().getParent())));
    if (cpu != null) {
      placements.add(new LaunchingThread.Placement(cpu, base.cpu().getParent()));
    }
    return placements;
  }

  @Override
  public void attach(Process main) {
    // the wrapper joined the cgroups before exec; nothing to follow
  }

  @Override
  public void signalAll(boolean kill) {
    Cgroups.signalAll(memory, kill);
  }

  @Override
  public boolean isEmpty() {
    return Cgroups.procs(memory).isEmpty() && Cgroups.procs(cpuacct).isEmpty();
  }

  @Override
  public Usage usage() {
    Long ns = Cgroups.readLong(cpuacct.resolve("cpuacct.usage"));
    Long peak = Cgroups.readLong(memory.resolve("memory.max_usage_in_bytes"));
    return new Usage(ns == null ? null : ns / 1e9, peak);
  }

  @Override
  public Boolean limitsEnforced() {
    return limits.any() ? limitsOk : null;
  }

  @Override
  public String killedBecause() {
    Long oomKills = Cgroups.readKey(memory.resolve("memory.oom_control"), "oom_kill");
    Long failures = Cgroups.readLong(memory.resolve("memory.failcnt"));
    boolean oom = (oomKills != null && oomKills > 0) || (limits.memoryBytes() != null && failures != null && failures > 0 && oomKills == null);
    if (!oom) {
      return null;
    }
    return limits.memoryBytes() == null ? "out of memory (killed by the kernel)"
        : "out of memory: the trial's processes exceeded limits.memory (" + Sizes.format(limits.memoryBytes()) + ")";
  }

  @Override
  public List<String> cgroups() {
    List<String> out = new ArrayList<>(List.of(cpuacct.toString(), memory.toString()));
    if (cpu != null) {
      out.add(cpu.toString());
    }
    return out;
  }

  @Override
  public void close() {
    for (Path dir : cpu == null ? List.of(cpuacct, memory) : List.of(cpuacct, memory, cpu)) {
      Cgroups.remove(dir);
    }
  }
}
