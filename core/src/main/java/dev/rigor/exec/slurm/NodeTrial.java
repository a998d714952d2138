package dev.rigor.exec.slurm;

import dev.rigor.exec.Execution;
import dev.rigor.exec.LocalExecutor;
import dev.rigor.exec.ProcessTrees;
import dev.rigor.exec.RunRequest;
import dev.rigor.exec.TrialSetup;
import dev.rigor.plan.Plan;
import dev.rigor.plan.Planner;
import dev.rigor.plan.Trial;
import dev.rigor.spec.CanonicalJson;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.SpecException;
import dev.rigor.spec.SpecLoader;
import dev.rigor.store.AtomicFiles;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentFile;
import dev.rigor.store.HostInfo;
import dev.rigor.store.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code rigor exec-trial EXP RUN_ID} on a cluster node: re-plans the experiment from its
 * {@code experiment.json} (the spec text and overrides the coordinator ran), finds the trial, and
 * runs one attempt with the local runner — the same code, records and measurement as a local sweep —
 * into the shared run directory. It never touches the ledger: the coordinator records the run from
 * the final {@code meta.json}.
 */
public final class NodeTrial {

  /** The trial cannot be run here (a bad experiment directory, an unknown run id, no cgroups…). */
  public static final class Unrunnable extends Exception {
    public Unrunnable(String message) {
      super(message);
    }
  }

  private NodeTrial() {}

  /**
   * Runs attempt {@code attempt} of {@code runId}; returns its final record (already in its run directory).
   *
   * @param invocationDir where the coordinator ran (relative paths in the spec resolve against it)
   */
  public static RunRecord run(Path experimentDir, String runId, int attempt, Path invocationDir, Duration timeout, MeasureMode measure)
      throws Unrunnable, IOException {
    ExperimentDirectory dir = new ExperimentDirectory(experimentDir.toAbsolutePath().normalize());
    if (!ExperimentFile.exists(dir)) {
      throw new Unrunnable("no experiment.json in " + dir.root() + ": is the experiment directory on a file system this node shares?");
    }
    ExperimentFile file = ExperimentFile.read(dir);
    SpecLoader.Loaded loaded;
    try {
      loaded = SpecLoader.parse(file.source(), file.sourceText(), file.overrides());
    } catch (SpecException e) {
      throw new Unrunnable("the experiment's spec no longer validates: " + e.getMessage());
    }
    Plan plan = Planner.plan(loaded.spec());
    Trial trial = plan.trials().stream().filter(t -> t.runId().equals(runId)).findFirst()
        .orElseThrow(() -> new Unrunnable("run " + runId + " is not in the plan of " + dir.root()));
    TrialSetup setup = TrialSetup.of(loaded.spec(), invocationDir, measure, timeout);
    ProcessTrees trees;
    try {
      trees = ProcessTrees.detect(measure, CanonicalJson.sha256Hex(dir.root().toString()).substring(0, 12));
    } catch (ProcessTrees.UnavailableException e) {
      throw new Unrunnable(e.getMessage());
    }
    try (LocalExecutor local = new LocalExecutor(setup, trees)) {
      Execution e = local.start(new RunRequest(trial, attempt, dir.run(runId)));
      return e.completion().join();
    }
  }

  /** The preflight job: proves that Rigor and Java run on the node and that it sees {@code file}'s directory. */
  public static void probe(Path file) throws IOException {
    AtomicFiles.write(file, ("ok " + HostInfo.hostname() + " java " + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
