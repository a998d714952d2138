package dev.rigor.exec;

import dev.rigor.spec.Limits;
import dev.rigor.spec.MeasureMode;
import dev.rigor.store.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses, once per executor, how trial trees are contained and measured — cgroup v2 (cpu and
 * memory controllers), else cgroup v1 (cpuacct + memory), else {@code /proc} sampling — and
 * creates a tree per run under {@code rigor/<experiment key>/}.
 */
public final class ProcessTrees {

  /** Thrown when {@code measure: cgroup} is asked for and no cgroup can be used. */
  public static final class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
      super(message);
    }
  }

  private final Measurement kind;
  private final Cgroups.V1 v1;
  private final Cgroups.V2 v2;
  private final String experimentKey;

  private ProcessTrees(Measurement kind, Cgroups.V1 v1, Cgroups.V2 v2, String experimentKey) {
    this.kind = kind;
    this.v1 = v1;
    this.v2 = v2;
    this.experimentKey = experimentKey;
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

  /** A tree for one run; {@code name} is unique within the experiment (trial key and attempt). */
  public ProcessTree create(String name, Limits limits) throws IOException {
    String id = experimentKey + "-" + name;
    String path = experimentKey + "/" + name;
    return switch (kind) {
      case CGROUP_V2 -> new CgroupV2Tree(v2, id, path, limits);
      case CGROUP_V1 -> new CgroupV1Tree(v1, id, path, limits);
      default -> new ProcTree(id, limits);
    };
  }

  /**
   * Kills every process left in this experiment's cgroups by a coordinator that died, and removes
   * the cgroups. Returns the number of cgroups reclaimed.
   */
  public int reclaimAll() {
    int n = ProcTree.killTagged(experimentKey + "-");
    for (Path base : experimentBases()) {
      if (!Files.isDirectory(base)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(base)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          reclaim(dir);
          n++;
        }
      } catch (IOException e) {
        // best effort: a cgroup that cannot be listed cannot hold our processes either
      }
    }
    return n;
  }

  /** Kills every process in the cgroup {@code dir} (looping until none is left) and removes it. */
  static void reclaim(Path dir) {
    for (int i = 0; i < 100 && !Cgroups.procs(dir).isEmpty(); i++) {
      Cgroups.signalAll(dir, true);
      Cgroups.sleepQuietly(10);
    }
    Cgroups.remove(dir);
  }

  /** Removes this experiment's (empty) cgroup directories once its trials are done. */
  public void removeEmptyBases() {
    for (Path base : experimentBases()) {
      try {
        Files.deleteIfExists(base);
      } catch (IOException e) {
        // still holds a run's cgroup (a trial being reclaimed); the next coordinator removes it
      }
    }
  }

  private java.util.List<Path> experimentBases() {
    java.util.List<Path> out = new java.util.ArrayList<>();
    if (v1 != null) {
      out.add(v1.cpuacct().resolve(experimentKey));
      out.add(v1.memory().resolve(experimentKey));
      if (v1.cpu() != null) {
        out.add(v1.cpu().resolve(experimentKey));
      }
    }
    if (v2 != null) {
      out.add(v2.base().resolve(experimentKey));
    }
    return out;
  }
}
