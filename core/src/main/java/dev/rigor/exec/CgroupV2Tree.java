package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.store.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trial in its own cgroup v2 with the cpu and memory controllers: CPU from {@code cpu.stat},
 * peak from {@code memory.peak} (Linux 5.19+), limits through {@code memory.max} and
 * {@code cpu.max}, and the whole tree killed at once through {@code cgroup.kill} (Linux 5.14+).
 */
final class CgroupV2Tree implements ProcessTree {

  private static final long CPU_PERIOD_US = 100_000;

  private final String id;
  private final Path dir;
  private final Limits limits;
  private final boolean limitsOk;

  CgroupV2Tree(Cgroups.V2 base, String id, String name, Limits limits) throws IOException {
    this.id = id;
    this.dir = Files.createDirectories(base.base().resolve(name));
    this.limits = limits;
    this.limitsOk = applyLimits();
  }

  private boolean applyLimits() {
    try {
      if (limits.memoryBytes() != null) {
        Files.writeString(dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
        Path swap = dir.resolve("memory.swap.max");
        if (Files.exists(swap)) {
          Files.writeString(swap, "0");
        }
      }
      if (limits.cpus() != null) {
        long quota = Math.max(1000, Math.round(limits.cpus() * CPU_PERIOD_US));
        Files.writeString(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Measurement measurement() {
    return Measurement.CGROUP_V2;
  }

  @Override
  public Process start(ProcessBuilder builder) throws IOException {
    return builder.command(Cgroups.joinAndExec(List.of(dir), builder.command())).start();
  }

  /** The spawner runs a small wrapper that joins the cgroup and execs {@code argv} (v2 moves processes, not threads). */
  @Override
  public Process start(List<String> argv, Spawner spawner) throws IOException {
    return spawner.spawn(Cgroups.joinAndExec(List.of(dir), argv));
  }

  @Override
  public void attach(Process main) {
    // the wrapper joined the cgroup before exec
  }

  @Override
  public void signalAll(boolean kill) {
    Path killFile = dir.resolve("cgroup.kill");
    if (kill && Files.exists(killFile)) {
      try {
        Files.writeString(killFile, "1");
        return;
      } catch (IOException e) {
        // fall back to signalling each process
      }
    }
    Cgroups.signalAll(dir, kill);
  }

  @Override
  public boolean isEmpty() {
    Long populated = Cgroups.readKey(dir.resolve("cgroup.events"), "populated");
    return populated != null ? populated == 0 : Cgroups.procs(dir).isEmpty();
  }

  @Override
  public Usage usage() {
    Long usec = Cgroups.readKey(dir.resolve("cpu.stat"), "usage_usec");
    Long peak = Cgroups.readLong(dir.resolve("memory.peak"));
    return new Usage(usec == null ? null : usec / 1e6, peak);
  }

  @Override
  public Boolean limitsEnforced() {
    return limits.any() ? limitsOk : null;
  }

  @Override
  public String killedBecause() {
    Long oomKills = Cgroups.readKey(dir.resolve("memory.events"), "oom_kill");
    if (oomKills == null || oomKills == 0) {
      return null;
    }
    return limits.memoryBytes() == null ? "out of memory (killed by the kernel)"
        : "out of memory: the trial's processes exceeded limits.memory (" + Sizes.format(limits.memoryBytes()) + ")";
  }

  @Override
  public List<String> cgroups() {
    return List.of(dir.toString());
  }

  @Override
  public void close() {
    Cgroups.remove(dir);
  }
}
