package dev.rigor.examples.sched;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The simulator as one function of (params, seed, out dir): what the command line does, without
 * argv or exit codes — the entry point for running it in-process as a Java trial.
 */
public final class SchedTrial {

  private SchedTrial() {}

  /**
   * Simulates and writes {@code summary.csv}, {@code workflows.csv}, {@code tiers.csv} and
   * {@code trace.json} into {@code outDir}.
   *
   * @param params parameter names as on the command line without dashes (e.g. {@code policy},
   *     {@code workflows}, {@code disable_hedging}) to text, numbers, booleans or a {@link Policy};
   *     missing ones take their defaults, {@code seed} and {@code out_dir} are ignored
   * @throws ConfigException naming the first unknown or invalid parameter
   * @throws IOException when the results cannot be written
   */
  public static SimResult run(Map<String, ?> params, long seed, Path outDir) throws IOException {
    SimResult result = Simulation.run(SimConfig.fromParams(params), seed);
    ResultFiles.write(result, outDir);
    return result;
  }
}
