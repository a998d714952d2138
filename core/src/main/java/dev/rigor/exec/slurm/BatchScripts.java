package dev.rigor.exec.slurm;

import dev.rigor.exec.ShellQuote;
import dev.rigor.exec.TrialSetup;
import dev.rigor.spec.ExecutorSettings;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.Quantities;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is handed to {@code sbatch}: the options from the spec's {@code executor:} settings, and the
 * batch script in which each task of a job array runs {@code rigor exec-trial EXP RUN_ID} for the
 * run on its line of the batch's task file. Rigor runs on the node with the coordinator's Java and
 * class path (the same paths on a shared file system); {@code setup:} lines run first and may point
 * elsewhere by exporting {@code RIGOR_JAVA} or {@code RIGOR_CLASSPATH}.
 */
final class BatchScripts {

  /** How much longer than the spec's timeout the SLURM time limit is by default (Rigor's own timeout acts first). */
  static Duration margin(Duration timeout) {
    Duration tenth = timeout.dividedBy(10);
    Duration min = Duration.ofMinutes(2);
    return tenth.compareTo(min) > 0 ? tenth : min;
  }

  private final ExecutorSettings settings;
  private final TrialSetup setup;
  private final Path experiment;
  private final MeasureMode measure;
  private final String jobName;

  BatchScripts(ExecutorSettings settings, TrialSetup setup, Path experiment, MeasureMode measure, String jobName) {
    this.settings = settings;
    this.setup = setup;
    this.experiment = experiment;
    this.measure = measure;
    this.jobName = jobName;
  }

  Path dir() {
    return experiment.resolve("slurm");
  }

  Path logs() {
    return dir().resolve("logs");
  }

  /** The SLURM log of one array task ({@code %A_%a.out}). */
  Path log(String jobId) {
    return logs().resolve(jobId + ".out");
  }

  /** {@code --time}: the spec's {@code executor.time}, else its timeout plus a margin, else none (the partition's default). */
  Duration time() {
    if (settings.time() != null) {
      return settings.time();
    }
    return setup.timeout() == null ? null : setup.timeout().plus(margin(setup.timeout()));
  }

  /** SLURM's time format, whole minutes rounded up ({@code D-HH:MM:SS}). */
  static String slurmTime(Duration d) {
    long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
    return String.format("%d-%02d:%02d:00", minutes / 1440, (minutes / 60) % 24, minutes % 60);
  }

  /** The resource options every submission of this experiment carries. */
  List<String> resourceOptions() {
    List<String> o = new ArrayList<>();
    o.add("--job-name=" + jobName);
    o.add("--chdir=" + setup.invocationDir());
    o.add("--no-requeue"); // a node failure comes back to Rigor, which retries as the spec's retries allow
    Duration time = time();
    if (time != null) {
      o.add("--time=" + slurmTime(time));
    }
    if (settings.partition() != null) {
      o.add("--partition=" + settings.partition());
    }
    if (settings.cpusPerTask() != null) {
      o.add("--cpus-per-task=" + settings.cpusPerTask());
    }
    if (settings.mem() != null) {
      o.add("--mem=" + settings.mem());
    }
    if (settings.gpus() != null) {
      o.add("--gpus=" + settings.gpus());
    }
    o.addAll(settings.sbatchArgs());
    return o;
  }

  /** sbatch's argv for an array of {@code tasks} tasks running {@code script}. */
  List<String> sbatch(Path script, int tasks) {
    List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable"));
    argv.addAll(resourceOptions());
    argv.add("--array=0-" + (tasks - 1) + (settings.arrayParallelism() == null ? "" : "%" + settings.arrayParallelism()));
    argv.add("--output=" + logs().resolve("%A_%a.out"));
    argv.add(script.toString());
    return argv;
  }

  /** The batch script of an array whose task {@code i} runs the run on line {@code i + 1} of {@code tasksFile}. */
  String arrayScript(Path tasksFile) {
    List<String> args = new ArrayList<>(List.of("exec-trial", experiment.toString()));
    StringBuilder b = header();
    b.append("set -- $(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" ").append(ShellQuote.quote(tasksFile.toString())).append(")\n");
    b.append("[ $# -eq 2 ] || { echo \"rigor: no run for array task $SLURM_ARRAY_TASK_ID in ").append(tasksFile).append("\" >&2; exit 2; }\n");
    b.append(javaCommand()).append(' ').append(quoted(args)).append(" \"$1\" --attempt \"$2\" --cwd ")
        .append(ShellQuote.quote(setup.invocationDir().toString())).append(" --measure ").append(measure.name().toLowerCase(java.util.Locale.ROOT));
    if (setup.timeout() != null) {
      b.append(" --timeout ").append(Quantities.format(setup.timeout()));
    }
    b.append('\n');
    return b.toString();
  }

  /** The preflight job's script: Rigor on the node writes {@code token} into the experiment directory. */
  String probeScript(Path token) {
    StringBuilder b = header();
    b.append(javaCommand()).append(' ').append(quoted(List.of("exec-trial", "--probe", token.toString()))).append('\n');
    return b.toString();
  }

  private StringBuilder header() {
    StringBuilder b = new StringBuilder("#!/bin/sh\n# Written by Rigor: each task runs one trial with `rigor exec-trial` (docs/CLUSTER.md).\n");
    if (!settings.setup().isEmpty()) {
      b.append("set -e\n");
      settings.setup().forEach(line -> b.append(line).append('\n'));
      b.append("set +e\n");
    }
    return b;
  }

  /**
   * {@code exec java … dev.rigor.cli.Main}: the coordinator's Java and class path, with the quick
   * compiler and a small heap (Rigor only waits for the trial on the node, and its memory counts
   * against the job's {@code --mem}), and the launcher's class-data archive when it has one.
   */
  private static String javaCommand() {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(Path.of(entry).toAbsolutePath().normalize().toString());
    }
    List<String> flags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xss512k"));
    archive().ifPresent(a -> flags.addAll(List.of("-XX:SharedArchiveFile=" + a, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
    return "exec \"${RIGOR_JAVA:-" + java + "}\" " + quoted(flags) + " -cp \"${RIGOR_CLASSPATH:-"
        + String.join(File.pathSeparator, classpath) + "}\" dev.rigor.cli.Main";
  }

  private static Optional<String> archive() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
        .map(a -> a.substring("-XX:SharedArchiveFile=".length()))
        .filter(a -> Files.isRegularFile(Path.of(a)))
        .findFirst();
  }

  private static String quoted(List<String> words) {
    return String.join(" ", words.stream().map(ShellQuote::quote).toList());
  }
}
