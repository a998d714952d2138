package dev.rigor.cli;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Definitions;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.ExperimentReader;
import dev.rigor.store.ExperimentDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How a command names an experiment directory; {@code --exp_dir} as seed 004's tools did. */
final class ExperimentOptions {

  @Parameters(index = "0", arity = "0..1", paramLabel = "EXP", description = "The experiment directory (e.g. runs/sched-smoke).")
  Path exp;

  @Option(names = {"--exp-dir", "--exp_dir"}, hidden = true, paramLabel = "EXP")
  Path expDir;

  @Option(names = Definitions.ALL_OPTION,
      description = "Include the runs of earlier trial definitions (left by rigor run --resume --allow-drift); default: the current one.")
  boolean allDefinitions;

  ExperimentDirectory directory(Context context) throws UsageException {
    Path p = exp != null ? exp : expDir;
    if (p == null) {
      throw new UsageException("no experiment directory given (e.g. runs/sched-smoke)");
    }
    ExperimentDirectory dir = new ExperimentDirectory(context.resolve(p));
    if (!Files.isDirectory(dir.root())) {
      throw new UsageException(p + " does not exist");
    }
    if (!dir.exists()) {
      throw new UsageException(p + " is not an experiment directory (no experiment.json, rigor.db or runs/)");
    }
    return dir;
  }

  /** The named experiment, read for analysis (see {@link ExperimentReader}). */
  Experiment read(Context context) throws UsageException, IOException {
    try {
      return ExperimentReader.read(directory(context).root(), allDefinitions);
    } catch (AnalysisException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
