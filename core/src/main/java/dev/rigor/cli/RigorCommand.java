package dev.rigor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "rigor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Run experiment sweeps durably, and say with statistical confidence what changed.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  rigor run examples/sched/smoke.yaml        run a sweep (builds runs/sched-smoke/)",
      "  rigor plan examples/sched/experiment.yaml  show the trials a spec expands to",
      "  rigor status runs/sched-smoke              progress, counts, failures",
      "  rigor collect runs/sched-smoke             rebuild aggregate/runs.csv from the run directories",
      "  rigor summary runs/sched-smoke             mean with CI, sd, p95, p99, IQM, success rate",
      "  rigor compare runs/sched-smoke --control policy=fifo_cheapest --candidate policy=full",
      "                                             does B beat A? effect, CI, adjusted p, verdict",
      "  rigor variance runs/sched-smoke -m makespan_p95_ms       runs needed until the mean is precise",
      "  rigor power runs/sched-smoke -m makespan_p95_ms --effect 5%%   seeds to detect a 5%% change",
      "  rigor report runs/sched-smoke              HTML, Markdown and PNG/SVG report (runs/sched-smoke/report/index.html)",
      "  rigor serve runs                           live dashboard of the experiments in runs/ (http://127.0.0.1:8080/)",
      "",
      "Exit codes: 0 all ok · 1 some trials failed · 2 usage or spec error · 3 halted early · 130 interrupted"
    })
final class RigorCommand implements Callable<Integer> {

  /** The subcommands, in the order of the help text (added by {@link Rigor}, see there why). */
  static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, PlanCommand.class, StatusCommand.class,
      CollectCommand.class, SummaryCommand.class, CompareCommand.class, VarianceCommand.class, PowerCommand.class,
      ReportCommand.class, ServeCommand.class, ExecTrialCommand.class);

  @Spec CommandSpec spec;

  private final Context context;

  RigorCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return Rigor.USAGE;
  }
}
