package dev.rigor.exec.slurm;

import dev.rigor.exec.ExecutorFactory.UnavailableException;
import dev.rigor.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The checks made before anything of the experiment is submitted (DESIGN.md §11): SLURM's commands
 * on PATH; the submission options accepted ({@code sbatch --test-only}); and one small job that runs
 * Rigor on a node with the experiment's settings and writes a file into the experiment directory —
 * which proves at once that Java and Rigor run there and that the node shares the directory.
 * {@code RIGOR_SLURM_PREFLIGHT=skip} leaves the job out (a busy cluster may not start it soon).
 */
final class SlurmPreflight {

  /** How long the preflight job may wait in the queue before the check gives up. */
  private static final long PROBE_WAIT_MS = TimeUnit.MINUTES.toMillis(2);

  private SlurmPreflight() {}

  static SlurmExecutor.ClusterConfig check(SlurmCommands commands, BatchScripts scripts) throws UnavailableException, IOException {
    for (String command : List.of("sbatch", "squeue", "scancel")) {
      if (SlurmCommands.which(command) == null) {
        throw new UnavailableException("the slurm executor needs '" + command + "', which is not on PATH",
            "run rigor on a SLURM login node (or put SLURM's bin directory on PATH); ./.ci/slurm-up.sh starts a single-node SLURM here");
      }
    }
    List<String> test = new ArrayList<>(List.of("sbatch", "--test-only"));
    test.addAll(scripts.resourceOptions());
    test.addAll(List.of("--array=0-0", "--output=/dev/null", "--wrap", "true"));
    SlurmCommands.Output tested = commands.run(test);
    if (!tested.ok()) {
      throw new UnavailableException("SLURM refuses the experiment's job settings: " + tested.message(),
          "fix executor: (partition, time, cpus_per_task, mem, gpus, sbatch_args) in the spec; `sinfo` lists partitions and their limits");
    }
    SlurmExecutor.ClusterConfig cluster = config(commands);
    // One proof per experiment and settings: a resuming coordinator must not wait behind its own queued jobs.
    Path passed = scripts.dir().resolve("preflight.ok");
    String proofOf = scripts.probeScript(Path.of("-")) + String.join(" ", scripts.resourceOptions()) + "\n";
    boolean provenBefore = Files.isRegularFile(passed) && Files.readString(passed, StandardCharsets.UTF_8).equals(proofOf);
    if (!"skip".equals(System.getenv("RIGOR_SLURM_PREFLIGHT")) && !provenBefore) {
      probe(commands, scripts);
      AtomicFiles.write(passed, proofOf);
    }
    return cluster;
  }

  /** MaxArraySize, whether sacct works, and the jobcomp file: one {@code scontrol show config}. */
  private static SlurmExecutor.ClusterConfig config(SlurmCommands commands) throws IOException {
    SlurmCommands.Output o = commands.run(List.of("scontrol", "show", "config"));
    Map<String, String> conf = new java.util.HashMap<>();
    for (String line : o.out().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        conf.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    int maxArray = 1000;
    try {
      maxArray = Math.max(1, Math.min(10_000, Integer.parseInt(conf.getOrDefault("MaxArraySize", "1001")) - 1));
    } catch (NumberFormatException e) {
      // keep the default
    }
    boolean accounting = !conf.getOrDefault("AccountingStorageType", "accounting_storage/none").endsWith("/none");
    Path jobComp = conf.getOrDefault("JobCompType", "").equals("jobcomp/filetxt") ? Path.of(conf.getOrDefault("JobCompLoc", "")) : null;
    return new SlurmExecutor.ClusterConfig(maxArray, accounting, jobComp);
  }

  private static void probe(SlurmCommands commands, BatchScripts scripts) throws UnavailableException, IOException {
    String token = UUID.randomUUID().toString().substring(0, 8);
    Path dir = scripts.dir();
    Files.createDirectories(scripts.logs());
    Path proof = dir.resolve("preflight-" + token + ".ok");
    Path script = dir.resolve("preflight-" + token + ".sh");
    Path log = scripts.logs().resolve("preflight-" + token + ".out");
    AtomicFiles.write(script, scripts.probeScript(proof));
    List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable"));
    argv.addAll(scripts.resourceOptions().stream().filter(o -> !o.startsWith("--time=")).toList());
    argv.addAll(List.of("--time=5", "--output=" + log, script.toString()));
    try {
      SlurmCommands.Output submitted = commands.run(argv);
      if (!submitted.ok()) {
        throw new UnavailableException("sbatch refused the preflight job: " + submitted.message(), "check the executor: settings in the spec");
      }
      String job = submitted.out().strip().split(";")[0];
      String state = await(commands, job);
      if (state == null) {
        commands.run(List.of("scancel", job));
        throw new UnavailableException("the preflight job " + job + " did not run within " + PROBE_WAIT_MS / 60_000 + " minutes",
            "wait until the cluster has room, or set RIGOR_SLURM_PREFLIGHT=skip to submit without checking the nodes first");
      }
      if (!Files.isRegularFile(proof)) {
        String output = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        throw new UnavailableException("the preflight job " + job + " (" + state + ") could not run Rigor on a node and write into "
            + scripts.dir().getParent() + (output.isEmpty() ? "" : ": " + output.replace('\n', ' ')),
            "the experiment directory must be on a file system the nodes share (choose --out-root there), and Java and Rigor"
                + " must run on the nodes at the same paths, or through setup: lines (docs/CLUSTER.md)");
      }
    } finally {
      Files.deleteIfExists(proof);
      Files.deleteIfExists(script);
      Files.deleteIfExists(log);
    }
  }

  /** Waits for the job to end; returns its final state, or null when it is still pending after {@link #PROBE_WAIT_MS}. */
  private static String await(SlurmCommands commands, String job) throws IOException, UnavailableException {
    long deadline = System.currentTimeMillis() + PROBE_WAIT_MS;
    while (true) {
      SlurmCommands.Output o = commands.run(List.of("squeue", "-h", "--states=all", "-j", job, "-o", "%T"));
      String state = SlurmStates.baseState(o.out());
      if (SlurmStates.TERMINAL.contains(state)) {
        return state;
      }
      if (o.ok() && state.isEmpty() || !o.ok() && o.message().contains("Invalid job id")) {
        return "GONE";
      }
      if (state.equals("PENDING") && System.currentTimeMillis() > deadline) {
        return null;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException("interrupted during the SLURM preflight", "run again");
      }
    }
  }
}
