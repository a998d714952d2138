package dev.rigor.cli;

import dev.rigor.exec.slurm.NodeTrial;
import dev.rigor.spec.MeasureMode;
import dev.rigor.spec.Quantities;
import dev.rigor.store.RunRecord;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "exec-trial",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Internal: run one attempt of one trial here, into its run directory (what each task of a SLURM job array runs).",
      "The same local runner as `rigor run`; it never writes the ledger (the coordinator records the run)."
    })
final class ExecTrialCommand implements Callable<Integer> {

  private final Context context;

  @Parameters(index = "0", paramLabel = "EXP", arity = "0..1", description = "The experiment directory.")
  Path experiment;

  @Parameters(index = "1", paramLabel = "RUN_ID", arity = "0..1", description = "The run to execute.")
  String runId;

  @Option(names = "--attempt", paramLabel = "N", description = "The attempt number (default 1).")
  int attempt = 1;

  @Option(names = "--cwd", paramLabel = "DIR", description = "Where the coordinator ran (relative spec paths resolve there).")
  Path cwd;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Per-run timeout.")
  String timeout;

  @Option(names = "--measure", paramLabel = "MODE", description = "auto, cgroup or proc.")
  MeasureMode measure = MeasureMode.AUTO;

  @Option(names = "--probe", paramLabel = "FILE", description = "Only prove that Rigor runs here: write FILE and exit.")
  Path probe;

  ExecTrialCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (probe != null) {
      NodeTrial.probe(context.resolve(probe));
      return Rigor.OK;
    }
    if (experiment == null || runId == null) {
      throw new UsageException("exec-trial needs EXP and RUN_ID");
    }
    try {
      RunRecord record = NodeTrial.run(context.resolve(experiment), runId, attempt, cwd != null ? context.resolve(cwd) : context.cwd(),
          timeout == null ? null : Quantities.duration(timeout), measure);
      context.out().println(runId + " attempt " + attempt + ": " + record.meta().status().json()
          + (record.meta().error() == null ? "" : " (" + record.meta().error() + ")"));
      return record.meta().status().isFailure() ? Rigor.FAILED : Rigor.OK;
    } catch (NodeTrial.Unrunnable e) {
      throw new UsageException(e.getMessage());
    }
  }
}
