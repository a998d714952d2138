package dev.rigor.examples.sched;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** The command line: argv → {@link SimConfig} → {@link Simulation} → {@link ResultFiles}. */
public final class Main {
  static final int EXIT_OK = 0;
  static final int EXIT_IO = 1;
  static final int EXIT_USAGE = 2;
  static final String METRICS_ENV = "RIGOR_METRICS";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** The whole program, minus {@code System.exit}: returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      CommandLine cmd = CommandLine.parse(args);
      if (cmd.help()) {
        out.print(HelpText.render());
        return EXIT_OK;
      }
      SimConfig config = SimConfig.fromParams(cmd.values());
      ParamReader read = new ParamReader(cmd.values());
      long seed = read.longValue(Param.SEED);
      Path outDir = outDir(read);
      SimResult result = simulate(config, seed, env.get(METRICS_ENV));
      ResultFiles.write(result, outDir);
      out.println(result.logLine());
      return EXIT_OK;
    } catch (ConfigException e) {
      String where = e.key().isEmpty() ? "" : "--" + e.key() + ": ";
      err.println("sched-sim: error: " + where + e.problem());
      err.println("Run with --help to see every flag.");
      return EXIT_USAGE;
    } catch (IOException | UncheckedIOException e) {
      err.println("sched-sim: error: cannot write output: " + e.getMessage());
      return EXIT_IO;
    }
  }

  private static SimResult simulate(SimConfig config, long seed, String metricsPath)
      throws IOException {
    if (metricsPath == null || metricsPath.isBlank()) {
      return Simulation.run(config, seed);
    }
    Path path;
    try {
      path = Path.of(metricsPath);
    } catch (InvalidPathException e) {
      throw new IOException(METRICS_ENV + " is not a valid path: '" + metricsPath + "'", e);
    }
    try (MetricsFile metrics = new MetricsFile(path)) {
      return Simulation.run(config, seed, metrics);
    }
  }

  private static Path outDir(ParamReader read) {
    String text = read.text(Param.OUT_DIR);
    try {
      if (text.isBlank()) {
        throw new InvalidPathException(text, "empty");
      }
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new ConfigException(Param.OUT_DIR.key(), "not a valid path: '" + text + "'");
    }
  }
}
