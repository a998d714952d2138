package dev.rigor.cli;

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
    subcommands = {RunCommand.class, PlanCommand.class, StatusCommand.class, CollectCommand.class},
    footer = {
      "",
      "Examples:",
      "  rigor run examples/sched/smoke.yaml        run a sweep (builds runs/sched-smoke/)",
      "  rigor plan examples/sched/experiment.yaml  show the trials a spec expands to",
      "  rigor status runs/sched-smoke              progress, counts, failures",
      "  rigor collect runs/sched-smoke             rebuild aggregate/runs.csv from the run directories",
      "",
      "Exit codes: 0 all ok · 1 some trials failed · 2 usage or spec error · 3 halted early · 130 interrupted"
    })
final class RigorCommand implements Callable<Integer> {

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
