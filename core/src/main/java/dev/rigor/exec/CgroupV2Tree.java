package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.store.Measurement;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * A trial in a slot of cgroup v2 ({@link CgroupPool}): CPU from {@code cpu.stat}, peak from
 * {@code memory.peak} (Linux 5.19+), limits through {@code memory.max} and {@code cpu.max}, and the
 * whole tree killed at once through {@code cgroup.kill} (Linux 5.14+). What a trial reports is its own:
 * <ul>
 *   <li>CPU time: {@code usage_usec} now minus its value when the trial took the slot;
 *   <li>peak memory: the trial holds {@code memory.peak} open and writes to it, which (Linux 6.12+)
 *       resets the peak seen through that descriptor to the current usage; the usage charged when the
 *       trial took the slot is subtracted, as in cgroup v1. Where the kernel refuses the reset, the
 *       file's peak covers the cgroup's whole life, so such a slot is used once: a fresh cgroup per trial;
 *   <li>an OOM kill: {@code oom_kill} of {@code memory.events} rose during the trial.
 * </ul>
 */
final class CgroupV2Tree implements ProcessTree {

  private static final long CPU_PERIOD_US = 100_000;

  /** One slot: the cgroup a trial runs in, and the limits it was last set to. */
  static final class Slot implements CgroupPool.Slot {
    final Path dir;
    private Long memoryLimit;
    private Double cpus;
    /** False once a trial found that memory.peak cannot be reset here: the slot is then not reused. */
    private boolean reusable = true;
    /** Counters read once the last trial's tree was empty (they cannot change while the slot is idle), or null. */
    private Long idleCpuMicros;
    private Long idleOomKills;
    /** The last trial's tree was seen empty: nothing can have entered it since. */
    private boolean knownEmpty;

    Slot(Cgroups.V2 base, String name) throws IOException {
      this.dir = Files.createDirectories(base.base().resolve(name));
    }

    boolean configure(Limits limits) {
      try {
        if (!Objects.equals(memoryLimit, limits.memoryBytes())) {
          Cgroups.write(dir.resolve("memory.max"), limits.memoryBytes() == null ? "max" : Long.toString(limits.memoryBytes()));
          Path swap = dir.resolve("memory.swap.max");
          if (Files.exists(swap)) {
            Cgroups.write(swap, limits.memoryBytes() == null ? "max" : "0");
          }
          memoryLimit = limits.memoryBytes();
        }
        if (!Objects.equals(cpus, limits.cpus())) {
          String quota = limits.cpus() == null ? "max" : Long.toString(Math.max(1000, Math.round(limits.cpus() * CPU_PERIOD_US)));
          Cgroups.write(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
          cpus = limits.cpus();
        }
        return true;
      } catch (IOException e) {
        memoryLimit = null;
        cpus = null;
        return false;
      }
    }

    boolean empty() {
      Long populated = Cgroups.readKey(dir.resolve("cgroup.events"), "populated");
      return populated != null ? populated == 0 : Cgroups.procs(dir).isEmpty();
    }

    @Override
    public boolean recycle() {
      if (!reusable || (!knownEmpty && !empty())) {
        return false;
      }
      Long left = Cgroups.readLong(dir.resolve("memory.current"));
      if (left != null && left > CgroupV1Tree.RESIDUE_LIMIT) {
        try {
          Cgroups.write(dir.resolve("memory.reclaim"), Long.toString(left));
        } catch (IOException e) {
          // the kernel could not reclaim it all (or has no memory.reclaim): the trial's own figure still subtracts it
        }
      }
      return true;
    }

    @Override
    public void discard() {
      kill(dir);
      ProcessTrees.reclaim(dir);
    }
  }

  private final String id;
  private final CgroupPool<Slot> pool;
  private final Slot slot;
  private final Limits limits;
  private final boolean limitsOk;
  private final FileChannel peak;
  private final long cpuMicrosBefore;
  private final long chargedBefore;
  private final long oomKillsBefore;
  /** Set once the tree was seen empty: no process can enter it again, so the counters read after are final. */
  private volatile boolean emptySeen;
  private volatile Long finalCpuMicros;
  private volatile Long finalOomKills;
  private boolean closed;

