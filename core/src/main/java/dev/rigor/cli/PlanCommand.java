package dev.rigor.cli;

import dev.rigor.adaptive.SeedRounds;
import dev.rigor.plan.Plan;
import dev.rigor.spec.Adaptive;
import dev.rigor.plan.Planner;
import dev.rigor.report.TableFormat;
import dev.rigor.spec.SpecLoader;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {"Show the trials a spec expands to.", "In launch order, with counts; nothing is run or written."},
    footer = {
      "",
      "Examples:",
      "  rigor plan examples/sched/experiment.yaml",
      "  rigor plan examples/sched/default.json --json | jq '.counts'",
      "  rigor plan spec.yaml --set policy=full --format csv > trials.csv"
    })
final class PlanCommand implements Callable<Integer> {

  private final Context context;

  @Mixin SpecOptions specOptions = new SpecOptions();

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, csv or md.")
  String format = "table";

  @Option(names = "--json", description = "Same as --format json: counts and every trial with all its parameters.")
  boolean json;

  PlanCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    SpecLoader.Loaded loaded = specOptions.load(context);
    Plan plan = Planner.plan(loaded.spec());
    print(plan, json ? "json" : format, context.out());
    return Rigor.OK;
  }

  /** The first round and how far adaptive replication can go. */
  static String adaptiveBounds(Plan full) {
    Adaptive a = full.spec().adaptive();
    String until = a.until() instanceof Adaptive.HalfWidth h
        ? "each variation's mean of " + String.join(", ", a.metrics()) + " is known to ±" + (h.relative() ? NumberText.human(h.value() * 100) + "%" : NumberText.human(h.value()))
        : "every comparison with " + ((Adaptive.Decided) a.until()).control() + " on " + String.join(", ", a.metrics()) + " is decided";
    return "adaptive: this is round 1 (" + full.variations().size() + " variations × " + a.minSeeds() + " seeds); then up to "
        + a.batch() + " more seeds per round to each variation not yet clear, until " + until + " (anytime-valid, α = "
        + NumberText.human(a.alpha()) + "), at most " + a.maxSeeds() + " seeds each: at most " + SeedRounds.maxTrials(full)
        + " trials in " + SeedRounds.maxRounds(full) + " rounds";
  }

  static void print(Plan full, String format, PrintStream out) throws UsageException, java.io.IOException {
    // an adaptive spec shows its first round (every variation at min_seeds) and the bounds of the rest
    Plan plan = full.spec().isAdaptive() ? SeedRounds.restrict(full, SeedRounds.first(full)) : full;
    java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    if (format.equalsIgnoreCase("json")) {
      PlanView.json(plan, writer);
      writer.flush();
      return;
    }
    TableFormat f;
    try {
      f = TableFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --format '" + format + "' (table, json, csv or md)");
    }
    f.write(PlanView.table(plan), writer);
    if (f == TableFormat.TABLE || f == TableFormat.MD) {
      if (full.spec().isAdaptive()) {
        writer.write("\n" + plan.spec().name() + ": " + plan.trials().size() + " trials = " + plan.variations().size() + " variations × "
            + full.spec().adaptive().minSeeds() + " seeds in round 1\n" + adaptiveBounds(full) + "\n");
      } else {
        writer.write("\n" + plan.spec().name() + ": " + PlanView.counts(plan) + "\n");
      }
    }
    writer.flush();
  }
}
