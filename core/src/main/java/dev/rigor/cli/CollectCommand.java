package dev.rigor.cli;

import dev.rigor.store.AtomicFiles;
import dev.rigor.store.ExperimentDirectory;
import dev.rigor.store.ExperimentLock;
import dev.rigor.store.HostInfo;
import dev.rigor.store.Ledger;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunScanner;
import dev.rigor.store.RunsCsv;
import dev.rigor.store.RunsJsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild aggregate/runs.csv (or, with --format jsonl, aggregate/runs.jsonl: one JSON object per run with",
      "runs.csv's columns and nested params and metrics) from the run directories.",
      "The run directories are the source of truth; the rigor.db ledger is brought up to date with them",
      "(and re-created if it is gone)."
    },
    footer = {
      "",
      "Examples:",
      "  rigor collect runs/sched-smoke",
      "  rigor collect runs/causal-java --format jsonl --out results.jsonl",
      "  rigor collect --exp_dir runs/sched-smoke --out_csv /tmp/runs.csv    # seed-004 spellings"
    })
final class CollectCommand implements Callable<Integer> {

  private final Context context;

  @Mixin ExperimentOptions experiment = new ExperimentOptions();

  @Option(names = {"--out-csv", "--out_csv"}, paramLabel = "PATH", description = "Where to write the CSV (default: EXP/aggregate/runs.csv).")
  Path outCsv;

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv (default: aggregate/runs.csv) or jsonl (aggregate/runs.jsonl).")
  String format = "csv";

  @Option(names = {"-o", "--out"}, paramLabel = "PATH", description = "Where to write (default: in EXP/aggregate; '-' for standard output).")
  Path out;

  CollectCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    boolean jsonl = switch (format) {
      case "csv" -> false;
      case "jsonl" -> true;
      default -> throw new UsageException("unknown --format '" + format + "' (csv or jsonl)");
    };
    if (out != null && outCsv != null) {
      throw new UsageException("give one of --out and --out-csv");
    }
    ExperimentDirectory dir = experiment.directory(context);
    List<RunRecord> latest = RunScanner.latest(dir);
    String ledgerNote;
    try (ExperimentLock lock = ExperimentLock.acquire(dir.lockFile(), HostInfo.hostname());
        Ledger ledger = Ledger.open(dir.ledger())) {
      ledgerNote = RunScanner.syncLedger(dir, ledger) + " runs in the ledger";
    } catch (ExperimentLock.HeldException e) {
      ledgerNote = "ledger left to the running coordinator (" + e.holder() + ")";
    }
    String text = jsonl ? RunsJsonl.write(latest) : RunsCsv.write(latest);
    Path chosen = out != null ? out : outCsv;
    if (chosen != null && chosen.toString().equals("-")) {
      context.out().print(text);
      context.out().flush();
      return Rigor.OK;
    }
    Path target = chosen != null ? context.resolve(chosen)
        : jsonl ? dir.runsCsv().resolveSibling("runs.jsonl") : dir.runsCsv();
    Files.createDirectories(target.toAbsolutePath().getParent());
    AtomicFiles.write(target, text);
    context.out().println(latest.size() + " trials, " + ledgerNote + " → " + context.shown(target));
    return Rigor.OK;
  }
}
