package dev.rigor.spec;

import java.time.Duration;
import java.util.List;

/**
 * Where trials run ({@code executor:} in the spec, DESIGN.md §11): {@code local} (the default) or a
 * SLURM cluster with its submission settings. Not part of a trial's definition: moving an experiment
 * to a cluster is not drift.
 *
 * @param type {@code local} or {@code slurm}
 * @param partition {@code --partition}, or {@code null} for the cluster's default
 * @param time {@code --time}, or {@code null} for the spec's timeout plus a margin
 * @param cpusPerTask {@code --cpus-per-task}, or {@code null}
 * @param mem {@code --mem} as SLURM writes it (e.g. {@code 2G}), or {@code null}
 * @param gpus {@code --gpus} (a count, or {@code type:count}), or {@code null}
 * @param arrayParallelism at most this many tasks of one array at once ({@code %N}), or {@code null}
 * @param sbatchArgs further {@code sbatch} options, verbatim
 * @param setup shell lines run on the node before Rigor (e.g. {@code module load java/17})
 */
public record ExecutorSettings(String type, String partition, Duration time, Integer cpusPerTask, String mem, String gpus,
    Integer arrayParallelism, List<String> sbatchArgs, List<String> setup) {

  public static final List<String> TYPES = List.of("local", "slurm");
  public static final List<String> KEYS = List.of("type", "partition", "time", "cpus_per_task", "mem", "gpus",
      "array_parallelism", "sbatch_args", "setup");

  public static final ExecutorSettings LOCAL = new ExecutorSettings("local", null, null, null, null, null, null, List.of(), List.of());

  public ExecutorSettings {
    sbatchArgs = List.copyOf(sbatchArgs);
    setup = List.copyOf(setup);
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("executor type is one of " + TYPES);
    }
  }

  /** The same settings for another executor type ({@code --executor}). */
  public ExecutorSettings withType(String newType) {
    return new ExecutorSettings(newType, partition, time, cpusPerTask, mem, gpus, arrayParallelism, sbatchArgs, setup);
  }
}