  CgroupV2Tree(CgroupPool<Slot> pool, String id, Limits limits) throws IOException {
    this.id = id;
    this.pool = pool;
    this.slot = pool.acquire();
    this.limits = limits;
    this.limitsOk = slot.configure(limits);
    this.peak = resetPeak(slot);
    this.chargedBefore = orZero(Cgroups.readLong(slot.dir.resolve("memory.current")));
    this.cpuMicrosBefore = slot.idleCpuMicros != null ? slot.idleCpuMicros : orZero(cpuMicros());
    this.oomKillsBefore = slot.idleOomKills != null ? slot.idleOomKills : orZero(oomKills());
    slot.idleCpuMicros = null;
    slot.idleOomKills = null;
    slot.knownEmpty = false;
  }

  private Long cpuMicros() {
    return Cgroups.readKey(slot.dir.resolve("cpu.stat"), "usage_usec");
  }

  private Long oomKills() {
    return Cgroups.readKey(slot.dir.resolve("memory.events"), "oom_kill");
  }

  /**
   * Opens {@code memory.peak} and resets it for this descriptor; null when there is no such file. When
   * the kernel refuses the reset, the descriptor is kept (it reads the peak since the cgroup was made)
   * and the slot is marked for replacement after this trial.
   */
  private static FileChannel resetPeak(Slot slot) {
    FileChannel channel;
    try {
      channel = FileChannel.open(slot.dir.resolve("memory.peak"), StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException readOnly) {
      slot.reusable = false; // before Linux 6.12: the file cannot be written, its peak is the cgroup's whole life
      try {
        return FileChannel.open(slot.dir.resolve("memory.peak"), StandardOpenOption.READ);
      } catch (IOException e) {
        return null;
      }
    }
    try {
      channel.write(ByteBuffer.wrap("reset\n".getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      slot.reusable = false;
    }
    return channel;
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
    return Measurement.CGROUP_V2;
  }

  @Override
  public Process start(ProcessBuilder builder) throws IOException {
    return builder.command(Cgroups.joinAndExec(List.of(slot.dir), builder.command())).start();
  }

  @Override
  public void attach(Process main) {
    // the wrapper joined the cgroup before exec
  }

  @Override
  public void signalAll(boolean kill) {
    if (!kill || !kill(slot.dir)) {
      Cgroups.signalAll(slot.dir, kill);
    }
  }

  /** Kills every process of the cgroup at once through {@code cgroup.kill}; false where the kernel has no such file. */
  private static boolean kill(Path dir) {
    Path killFile = dir.resolve("cgroup.kill");
    if (Files.exists(killFile)) {
      try {
        Cgroups.write(killFile, "1");
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    return false;
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
    Long usec = cpuMicros();
    if (complete) {
      finalCpuMicros = usec;
    }
    Long bytes = readPeak();
    return new Usage(usec == null ? null : Math.max(0, usec - cpuMicrosBefore) / 1e6, bytes == null ? null : Math.max(0, bytes - chargedBefore));
  }

  private synchronized Long readPeak() {
    if (peak == null || closed) {
      return null;
    }
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      peak.read(buffer, 0);
      return Long.parseLong(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim());
    } catch (IOException | RuntimeException e) {
      return null;
    }
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
    if (oomKills == null || oomKills <= oomKillsBefore) {
      return null;
    }
    return limits.memoryBytes() == null ? "out of memory (killed by the kernel)"
        : "out of memory: the trial's processes exceeded limits.memory (" + Sizes.format(limits.memoryBytes()) + ")";
  }

  @Override
  public List<String> cgroups() {
    return List.of(slot.dir.toString());
  }

  /** Gives the slot back to the pool: reused when the trial left nothing in it, else its processes are killed and it is removed. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    slot.knownEmpty = emptySeen;
    slot.idleCpuMicros = emptySeen ? finalCpuMicros : null;
    slot.idleOomKills = emptySeen ? finalOomKills : null;
    if (peak != null) {
      try {
        peak.close();
      } catch (IOException e) {
        // a cgroup file: nothing was buffered
      }
    }
    pool.release(slot);
  }
}
