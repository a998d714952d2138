package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.spec.MeasureMode;
import dev.rigor.store.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Chooses, once per executor, how trial trees are contained and measured — cgroup v2 (cpu and
 * memory controllers), else cgroup v1 (cpuacct + memory), else {@code /proc} sampling — and gives
 * each run a tree. Cgroups are not made per run: a pool of per-slot cgroups under
 * {@code rigor/<experiment key>/} is reused trial after trial ({@link CgroupPool}), each tree
 * reporting only its own trial's usage. Closing a tree gives its slot back; closing this removes the
 * slots. The coordinator that opened it closes it.
 */
public final class ProcessTrees implements AutoCloseable {

  /** Thrown when {@code measure: cgroup} is asked for and no cgroup can be used. */
  public static final class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
      super(message);
    }
  }

  /** A slot of a coordinator: {@code p<pid>-<start ticks>-s<n>} ({@link CgroupPool#owner()}). */
  private static final Pattern SLOT = Pattern.compile("p(\\d+)-(\\d+)-s\\d+");

  private final Measurement kind;
  private final Cgroups.V1 v1;
  private final Cgroups.V2 v2;
  private final String experimentKey;
  private final CgroupPool<CgroupV1Tree.Slot> v1Slots;
  private final CgroupPool<CgroupV2Tree.Slot> v2Slots;

  private ProcessTrees(Measurement kind, Cgroups.V1 v1, Cgroups.V2 v2, String experimentKey) {
    this.kind = kind;
    this.v1 = v1;
    this.v2 = v2;
    this.experimentKey = experimentKey;
    this.v1Slots = v1 == null ? null : new CgroupPool<>(name -> new CgroupV1Tree.Slot(v1, experimentKey + "/" + name));
    this.v2Slots = v2 == null ? null : new CgroupPool<>(name -> new CgroupV2Tree.Slot(v2, experimentKey + "/" + name));
    if (v1 != null || v2 != null) {
      reclaimDeadOwners(false);
    }
  }

  public static ProcessTrees detect(MeasureMode mode, String experimentKey) throws UnavailableException {
    if (mode != MeasureMode.PROC) {
      Optional<Cgroups.V2> v2 = Cgroups.v2();
      if (v2.isPresent()) {
        return new ProcessTrees(Measurement.CGROUP_V2, null, v2.get(), experimentKey);
      }
      Optional<Cgroups.V1> v1 = Cgroups.v1();
      if (v1.isPresent()) {
        return new ProcessTrees(Measurement.CGROUP_V1, v1.get(), null, experimentKey);
      }
      if (mode == MeasureMode.CGROUP) {
        throw new UnavailableException("measure: cgroup was asked for, but neither cgroup v2 (with cpu and memory controllers)"
            + " nor cgroup v1 (cpuacct and memory) can be written by this process");
      }
    }
    return new ProcessTrees(Measurement.PROC, null, null, experimentKey);
  }

  public Measurement kind() {
    return kind;
  }

  /** A cgroup v2 tree maker on {@code base} as it is (no controller check): for tests on hosts whose v2 has no controllers. */
  static ProcessTrees v2(Cgroups.V2 base, String experimentKey) {
    return new ProcessTrees(Measurement.CGROUP_V2, null, base, experimentKey);
  }

  /**
   * A tree for one run; {@code name} is unique within the experiment (trial key and attempt) and
   * makes the tree's {@link ProcessTree#id()}. A cgroup tree runs in a slot of the pool; closing
   * the tree gives the slot back.
   */
  public ProcessTree create(String name, Limits limits) throws IOException {
    String id = experimentKey + "-" + name;
    return switch (kind) {
      case CGROUP_V2 -> new CgroupV2Tree(v2Slots, id, limits);
      case CGROUP_V1 -> new CgroupV1Tree(v1Slots, id, limits);
      default -> new ProcTree(id, limits);
    };
  }

  /**
   * Removes the pool's idle slots, the slots of dead coordinators, and the experiments' directories
   * left empty (this one's included).
   */
  @Override
  public void close() {
    if (v1Slots != null) {
      v1Slots.close();
    }
    if (v2Slots != null) {
      v2Slots.close();
    }
    if (v1 != null || v2 != null) {
      reclaimDeadOwners(true);
    }
  }

  /**
   * Stops and removes the slots of coordinators that died (killed with -9, say) in any experiment:
   * their owner, named in the slot's directory, is no longer running. So a crashed coordinator
   * leaves no cgroup behind once any coordinator runs again, resumed or not.
   */
  private void reclaimDeadOwners(boolean closing) {
    for (Path root : hierarchyRoots()) {
      for (Path experiment : children(root)) {
        if (experiment.getFileName().toString().equals(experimentKey) && !closing) {
          continue; // reclaimAll does it, counting what it stops, once the experiment is locked
        }
        boolean remove = experiment.getFileName().toString().equals(experimentKey);
        for (Path slot : children(experiment)) {
          if (SLOT.matcher(slot.getFileName().toString()).matches() && !liveSlot(slot)) {
            reclaim(slot);
            remove = true;
          }
        }
        if (remove) { // another experiment's directory is left alone unless a dead coordinator's slots were in it
          try {
            Files.deleteIfExists(experiment);
          } catch (IOException e) {
            // cgroups still in use
          }
        }
      }
    }
  }

  /** A slot whose coordinator still runs (this one's, when trees were made before the reclaim). */
  private static boolean liveSlot(Path dir) {
    Matcher m = SLOT.matcher(dir.getFileName().toString());
    return m.matches() && alive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private static boolean alive(long pid, long startTicks) {
    ProcFs.Stat stat = ProcFs.stat(pid);
    return stat != null && stat.startTicks() == startTicks;
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Kills every process left in this experiment's cgroups by a coordinator that died, and removes
   * its cgroups. Returns the number of process trees stopped.
   */
  int reclaimAll() {
    List<Path> stale = experimentBases().stream().flatMap(base -> children(base).stream()).filter(d -> !liveSlot(d)).toList();
    long busy = stale.stream().filter(d -> !Cgroups.noProcs(d)).map(d -> d.getFileName().toString()).distinct().count();
    int tagged = ProcTree.killTagged(experimentKey + "-");
    stale.forEach(ProcessTrees::reclaim);
    return (int) Math.max(tagged, busy);
  }

  /** Kills every process in the cgroup {@code dir} (looping until none is left) and removes it. */
  static void reclaim(Path dir) {
    for (int i = 0; i < 100 && !Cgroups.noProcs(dir); i++) {
      Cgroups.signalAll(dir, true);
      Cgroups.sleepQuietly(10);
    }
    Cgroups.remove(dir);
  }

  private List<Path> experimentBases() {
    return hierarchyRoots().stream().map(root -> root.resolve(experimentKey)).toList();
  }

  /** The {@code rigor} directories in each hierarchy, which hold one directory per experiment. */
  private List<Path> hierarchyRoots() {
    List<Path> out = new ArrayList<>();
    if (v1 != null) {
      out.add(v1.cpuacct());
      out.add(v1.memory());
      if (v1.cpu() != null && !v1.cpu().equals(v1.cpuacct())) {
        out.add(v1.cpu());
      }
    }
    if (v2 != null) {
      out.add(v2.base());
    }
    return out;
  }
}
